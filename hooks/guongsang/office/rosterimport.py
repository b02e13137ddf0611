"""Import an office list of honorees (XLSX, CSV): one YAML file per honoree, created or updated in place.

  python scripts/import.py danh-sach DANH-SACH.xlsx [--ghi] [--ghi-de] [--cong-khai] [--nam-hoc 2023-2024] …

Each row names a person or a collective, a unit and an award. Names map to the project's vocabularies
(data/don-vi/, data/danh-hieu.yaml, data/phong-trao/); a row that does not map is an error naming its
cell and the closest known names. Without --ghi nothing is written: the changes are shown as a diff.
An existing file only gains the awards it lacks; values an editor changed are reported, and replaced
only with --ghi-de. Edits are made in the text, so comments and layout of the file stay as they were.
Before anything is written the whole project is loaded with the new files, in a temporary copy: an
import that would break the build writes nothing.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from guongsang.diagnostics import Diagnostic, Report, Severity
from guongsang.lang import numbers
from guongsang.office import formats
from guongsang.office.rosterrows import Draft, Reader, RowDefaults, Vocabulary, same_award
from guongsang.office.rostersheet import Sheet, key
from guongsang.project import ProjectPaths, load_project
from guongsang.records.dataset import DataSet, Entry, load_data
from guongsang.records.models import Award, Decision, Honoree, SubjectType
from guongsang.records.yamltext import YamlText


@dataclass(frozen=True)
class RosterOptions:
    """What the editor asks of a list import."""

    source: Path
    """The list: .xlsx or .csv (see formats.LIST_READERS)."""
    label: str
    """The list's name in messages, as the editor wrote it."""
    sheet_name: str | None = None
    """The workbook's sheet to read; None: the first."""
    write: bool = False
    """Write the files; otherwise only show the changes."""
    overwrite: bool = False
    """Take the list's value where it differs from an existing file; otherwise keep the file's."""
    publish: bool = False
    """Publish new records of adults and collectives at once (never a student's)."""
    defaults: RowDefaults = RowDefaults()
    """Values for the rows that do not give their own."""


@dataclass(frozen=True)
class FileChange:
    """One honoree's file as the list would make it."""

    path: str
    """From the project root."""
    old: str | None
    """None for a new file."""
    new: str
    draft: Draft
    """What the list says of the honoree, with the rows it comes from."""

    def diff(self) -> list[str]:
        """The change as a unified diff, for the editor to review."""
        before = "/dev/null" if self.old is None else f"a/{self.path}"
        old = (self.old or "").splitlines(keepends=True)
        return list(difflib.unified_diff(old, self.new.splitlines(keepends=True), before, f"b/{self.path}"))


@dataclass(frozen=True)
class RosterImport:
    """A list read against the project: what it changes, what was found on the way, whether it was written."""

    label: str
    rows: int
    """Rows read as honorees."""
    honorees: int
    changed: list[FileChange]
    """Files the list creates or changes (shown, and written when asked and possible)."""
    unchanged: int
    """Honorees whose file already says all the list says."""
    conflicts: int
    """Values the list gives differently from a file."""
    diagnostics: list[Diagnostic]
    written: bool

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def new_students(self) -> int:
        """New records of students: never published by an import (they need consents first)."""
        return sum(c.old is None and c.draft.subject is SubjectType.STUDENT for c in self.changed)


# ---- drafts against the project's files ----

# Where a key goes when a file lacks it: after the keys that come before it in the usual order.
_ORDER = {
    "top": ("ma", "doi_tuong", "ho", "ten_dem", "ten", "ten_day_du", "ten_tap_the", "don_vi", "chuc_vu", "anh", "khen_thuong"),
    "award": ("loai", "hang", "nam", "nam_hoc", "quyet_dinh", "phong_trao"),
    "decision": ("so", "ngay", "co_quan"),
}


@dataclass(frozen=True)
class _Conflict:
    """A value the list gives that differs from what the file holds."""

    path: tuple[str | int, ...]
    label: str
    in_file: object
    in_list: object
    row: int
    order: str
    """The key of _ORDER that places the value when the mapping lacks it."""


def _labels(model: type[BaseModel]) -> dict[str, str]:
    return {info.alias or name: (info.title or name).lower() for name, info in model.model_fields.items()}


_HONOREE_LABELS, _AWARD_LABELS, _DECISION_LABELS = _labels(Honoree), _labels(Award), _labels(Decision)
_RECORD_VALUES = {
    "doi_tuong": lambda h: h.subject.value, "ho": lambda h: h.family_name, "ten_dem": lambda h: h.middle_name,
    "ten": lambda h: h.given_name, "ten_tap_the": lambda h: h.collective_name, "don_vi": lambda h: h.unit,
    "chuc_vu": lambda h: h.position,
}


