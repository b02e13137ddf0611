"""Diagnostics: every problem found in the editors' files, in the compiler format editors' tools link."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "lỗi"
    WARNING = "cảnh báo"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place: printed as ``path:line:col: lỗi: message``."""

    path: str
    """File path relative to the project root, with forward slashes."""
    line: int
    """1-based line; 0 when the problem concerns the file as a whole."""
    col: int
    """1-based column."""
    severity: Severity = field(compare=False)
    message: str = field(compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message}"


class Report:
    """All the diagnostics of one run, so an editor fixes every mistake in one pass."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def error(self, path: str, line: int, col: int, message: str) -> None:
        self._items.append(Diagnostic(path, line, col, Severity.ERROR, message))

    def warning(self, path: str, line: int, col: int, message: str) -> None:
        self._items.append(Diagnostic(path, line, col, Severity.WARNING, message))

    def add(self, diagnostic: Diagnostic) -> None:
        self._items.append(diagnostic)

    def extend(self, other: Report) -> None:
        self._items.extend(other._items)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every diagnostic, sorted by path, line and column."""
        return sorted(self._items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def render(self) -> str:
        """The diagnostics as lines, then a one-line summary in Vietnamese."""
        lines = [str(d) for d in self.diagnostics]
        lines.append(summary_line(len(self.errors), len(self.warnings)))
        return "\n".join(lines)


def summary_line(errors: int, warnings: int) -> str:
    if errors:
        return f"Có {errors} lỗi và {warnings} cảnh báo: chưa xuất bản gì. Sửa các lỗi trên rồi chạy lại."
    if warnings:
        return f"Không có lỗi; {warnings} cảnh báo nên xem lại."
    return "Không có lỗi."


def found_text(value: Any) -> str:
    """A value as an editor's message shows what was found: 'ô để trống', 'số 12', quoted text…"""
    if value is None:
        return "ô để trống"
    if isinstance(value, bool):
        return f"giá trị {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"số {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        return f"'{shown}'"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một nhóm trường"
    return repr(value)
