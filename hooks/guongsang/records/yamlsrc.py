"""YAML that remembers where each key and value stands, so every error can name its line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from guongsang.diagnostics import Report
from guongsang.lang import text as vi

DataPath = tuple[str | int, ...]

# libyaml's (and PyYAML's) problems in the words an office editor can act on.
_YAML_PROBLEMS = {
    "mapping values are not allowed": "dấu ':' đặt sai chỗ; nếu giá trị có dấu ':' thì đặt cả giá trị trong ngoặc kép",
    "could not find expected ':'": "thiếu dấu ':' sau tên trường",
    "found undefined alias": "dùng bí danh (*) chưa được khai báo",
    "found unexpected end of stream": "tệp kết thúc giữa chừng (thiếu dấu ngoặc kép hoặc ngoặc đóng?)",
    "did not find expected key": "thụt lề không đều hoặc thiếu dấu ':'",
    "did not find expected '-' indicator": "thụt lề không đều, hoặc danh sách ('- ') lẫn với trường ('khóa:') ở cùng mức",
    "did not find expected ',' or ']'": "thiếu dấu ']' đóng danh sách, hoặc thiếu dấu ',' giữa hai mục",
    "did not find expected ',' or '}'": "thiếu dấu '}' đóng nhóm, hoặc thiếu dấu ',' giữa hai mục",
    "found unknown escape character": "ký tự thoát '\\' không hợp lệ trong ngoặc kép; dùng ngoặc đơn",
    "expected <block end>": "thụt lề không đều",
    "block sequence entries are not allowed": "dấu '- ' của danh sách đặt sai chỗ; mỗi mục danh sách bắt đầu ở một dòng riêng, thụt lề dưới tên trường",
    "expected a single document": "tệp chỉ được có một khối dữ liệu; xóa dòng '---' thừa",
    "but found another document": "tệp chỉ được có một khối dữ liệu; xóa dòng '---' thừa",
    "did not find expected alphabetic or numeric character": "sau '&' hoặc '*' phải là tên bí danh; nếu giá trị bắt đầu bằng '&' hoặc '*' thì đặt cả giá trị trong ngoặc kép",
    "second occurrence": "bí danh (&) được khai báo hai lần; đặt cả giá trị trong ngoặc kép nếu nó bắt đầu bằng '&'",
    "found duplicate anchor": "bí danh (&) được khai báo hai lần; đặt cả giá trị trong ngoặc kép nếu nó bắt đầu bằng '&'",
    "expected alphabetic or numeric character": "sau '&' hoặc '*' phải là tên bí danh; nếu giá trị bắt đầu bằng '&' hoặc '*' thì đặt cả giá trị trong ngoặc kép",
    "found undefined tag handle": "thẻ YAML không hợp lệ; xóa phần bắt đầu bằng '!' hoặc đặt cả giá trị trong ngoặc kép",
    "expected the node content": "thiếu giá trị sau dấu ':' hoặc '- '",
    "found unexpected ':'": "dấu ':' đặt sai chỗ; nếu giá trị có dấu ':' thì đặt cả giá trị trong ngoặc kép",
    "could not find expected": "thiếu dấu đóng (ngoặc kép, ngoặc vuông hoặc ngoặc nhọn) hoặc thiếu dấu ':'",
}

_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}

# A few hundred aliases expanding into millions of nodes is the "billion laughs" attack.
MAX_NODES = 200_000
# Parsers recurse once per level: thousands of nested '[' crash them (a RecursionError, or a segfault in
# libyaml's composer). Real records nest a few levels; these bounds are checked on the text before parsing.
MAX_FLOW_DEPTH = 64
MAX_INDENT = 200

# libyaml when the wheel has it (10× faster on large data sets), else the pure-Python reader.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in a file."""

    line: int
    col: int


@dataclass
class Located:
    """Plain data (dicts, lists, scalars) ready for validation, with the place of each part."""

    data: Any
    start: Mark
    """Where the document starts."""
    line_offset: int = 0
    values: dict[DataPath, Any] = field(default_factory=dict)
    """Path -> PyYAML mark of the value (converted to a Mark only when a message needs it)."""
    keys: dict[DataPath, Any] = field(default_factory=dict)

    def _to_mark(self, raw: Any) -> Mark:
        return Mark(raw.line + 1 + self.line_offset, raw.column + 1)

    def mark(self, path: DataPath) -> Mark:
        """The place of the value at ``path``, or of its nearest ancestor that exists."""
        while path:
            if path in self.values:
                return self._to_mark(self.values[path])
            path = path[:-1]
        return self.start

    def key_mark(self, path: DataPath) -> Mark:
        """The place of the key that holds ``path`` (its value's place for list items)."""
        while path:
            if path in self.keys:
                return self._to_mark(self.keys[path])
            if path in self.values:
                return self._to_mark(self.values[path])
            path = path[:-1]
        return self.start


