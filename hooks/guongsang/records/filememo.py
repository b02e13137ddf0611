"""What reading each editor's file gave, kept while the file is unchanged: a rebuild under `make serve`
reads again only the files saved since the last build.

A file counts as unchanged while its size, modification time (to the nanosecond) and inode are the
same, as for make and rsync; its outcome is the value read and the diagnostics reading it reported,
which are reported again each time. Outcomes are frozen records (the models are frozen pydantic
models), so sharing them between builds is safe.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from guongsang.diagnostics import Diagnostic, Report

T = TypeVar("T")

_Signature = tuple[int, int, int]


@dataclass(frozen=True)
class _Kept:
    signature: _Signature
    value: Any
    diagnostics: tuple[Diagnostic, ...]
    serial: int
    """Unique to this reading of the file: the stamp of what it gave."""


class FileMemo:
    """Outcomes of reading files, by kind of reading and path."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, str], _Kept] = {}
        self._stamps: dict[int, tuple[object, str]] = {}
        self._serial = 0
        self._derived: dict[tuple[Hashable, int], tuple[object, Any]] = {}
        self._derived_before: dict[tuple[Hashable, int], tuple[object, Any]] = {}
        self.read = 0
        """Files read (not taken from the memo) since the memo was made: the tests and the benchmark count them."""

    def outcome(self, kind: str, path: Path, read: Callable[[Report], T], report: Report) -> T:
        """``read(report)`` for ``path``, or what it gave last time if the file has not changed since."""
        signature = _signature(path)
        key = (kind, str(path))
        kept = self._kept.get(key)
        if kept is not None and signature is not None and kept.signature == signature:
            for diagnostic in kept.diagnostics:
                report.add(diagnostic)
            return kept.value
        own = Report()
        value = read(own)
        self.read += 1
        report.extend(own)
        if signature is not None:
            self._serial += 1
            self._kept[key] = _Kept(signature, value, tuple(own.diagnostics), self._serial)
            for part in (value, getattr(value, "record", None), getattr(value, "located", None)):
                if part is not None:
                    self._stamps[id(part)] = (part, f"{kind}:{self._serial}")
        return value

    def stamp(self, value: object) -> str | None:
        """A name for ``value`` if it is what reading a file gave (or the record or YAML it holds), the same
        for as long as the file is unchanged: a digest of a page takes it for the record's content."""
        kept = self._stamps.get(id(value))
        return kept[1] if kept is not None and kept[0] is value else None

    def begin_load(self) -> None:
        """Start a load: drop the outcomes of files deleted since (a renamed record must not linger)."""
        self._kept = {key: kept for key, kept in self._kept.items() if os.path.lexists(key[1])}
        live = [kept.value for kept in self._kept.values()]
        live += [getattr(value, name, None) for value in live for name in ("record", "located")]
        alive = {id(value) for value in live}
        self._stamps = {key: stamp for key, stamp in self._stamps.items() if key in alive}
        self._derived_before, self._derived = self._derived, {}

    def derived(self, kind: Hashable, source: object, compute: Callable[[], T]) -> T:
        """What ``compute`` gives for ``source``, an outcome kept here (the same object while its file is
        unchanged), computed once per outcome. Kept for two loads: values of outcomes no longer used go."""
        key = (kind, id(source))
        kept = self._derived.get(key) or self._derived_before.get(key)
        if kept is None or kept[0] is not source:
            kept = (source, compute())
        self._derived[key] = kept
        return kept[1]


def _signature(path: Path) -> _Signature | None:
    try:
        stat = path.lstat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)