def _conflicts(draft: Draft, honoree: Honoree) -> tuple[list[_Conflict], list[tuple[int, dict[str, object]]]]:
    """What the list says differently from the record, and the awards the record lacks."""
    conflicts = []
    row = draft.rows[0]
    for name, value in draft.fields.items():
        # A file with 'ten_day_du' orders the name its own way (Ê Đê names): its name parts are the editor's.
        if name in ("ho", "ten_dem", "ten") and honoree.display_name:
            continue
        held = _RECORD_VALUES[name](honoree)
        if held != value:
            conflicts.append(_Conflict((name,), _HONOREE_LABELS[name], held, value, row, "top"))
    missing = []
    for row, award in draft.awards:
        index = next((i for i, held in enumerate(honoree.awards) if same_award(_award_values(held), award)), None)
        if index is None:
            missing.append((row, award))
            continue
        held = _award_values(honoree.awards[index])
        at = ("khen_thuong", index)
        for name in ("hang", "nam_hoc", "nam", "phong_trao"):
            if name in award and held.get(name) != award[name]:
                conflicts.append(_Conflict((*at, name), _AWARD_LABELS[name], held.get(name), award[name], row, "award"))
        decision, held_decision = award.get("quyet_dinh"), held.get("quyet_dinh")
        if isinstance(decision, dict):
            if not isinstance(held_decision, dict):
                conflicts.append(_Conflict((*at, "quyet_dinh"), _AWARD_LABELS["quyet_dinh"], None, decision, row, "award"))
            else:
                for name, value in decision.items():
                    if held_decision.get(name) != value:
                        conflicts.append(_Conflict((*at, "quyet_dinh", name), _DECISION_LABELS[name], held_decision.get(name), value, row, "decision"))
    return conflicts, missing


def _award_values(award: Award) -> dict[str, object]:
    values: dict[str, object] = {"loai": award.type}
    if award.grade:
        values["hang"] = award.grade.value
    if award.school_year:
        values["nam_hoc"] = award.school_year
    if award.year is not None:
        values["nam"] = award.year
    if award.decision:
        values["quyet_dinh"] = {"so": award.decision.number, "ngay": award.decision.date, "co_quan": award.decision.issuer}
    if award.campaign:
        values["phong_trao"] = award.campaign
    return values


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(_shown(v) for v in value.values())
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return "(trống)" if value in (None, "") else str(value)


class _Planner:
    """Drafts against the project's files: the new text of each file, conflicts and problems on the way."""

    def __init__(self, paths: ProjectPaths, data: DataSet, options: RosterOptions, sheet: Sheet, report: Report) -> None:
        self.paths = paths
        self.options = options
        self.sheet = sheet
        self.report = report
        self.by_id = data.honorees
        self.by_identity = {_identity(e.record.unit, e.record): e for e in data.honorees.values()}
        self.invalid = data.invalid_ids
        self.conflicts = 0

    def change(self, draft: Draft) -> FileChange | None:
        """The file's new text; None when its current file cannot be read as a record."""
        record_id = Path(draft.path).stem
        entry = self.by_id.get(record_id) or self.by_identity.get(_identity(draft.fields["don_vi"], draft))
        if entry is None and ((self.paths.root / draft.path).exists() or record_id in self.invalid):
            self.report.error(draft.path, 0, 0, (
                f"tệp hồ sơ đang có lỗi nên chưa nhập được dòng {_rows(draft)} của {self.sheet.label};"
                " sửa tệp (make check) rồi nhập lại"
            ))
            return None
        if entry is None:
            text = YamlText(draft.template)
            text.append("khen_thuong", [award for _, award in draft.awards], _ORDER["top"])
            if self.options.publish and draft.subject is not SubjectType.STUDENT:
                text.replace_line("cong_khai", True)  # scaffold's reminder to set it later goes too
            return FileChange(draft.path, None, text.result(), draft)
        old = (self.paths.root / entry.path).read_text(encoding="utf-8-sig")
        text = YamlText(old)
        conflicts, missing = _conflicts(draft, entry.record)
        for conflict in conflicts:
            self._conflict(entry, text, conflict)
        if missing and not text.append("khen_thuong", [award for _, award in missing], _ORDER["top"]):
            mark = entry.mark("khen_thuong")
            self.report.error(entry.path, mark.line, mark.col, (
                f"'khen_thuong' viết trên một dòng ([...]) nên không thêm được khen thưởng của dòng {_rows(draft)};"
                " viết lại thành danh sách, mỗi mục bắt đầu bằng '- ', rồi nhập lại"
            ))
        return FileChange(entry.path, old, text.result(), draft)

    def _conflict(self, entry: Entry[Honoree], text: YamlText, conflict: _Conflict) -> None:
        self.conflicts += 1
        mark = entry.mark(*conflict.path)
        said = f"{conflict.label}: tệp ghi '{_shown(conflict.in_file)}', danh sách ({self.sheet.label} dòng {conflict.row}) ghi '{_shown(conflict.in_list)}'"
        if not self.options.overwrite:
            self.report.warning(entry.path, mark.line, mark.col, f"{said}; giữ như tệp (chạy lại với --ghi-de để lấy theo danh sách)")
        elif text.set(conflict.path, conflict.in_list, _ORDER[conflict.order]):
            self.report.warning(entry.path, mark.line, mark.col, f"{said}; ghi theo danh sách (--ghi-de)")
        else:
            self.report.warning(entry.path, mark.line, mark.col, (
                f"{said}; giá trị trong tệp viết nhiều dòng hoặc trên một dòng nên không tự ghi đè được: sửa tay"
            ))