class _Constructor(SafeConstructor):
    """Safe scalars, but dates kept as text: our own date parser gives the editor a clear error."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


def _translate(problem: str | None, char: str) -> str:
    problem = (problem or "").strip()
    if "tab character" in problem:
        return "có ký tự Tab; thụt lề YAML chỉ dùng dấu cách"
    if problem.startswith("found character") and "cannot start any token" in problem:
        if char == "\t":
            return "có ký tự Tab; thụt lề YAML chỉ dùng dấu cách"
        return f"ký tự '{char}' không được đứng đầu một giá trị; đặt cả giá trị trong ngoặc kép"
    for english, vietnamese in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return vietnamese
    return f"cú pháp YAML không hợp lệ ({problem})"


class _Builder:
    def __init__(self, path: str, line_offset: int, report: Report) -> None:
        self.path = path
        self.offset = line_offset
        self.report = report
        self.constructor = _Constructor()
        self.count = 0

    def mark(self, node: Node) -> Mark:
        return Mark(node.start_mark.line + 1 + self.offset, node.start_mark.column + 1)

    def error(self, mark: Mark, message: str) -> None:
        self.report.error(self.path, mark.line, mark.col, message)

    def build(self, node: Node, path: DataPath, located: Located) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge
        located.values.setdefault(path, node.start_mark)
        if node.tag == _STR:
            if word := vi.mixed_script_word(node.value):
                self.error(self.mark(node), vi.look_alike_message(word))
            return node.value
        if node.tag not in _PLAIN_TAGS:
            self.error(
                self.mark(node),
                f"thẻ YAML '{node.tag.replace('tag:yaml.org,2002:', '!!')}' không được dùng trong dữ liệu; xóa phần bắt đầu bằng '!'",
            )
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path, located)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i), located) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self.constructor.construct_object(node)

    def _mapping(self, node: MappingNode, path: DataPath, located: Located) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.error(self.mark(key_node), "tên trường phải là một từ đơn giản, ví dụ 'ho_ten:'")
                continue
            key = str(key_node.value)
            if key in first_seen:
                self.error(
                    self.mark(key_node),
                    f"trường '{key}' được khai báo hai lần (lần đầu ở dòng {self.mark(first_seen[key]).line});"
                    " giữ một lần và xóa lần còn lại",
                )
                continue
            first_seen[key] = key_node
            located.keys[(*path, key)] = key_node.start_mark
            result[key] = self.build(value_node, (*path, key), located)
        return result


class _TooLarge(Exception):
    pass


def parse_yaml(text: str, path: str, report: Report, line_offset: int = 0) -> Located | None:
    """Parse one YAML document safely, reporting every problem with its line.

    Args:
        text: The YAML text.
        path: The file path used in messages.
        report: Where problems go.
        line_offset: Lines before ``text`` in the file (front matter starts on line 2).

    Returns:
        The located data, or None when the text could not be read as YAML.
    """
    too_deep = _too_deep(text)
    if too_deep is not None:
        report.error(
            path, too_deep + line_offset, 1,
            f"dữ liệu lồng nhau quá sâu (quá {MAX_FLOW_DEPTH} mức ngoặc '[' '{{' hoặc thụt lề quá {MAX_INDENT} cột);"
            " hãy viết lại phần này thành các dòng 'trường: giá trị' đơn giản",
        )
        return None
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        col = (mark.column + 1) if mark else 1
        lines = text.splitlines()
        row = lines[mark.line] if mark and mark.line < len(lines) else ""
        char = row[mark.column] if mark and mark.column < len(row) else ""
        report.error(path, line, col, _translate(exc.problem, char))
        return None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line, col = vi.line_col(text, exc.position)
        report.error(path, line + line_offset, col, f"ký tự U+{exc.character:04X} không được dùng trong tệp YAML; xóa ký tự đó")
        return None
    except (yaml.YAMLError, RecursionError) as exc:
        report.error(path, 1 + line_offset, 1, f"không đọc được tệp YAML ({type(exc).__name__}); kiểm tra lại cú pháp của tệp")
        return None
    start = Mark(1 + line_offset, 1)
    if root is None:
        return Located(data=None, start=start)
    builder = _Builder(path, line_offset, report)
    located = Located(data=None, start=builder.mark(root), line_offset=line_offset)
    try:
        located.data = builder.build(root, (), located)
    except (_TooLarge, RecursionError):
        report.error(
            path, start.line, 1,
            f"tệp mở rộng thành hơn {MAX_NODES} giá trị (bí danh & và * lồng nhau?); hãy viết giá trị trực tiếp",
        )
        return None
    return located


def _too_deep(source: str) -> int | None:
    """The 1-based line where nesting passes the bounds parsers survive, if it does.

    Brackets are counted everywhere, quoted or not: an apostrophe in a name ("H'Hen") must not make the
    count skip what follows, and no real value holds dozens of unclosed '[' or '{'.
    """
    lines = source.split("\n")
    for number, line in enumerate(lines, start=1):
        stripped = line.lstrip(" ")
        while stripped[:2] in ("- ", "? ", ": "):  # compact nesting: "- - - x" opens a level per dash
            stripped = stripped[2:].lstrip(" ")
        if len(line) - len(stripped) > MAX_INDENT:
            return number
    flow = vi.unclosed_beyond(lines, {"[": "]", "{": "}"}, MAX_FLOW_DEPTH)
    return flow[0] + 1 if flow else None
