"""YAML written the project's way, and a YAML file's text changed in place: the one place values become YAML text.

An import that loaded a file and dumped it again would drop the editors' comments and undo their layout;
here each change is an edit of the text at the place the node tree gives, so only the changed lines differ.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key and multi-line text (a title over several lines) as '|-' blocks, as
    editors write them."""

    lists_indented = True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, indentless and not self.lists_indented)


class _FlushListsDumper(_Dumper):
    """Lists flush with their key, as tools that are not editors write them (Decap's configuration)."""

    lists_indented = False


_Dumper.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)
)


def dump(value: object, *, width: int = 100, lists_indented: bool = True) -> str:
    """``value`` as block YAML in the project's layout, mappings in their own order; ``width`` is where long
    text wraps, ``lists_indented`` False puts list items flush with their key."""
    dumper = _Dumper if lists_indented else _FlushListsDumper
    return yaml.dump(value, Dumper=dumper, allow_unicode=True, sort_keys=False, width=width)


def _scalar(value: object) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, width=1000).removesuffix("...\n").strip()


def _block(value: object, indent: int, newline: str) -> str:
    return "".join(" " * indent + line + newline for line in dump(value).splitlines())


class YamlText:
    """A YAML file's text with its node tree: values are changed by editing the text at their place."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.root = yaml.compose(text, Loader=yaml.SafeLoader)
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._edits: list[tuple[int, int, int, str]] = []

    def result(self) -> str:
        """The text with every change made."""
        text = self.text
        for start, end, _, replacement in sorted(self._edits, reverse=True):
            text = text[:start] + replacement + text[end:]
        return text

    def _edit(self, start: int, end: int, replacement: str) -> None:
        self._edits.append((start, end, len(self._edits), replacement))

    def _node(self, *path: str | int) -> Node | None:
        node: Node | None = self.root
        for part in path:
            if isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
            elif isinstance(node, MappingNode) and isinstance(part, str):
                node = next((v for k, v in node.value if k.value == part), None)
            else:
                return None
        return node

    def _last_line(self, node: Node) -> int:
        """0-based line of the node's last character (a block ends at column 0 of the line after it)."""
        if isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
            last = node.value[-1]
            return self._last_line(last[1] if isinstance(last, tuple) else last)
        end = node.end_mark
        return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line

    def _insert_after(self, line: int, block: str) -> None:
        if line + 1 < len(self._line_starts):
            self._edit(self._line_starts[line + 1], self._line_starts[line + 1], block)
        else:  # the last line of a file without a final newline
            self._edit(len(self.text), len(self.text), self.newline + block)

    def set(self, path: tuple[str | int, ...], value: object, order: Sequence[str]) -> bool:
        """Set ``path`` (a key of a mapping) to ``value``; False when it cannot be done in place (flow style, multi-line).

        A missing key goes after the keys that come before it in ``order``, the mapping's usual key order.
        """
        mapping, name = self._node(*path[:-1]), str(path[-1])
        if not isinstance(mapping, MappingNode) or mapping.flow_style:
            return False
        pair = next(((k, v) for k, v in mapping.value if k.value == name), None)
        if pair is None:
            before = order[: order.index(name)]
            anchors = [v for k, v in mapping.value if k.value in before] or [mapping.value[-1][1]]
            self._insert_after(self._last_line(anchors[-1]), _block({name: value}, mapping.value[0][0].start_mark.column, self.newline))
            return True
        key, node = pair
        if isinstance(value, (dict, list)):
            return self._fill_empty(key, node, value)
        if not isinstance(node, ScalarNode) or node.style in ("|", ">") or node.start_mark.line != node.end_mark.line:
            return False
        empty = node.start_mark.index == node.end_mark.index  # "chuc_vu:" with nothing after it
        self._edit(node.start_mark.index, node.end_mark.index, (" " if empty else "") + _scalar(value))
        return True

    def append(self, name: str, items: list[object], order: Sequence[str]) -> bool:
        """Add ``items`` at the end of the top-level list ``name`` (placed by ``order`` when missing); False
        when the list is written on one line and holds items."""
        pair = next(((k, v) for k, v in self.root.value if k.value == name), None)
        if pair is None:
            return self.set((name,), items, order)
        key, listed = pair
        if isinstance(listed, SequenceNode) and not listed.flow_style:
            self._insert_after(self._last_line(listed), _block(items, listed.start_mark.column, self.newline))
            return True
        return self._fill_empty(key, listed, items)

    def _fill_empty(self, key: Node, node: Node, value: object) -> bool:
        """Write ``value`` as a block on the lines below a key that holds nothing: 'khen_thuong: []' (as scaffold
        writes a new file), 'quyet_dinh:' or '{}'; False when the key holds something."""
        colon = key.end_mark.index
        empty = isinstance(node, (SequenceNode, MappingNode)) and not node.value
        null = isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null"
        if not (empty or null) or self.text[colon : colon + 1] != ":":
            return False
        self._edit(colon + 1, node.end_mark.index, "")
        self._insert_after(key.start_mark.line, _block(value, key.start_mark.column + 2, self.newline))
        return True

    def replace_line(self, name: str, value: object) -> None:
        """Set the top-level scalar ``name`` to ``value`` and drop the rest of its line (a comment asking for it)."""
        node = self._node(name)
        assert isinstance(node, ScalarNode)
        line_end = self._line_starts[node.start_mark.line + 1] - 1
        self._edit(node.start_mark.index, line_end, _scalar(value))