def _identity(unit: str, who: Honoree | Draft) -> tuple[str, bool, str]:
    """Same unit, same kind, same name (case and accents aside): the same honoree, whatever its file's id."""
    if isinstance(who, Honoree):
        return unit, who.is_collective, key((who.collective_name or "") if who.is_collective else who.person_name)
    fields = who.fields
    name = fields.get("ten_tap_the", "") if who.subject is SubjectType.COLLECTIVE else " ".join(fields.get(k, "") for k in ("ho", "ten_dem", "ten"))
    return unit, who.subject is SubjectType.COLLECTIVE, key(name)


def _rows(draft: Draft) -> str:
    return ", ".join(str(r) for r in draft.rows)


# ---- validation: the project as it would be ----


def _validate(paths: ProjectPaths, changes: list[FileChange], sheet: Sheet) -> list[Diagnostic]:
    """Errors the import would add to the project, each naming the list rows it came from.

    The project is loaded twice: as it is, and in a temporary copy of data/ (files hard-linked, as the
    loader refuses symbolic links; changed files written anew) beside a link to the real content/. Errors
    already there before the import are not its own.
    """
    before = {(d.path, d.message) for d in load_project(paths).report.errors}
    scratch = paths.root / ".cache"  # on the project's disk, so files can be hard-linked
    scratch.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nhap-danh-sach-", dir=scratch) as temp:
        root = Path(temp)
        copy = ProjectPaths(root, root / paths.docs_dir.relative_to(paths.root), root / paths.data_dir.relative_to(paths.root))
        copy.docs_dir.parent.mkdir(parents=True, exist_ok=True)
        copy.docs_dir.symlink_to(paths.docs_dir, target_is_directory=True)
        shutil.copytree(paths.data_dir, copy.data_dir, copy_function=_link_or_copy)
        for change in changes:
            target = root / change.path
            target.unlink(missing_ok=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(change.new, encoding="utf-8")
        after = load_project(copy).report.errors
    rows = {change.path: change.draft for change in changes}
    found = []
    for d in after:
        if (d.path, d.message) in before:
            continue
        source = f" (từ {sheet.label} dòng {_rows(rows[d.path])})" if d.path in rows else ""
        found.append(Diagnostic(d.path, d.line, d.col, Severity.ERROR, d.message + source))
    return found


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another disk, or a file system without hard links
        shutil.copy2(source, target)


# ---- the import ----


def school_year(value: str) -> str:
    """'2023 - 2024' as '2023-2024'; ValueError, saying why, when it is not a school year."""
    match = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", value)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise ValueError(f"năm học '{value}' cần viết dạng 2023-2024")
    return f"{match.group(1)}-{match.group(2)}"


def reference_number(value: str) -> str:
    """A decision's number as written; ValueError, saying why, when it is not one."""
    if not numbers.is_reference_number(value):
        raise ValueError(f"số quyết định '{value}' không đúng dạng số/ký hiệu, ví dụ '1234/QĐ-UBND'")
    return value.strip()


def import_list(paths: ProjectPaths, options: RosterOptions) -> RosterImport:
    """Read the list against the project and, when asked and the project stays valid, write its files;
    SheetError when the file cannot be read as a list."""
    report = Report()
    sheet = formats.read_list(options.source, options.label, options.sheet_name)
    data = load_data(paths.data_dir, paths.root, Report())
    reader = Reader(sheet, Vocabulary(data), options.defaults, report)
    drafts = reader.drafts()
    planner = _Planner(paths, data, options, sheet, report)
    changes = [change for draft in drafts.values() if (change := planner.change(draft))] if report.ok else []
    changed = [c for c in changes if c.old != c.new]
    if report.ok and changed:
        for diagnostic in _validate(paths, changed, sheet):
            report.error(diagnostic.path, diagnostic.line, diagnostic.col, diagnostic.message)
    written = report.ok and bool(changed) and options.write
    if written:
        _write(paths, changed)
    return RosterImport(
        sheet.label, reader.rows, len(drafts), changed,
        len(changes) - len(changed), planner.conflicts, list(report.diagnostics), written,
    )


def _write(paths: ProjectPaths, changes: list[FileChange]) -> None:
    """Every file written beside its place first, then moved in: a failure leaves no half-written file."""
    staged = []
    for change in changes:
        target = paths.root / change.path
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.nhap")
        temporary.write_text(change.new, encoding="utf-8")
        staged.append((temporary, target))
    for temporary, target in staged:
        os.replace(temporary, target)
