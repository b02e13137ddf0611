"""YAML that remembers where each key and value stands, so every error can name its line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from guongsang.diagnostics import Report

DataPath = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}

# A few hundred aliases expanding into millions of nodes is the "billion laughs" attack.
MAX_NODES = 200_000

# PyYAML's problems in the words an office editor can act on.
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
}

_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}

# A few hundred aliases expanding into millions of nodes is the "billion laughs" attack.
MAX_NODES = 200_000

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
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        report.error(path, 1 + line_offset, 1, f"tệp có ký tự không hợp lệ ({exc})")
        return None
    start = Mark(1 + line_offset, 1)
    if root is None:
        return Located(data=None, start=start)
    builder = _Builder(path, line_offset, report)
    located = Located(data=None, start=builder.mark(root), line_offset=line_offset)
    try:
        located.data = builder.build(root, (), located)
    except _TooLarge:
        report.error(
            path, start.line, 1,
            f"tệp mở rộng thành hơn {MAX_NODES} giá trị (bí danh & và * lồng nhau?); hãy viết giá trị trực tiếp",
        )
        return None
    return located
