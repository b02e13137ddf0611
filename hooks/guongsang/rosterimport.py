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

import argparse
import difflib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from pydantic import BaseModel
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from guongsang import consent, numbers, scaffold
from guongsang.dates import parse_full_date
from guongsang.diagnostics import Diagnostic, Report, Severity
from guongsang.models import Award, AwardSubject, AwardType, Decision, Grade, Honoree, SubjectType
from guongsang.project import ProjectPaths, load_project
from guongsang.records import DataSet, Entry, load_data
from guongsang.rostersheet import FIELDS, Column, Sheet, SheetError, key, read_sheet

# ---- vocabularies: the words offices write, mapped to the project's ids ----

# Office spellings folded to the words of the vocabulary files ("GDĐT" for "Giáo dục và Đào tạo").
_PHRASES = (
    ("giao duc va dao tao", "gddt"), ("uy ban nhan dan", "ubnd"), ("trung hoc pho thong", "thpt"),
    ("trung hoc co so", "thcs"), ("tieu hoc", "th"), ("mam non", "mn"), ("giao duc thuong xuyen", "gdtx"),
    ("hsg", "hoc sinh gioi"), ("cstdcs", "chien si thi dua co so"), ("cstd", "chien si thi dua"),
    ("ttldtt", "tap the lao dong tien tien"), ("ttldxs", "tap the lao dong xuat sac"), ("ldtt", "lao dong tien tien"),
)
_GRADES = {"nhat": Grade.FIRST, "nhi": Grade.SECOND, "ba": Grade.THIRD, "khuyen khich": Grade.CONSOLATION, "kk": Grade.CONSOLATION}
_GRADE_IN_NAME = re.compile(r"^giai (nhat|nhi|ba|khuyen khich) |(?: hang| giai) (nhat|nhi|ba|khuyen khich)$")

_SUBJECT_WORDS: dict[str, SubjectType | None] = {
    **{key(s.value): s for s in SubjectType}, **{key(s.label): s for s in SubjectType},
    "cbql": SubjectType.MANAGER, "gv": SubjectType.TEACHER, "nv": SubjectType.STAFF, "hs": SubjectType.STUDENT,
    "hoc vien": SubjectType.STUDENT, "ca nhan": None,  # an individual: the role comes from chức vụ
}
# What a position says about the role, strongest first: a principal who also teaches is a manager.
# "Tổ trưởng" alone says nothing (a subject team or the office team) and is left to the editor.
_ROLE_WORDS = (
    ("hieu truong", SubjectType.MANAGER), ("giam doc", SubjectType.MANAGER), ("truong phong", SubjectType.MANAGER),
    ("chanh van phong", SubjectType.MANAGER), ("giao vien", SubjectType.TEACHER), ("to truong chuyen mon", SubjectType.TEACHER),
    ("to pho chuyen mon", SubjectType.TEACHER), ("tong phu trach", SubjectType.TEACHER), ("nhan vien", SubjectType.STAFF),
    ("ke toan", SubjectType.STAFF), ("van thu", SubjectType.STAFF), ("thu vien", SubjectType.STAFF),
    ("thiet bi", SubjectType.STAFF), ("y te", SubjectType.STAFF), ("bao ve", SubjectType.STAFF),
    ("hoc sinh", SubjectType.STUDENT), ("hoc vien", SubjectType.STUDENT), ("lop", SubjectType.STUDENT),
)


def _words(text: object) -> str:
    """The key of a name with office abbreviations spelled the vocabulary's way and 'của' dropped."""
    words = f" {key(text)} "
    for phrase, replacement in _PHRASES:
        words = words.replace(f" {phrase} ", f" {replacement} ")
    return " ".join(word for word in words.split() if word != "cua")


def _unit_key(text: str) -> str:
    """'Trường THPT Lê Quý Đôn (mẫu)', 'THPT Lê Quý Đôn' and 'thpt-le-quy-don' all read 'thpt le quy don'."""
    return re.sub(r"^(tap the )?(truong )?", "", _words(re.sub(r"\s*\([^)]*\)\s*$", "", text)))


class _Lookup:
    """Ids by the keys of their spellings; a miss comes back with the closest names, for the message."""

    def __init__(self, names: dict[str, str], read: Callable[[str], str]) -> None:
        """``names``: id -> name; both are accepted, read by ``read``."""
        self.read = read
        self.names = names
        self.keys: dict[str, set[str]] = {}
        for record_id, name in names.items():
            for spelling in (name, record_id):
                self.keys.setdefault(read(spelling), set()).add(record_id)

    def find(self, text: str) -> str | list[str]:
        """The id ``text`` names, or the closest names as "'Tên' (mã)" when it names none or several."""
        found = self.keys.get(self.read(text), set())
        if len(found) == 1:
            return next(iter(found))
        ranked = sorted(found) or [
            record_id for k in difflib.get_close_matches(self.read(text), list(self.keys), n=3, cutoff=0.6) for record_id in sorted(self.keys[k])
        ]
        return [f"'{self.names[i]}' ({i})" for i in dict.fromkeys(ranked)]

    def keys_of(self, record_id: str) -> set[str]:
        return {k for k, ids in self.keys.items() if record_id in ids}


class _Vocabulary:
    def __init__(self, data: DataSet) -> None:
        self.units = _Lookup({i: e.record.name for i, e in data.units.items()}, _unit_key)
        self.awards = _Lookup({i: e.record.name for i, e in data.award_types.items()}, _words)
        self.campaigns = _Lookup({i: e.record.name for i, e in data.campaigns.items()}, _words)
        self.award_types = {i: e.record for i, e in data.award_types.items()}


# ---- rows to records ----


@dataclass
class _Draft:
    """One honoree as the list describes it, from one or more rows."""

    path: str
    template: str
    """The new file scaffold.honoree writes, used when the project has no file for this honoree."""
    fields: dict[str, str]
    """Top-level values the list gives (doi_tuong, ho, ten_dem, ten, ten_tap_the, don_vi, chuc_vu)."""
    awards: list[tuple[int, dict[str, object]]] = field(default_factory=list)
    """(row, award as YAML values)."""
    rows: list[int] = field(default_factory=list)

    @property
    def subject(self) -> SubjectType:
        return SubjectType(self.fields["doi_tuong"])


_FIELD_COLUMNS = {"doi_tuong": "subject", "don_vi": "unit", "chuc_vu": "position"}
"""Which column a top-level value comes from (the name parts come from the name column)."""


def _same_award(a: dict[str, object], b: dict[str, object]) -> bool:
    """One award written twice: same type, and same year or school year or same decision number.

    Not the decision number alone: one decision often grants a person two titles.
    """
    if a["loai"] != b["loai"]:
        return False
    same_period = (a.get("nam_hoc"), a.get("nam")) == (b.get("nam_hoc"), b.get("nam"))
    number_a, number_b = (_decision_number(x) for x in (a, b))
    return same_period or (number_a is not None and number_a == number_b)


def _decision_number(award: dict[str, object]) -> str | None:
    decision = award.get("quyet_dinh")
    return numbers.key(str(decision["so"])) if isinstance(decision, dict) else None


def _unknown_campaign(text: str, close: list[str]) -> str:
    hint = f"gần nhất: {', '.join(close)}" if close else "xem các phong trào trong data/phong-trao/"
    return f"không có phong trào '{text}' trong data/phong-trao/; {hint}"


class _Reader:
    """Turns the rows of a sheet into drafts, reporting each cell that does not map."""

    def __init__(self, sheet: Sheet, vocabulary: _Vocabulary, args: argparse.Namespace, report: Report) -> None:
        self.sheet = sheet
        self.vocabulary = vocabulary
        self.args = args
        self.report = report
        self.rows = 0
        """Rows read as honorees."""
        self.default_campaign: str | None = None
        """The campaign of --phong-trao, for rows that name none."""

    def error(self, row: int, column: Column | None, message: str) -> None:
        if column is None:
            self.report.error(self.sheet.label, row, 0, message)
        else:
            where = f"ô {column.letter}{row}, cột '{column.header}'"
            self.report.error(self.sheet.label, row, column.index + 1, f"{where}: {message}")

    @staticmethod
    def _value(cells: list[object], column: Column | None) -> object:
        return cells[column.index] if column and column.index < len(cells) else None

    def text(self, cells: list[object], name: str) -> str:
        value = self._value(cells, self.sheet.column(name))
        return "" if value is None else str(value).strip()

    def drafts(self) -> dict[str, _Draft]:
        drafts: dict[str, _Draft] = {}
        if not (self.sheet.column("school_year") or self.sheet.column("year") or self.args.nam_hoc or self.args.nam):
            self.report.error(
                self.sheet.label, self.sheet.header_row, 0,
                "danh sách không có cột 'Năm học' (hay 'Năm'): thêm cột đó, hoặc ghi năm học cho cả danh sách bằng"
                " --nam-hoc 2023-2024 (hay --nam 2024)",
            )
            return drafts
        if self.args.phong_trao:
            found = self.vocabulary.campaigns.find(self.args.phong_trao)
            if not isinstance(found, str):
                self.report.error(self.sheet.label, 0, 0, f"--phong-trao: {_unknown_campaign(self.args.phong_trao, found)}")
                return drafts
            self.default_campaign = found
        number_column = self.sheet.column("number")
        for row, cells in self.sheet.rows:
            filled = sum(bool(self.text(cells, f)) for f in ("name", "unit")) + any(self._award_cells(cells))
            numbered = bool(re.fullmatch(r"\d+(\.0)?\.?", self.text(cells, "number")))
            if number_column and not numbered:
                # Section headings ("I. CÁ NHÂN"), totals and signatures have no number: only warn when the row looks like data.
                if filled >= 2:
                    self.report.warning(self.sheet.label, row, number_column.index + 1, (
                        f"dòng {row} không có số thứ tự (cột '{number_column.header}') nên được bỏ qua;"
                        " điền số thứ tự nếu đây là một người hay tập thể cần nhập"
                    ))
                continue
            if filled == 0 or (not number_column and filled < 2):
                continue
            self.rows += 1
            draft = self._draft(row, cells)
            if draft:
                self._merge(drafts, draft, row)
        return drafts

    def _award_cells(self, cells: list[object]) -> list[tuple[Column, str]]:
        return [(c, str(v).strip()) for c in self.sheet.columns.get("award", []) if (v := self._value(cells, c)) not in (None, "")]

    def _merge(self, drafts: dict[str, _Draft], draft: _Draft, row: int) -> None:
        """Two rows for the same honoree make one record; they must agree on everything but the award."""
        first = drafts.setdefault(draft.path, draft)
        if first is draft:
            return
        for name, value in draft.fields.items():
            if first.fields.get(name) != value:
                column = self.sheet.column(_FIELD_COLUMNS.get(name, "name"))
                self.error(row, column, (
                    f"cùng hồ sơ với dòng {first.rows[0]} nhưng '{name}' khác: '{first.fields.get(name, '')}' và '{value}';"
                    " sửa cho hai dòng giống nhau"
                ))
                return
        first.rows.append(row)
        for _, award in draft.awards:
            twin = next((a for _, a in first.awards if _same_award(a, award)), None)
            if twin is None:
                first.awards.append((row, award))
            elif twin != award:
                self.error(row, self.sheet.column("award"), (
                    f"khen thưởng '{award['loai']}' này đã có ở dòng {first.rows[0]} với nội dung khác;"
                    " giữ một dòng, hoặc sửa cho giống nhau"
                ))

    def _draft(self, row: int, cells: list[object]) -> _Draft | None:
        errors = len(self.report.errors)
        name = self.text(cells, "name")
        if not name:
            self.error(row, self.sheet.column("name"), "thiếu họ tên (hoặc tên tập thể); điền vào ô này")
        unit = self._unit(row, cells)
        details = self._details(row, cells)
        awards = [{**award, **details} for column, text in self._award_cells(cells) if (award := self._award(row, cells, column, text))]
        if not self._award_cells(cells):
            self.error(row, self.sheet.column("award"), "thiếu danh hiệu hoặc hình thức khen thưởng; điền vào ô này")
        if len(self.report.errors) > errors or unit is None:
            return None
        types = [self.vocabulary.award_types[str(a["loai"])] for a in awards]
        subject = self._subject(row, cells, name, unit, types)
        if subject is None:
            return None
        for award_type in types:
            if not award_type.subject.admits(subject is SubjectType.COLLECTIVE):
                kind = "tập thể" if subject is SubjectType.COLLECTIVE else "cá nhân"
                self.error(row, self.sheet.column("award"), (
                    f"'{award_type.name}' dành cho {award_type.subject.label.lower()}, không trao cho {kind};"
                    " sửa danh hiệu hoặc cột 'Đối tượng'"
                ))
                return None
        position = self.text(cells, "position")
        if subject is SubjectType.COLLECTIVE:
            # The unit itself ("Trường THPT A" in the list of Trường THPT A) has no team name: it is the
            # collective its principal leads. scaffold gives it the unit's id.
            team = "" if _unit_key(name) in self.vocabulary.units.keys_of(unit) else name
            path, template = scaffold.honoree(subject.value, unit, collective=team)
            fields = {"doi_tuong": subject.value, **({"ten_tap_the": team} if team else {}), "don_vi": unit}
        else:
            words = name.split()
            if len(words) < 2:
                self.error(row, self.sheet.column("name"), f"họ tên '{name}' chỉ có một chữ; ghi đủ họ và tên")
                return None
            if name.isupper():  # "NGUYỄN VĂN AN", as many lists write names
                words = [word.capitalize() for word in words]
            family, middle, given = words[0], " ".join(words[1:-1]), words[-1]
            path, template = scaffold.honoree(subject.value, unit, family=family, middle=middle, given=given, position=position)
            fields = {"doi_tuong": subject.value, "ho": family, **({"ten_dem": middle} if middle else {}), "ten": given, "don_vi": unit}
            if position:
                fields["chuc_vu"] = position
        return _Draft(path, template, fields, [(row, award) for award in awards], [row])

    def _unit(self, row: int, cells: list[object]) -> str | None:
        text, column = self.text(cells, "unit"), self.sheet.column("unit")
        if not text:
            self.error(row, column, "thiếu đơn vị; điền tên đơn vị như trong data/don-vi/")
            return None
        found = self.vocabulary.units.find(text)
        if isinstance(found, str):
            return found
        hint = f"gần nhất: {', '.join(found)}" if found else "xem tên các đơn vị trong data/don-vi/"
        self.error(row, column, f"không có đơn vị '{text}' trong data/don-vi/; {hint}; sửa ô này hoặc thêm đơn vị vào data/don-vi/")
        return None

    def _award(self, row: int, cells: list[object], column: Column, text: str) -> dict[str, object] | None:
        errors = len(self.report.errors)
        words = _words(text)
        grade = None
        if match := _GRADE_IN_NAME.search(words):  # "Giải Nhì kỳ thi…", "Huân chương Lao động hạng Ba"
            grade = _GRADES[match.group(1) or match.group(2)]
            words = words[: match.start()] + (" giai " if match.group(1) else "") + words[match.end():]
        found = self.vocabulary.awards.find(words.strip())
        if not isinstance(found, str):
            hint = f"gần nhất: {', '.join(found)}" if found else "xem tên các danh hiệu trong data/danh-hieu.yaml"
            self.error(row, column, f"không có danh hiệu, hình thức khen thưởng '{text}' trong data/danh-hieu.yaml; {hint}")
            return None
        award_type = self.vocabulary.award_types[found]
        if grade_text := self.text(cells, "grade"):
            grade = _GRADES.get(re.sub(r"^(hang|giai) ", "", key(grade_text)))
            if grade is None:
                self.error(row, self.sheet.column("grade"), f"không hiểu hạng '{grade_text}'; ghi Nhất, Nhì, Ba hoặc Khuyến khích")
        if award_type.grades and grade not in award_type.grades:
            allowed = ", ".join(g.label for g in award_type.grades)
            self.error(row, column, f"'{award_type.name}' cần ghi hạng ({allowed}): thêm cột 'Hạng' hoặc ghi trong tên, ví dụ '{award_type.name} hạng Nhì'")
        elif grade and not award_type.grades:
            self.error(row, self.sheet.column("grade") or column, f"'{award_type.name}' không chia hạng; bỏ hạng")
        award: dict[str, object] = {"loai": award_type.id}
        if grade:
            award["hang"] = grade.value
        return award if len(self.report.errors) == errors else None

    def _details(self, row: int, cells: list[object]) -> dict[str, object]:
        """What every award of the row shares: its year, decision and campaign."""
        details = self._period(row, cells)
        if decision := self._decision(row, cells):
            details["quyet_dinh"] = decision
        if campaign := self._campaign(row, cells):
            details["phong_trao"] = campaign
        return details

    def _period(self, row: int, cells: list[object]) -> dict[str, object]:
        if school_year := self.text(cells, "school_year"):
            match = re.search(r"(\d{4})\s*[-–—/]\s*(\d{4})", school_year)
            if match and int(match.group(2)) == int(match.group(1)) + 1:
                return {"nam_hoc": f"{match.group(1)}-{match.group(2)}"}
            self.error(row, self.sheet.column("school_year"), f"năm học '{school_year}' cần viết dạng 2023-2024")
            return {}
        if year := self.text(cells, "year"):
            if re.fullmatch(r"\d{4}(\.0)?", year):
                return {"nam": int(float(year))}
            self.error(row, self.sheet.column("year"), f"năm '{year}' cần viết bốn chữ số, ví dụ 2024")
            return {}
        if self.args.nam_hoc:
            return {"nam_hoc": self.args.nam_hoc}
        if self.args.nam:
            return {"nam": self.args.nam}
        column = self.sheet.column("school_year") or self.sheet.column("year")
        self.error(row, column, "thiếu năm học; điền vào ô này, hoặc ghi cho cả danh sách bằng --nam-hoc 2023-2024")
        return {}

    def _decision(self, row: int, cells: list[object]) -> dict[str, object] | None:
        number = self.text(cells, "decision_number") or self.args.so_quyet_dinh or ""
        written_day = self._value(cells, self.sheet.column("decision_date"))
        day = self._date(row, written_day) if written_day not in (None, "") else self.args.ngay_quyet_dinh
        issuer = self.text(cells, "issuer") or self.args.co_quan or ""
        parts = (
            ("số quyết định", "decision_number", "--so-quyet-dinh", number),
            ("ngày quyết định", "decision_date", "--ngay-quyet-dinh", day or written_day),  # an unreadable date is reported by _date
            ("cơ quan ban hành", "issuer", "--co-quan", issuer),
        )
        if not any(value for *_, value in parts):
            return None
        for label, field_name, flag, value in parts:
            if value:
                continue
            if column := self.sheet.column(field_name):
                self.error(row, column, f"có quyết định nhưng thiếu {label}; điền vào ô này")
            else:
                self.error(row, None, f"có quyết định nhưng thiếu {label}: thêm cột '{FIELDS[field_name][0]}' hoặc ghi cho cả danh sách bằng {flag}")
        if number and not numbers.is_reference_number(number):
            self.error(row, self.sheet.column("decision_number"), f"số quyết định '{number}' không đúng dạng số/ký hiệu, ví dụ '1234/QĐ-UBND'")
        if not (number and isinstance(day, date) and issuer):
            return None
        return {"so": number, "ngay": day, "co_quan": issuer}

    def _date(self, row: int, value: object) -> date | None:
        column = self.sheet.column("decision_date")
        if isinstance(value, date):
            return value
        if not isinstance(value, str):
            self.error(row, column, f"'{value}' không phải ngày; định dạng ô là Ngày (Date) hoặc viết 15/08/2023")
            return None
        try:
            return parse_full_date(re.sub(r"^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$", r"\1/\2/\3", value))
        except ValueError as exc:
            self.error(row, column, str(exc))
            return None

    def _campaign(self, row: int, cells: list[object]) -> str | None:
        text = self.text(cells, "campaign")
        if not text:
            return self.default_campaign
        found = self.vocabulary.campaigns.find(text)
        if isinstance(found, str):
            return found
        self.error(row, self.sheet.column("campaign"), _unknown_campaign(text, found))
        return None

    def _subject(self, row: int, cells: list[object], name: str, unit: str, types: list[AwardType]) -> SubjectType | None:
        """Who the row is: the 'Đối tượng' column, else --doi-tuong, else the award or chức vụ; never a guess."""
        individual = False
        if written := self.text(cells, "subject"):
            if key(written) not in _SUBJECT_WORDS:
                allowed = ", ".join(s.label for s in SubjectType)
                self.error(row, self.sheet.column("subject"), f"không hiểu đối tượng '{written}'; ghi một trong: {allowed} (hoặc Cá nhân)")
                return None
            found = _SUBJECT_WORDS[key(written)]
            if found:
                return found
            individual = True
        if self.args.doi_tuong:
            return SubjectType(self.args.doi_tuong)
        if not individual:
            if types and all(t.subject is AwardSubject.COLLECTIVE for t in types):
                return SubjectType.COLLECTIVE
            if _unit_key(name) in self.vocabulary.units.keys_of(unit):
                return SubjectType.COLLECTIVE
        position = key(self.text(cells, "position"))
        for words, subject in _ROLE_WORDS:
            if f" {words} " in f" {position} ":
                return subject
        if not individual and not all(t.subject is AwardSubject.INDIVIDUAL for t in types):
            what = "cá nhân hay tập thể"
        else:
            what = "đối tượng (giáo viên, cán bộ quản lý, nhân viên hay học sinh)"
        written_position = self.text(cells, "position")
        because = f"chức vụ '{written_position}' không cho biết" if written_position else "dòng không ghi chức vụ"
        self.error(row, self.sheet.column("subject") or self.sheet.column("position") or self.sheet.column("name"), (
            f"không xác định được {what}: {because}; thêm cột 'Đối tượng' (Tập thể, Cán bộ quản lý, Giáo viên, Nhân viên,"
            " Học sinh) hoặc ghi cho cả danh sách bằng --doi-tuong"
        ))
        return None


# ---- records to file text, changed in place ----


class _Dumper(yaml.SafeDumper):
    """Block lists indented under their key, as the project's files are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _scalar(value: object) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, width=1000).removesuffix("...\n").strip()


def _block(value: object, indent: int, newline: str) -> str:
    text = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return "".join(" " * indent + line + newline for line in text.splitlines())


# Where a key goes when a file lacks it: after the keys that come before it in the usual order.
_ORDER = {
    "top": ("ma", "doi_tuong", "ho", "ten_dem", "ten", "ten_day_du", "ten_tap_the", "don_vi", "chuc_vu", "anh", "khen_thuong"),
    "award": ("loai", "hang", "nam", "nam_hoc", "quyet_dinh", "phong_trao"),
    "decision": ("so", "ngay", "co_quan"),
}


class _Text:
    """A YAML file's text with its node tree: values are changed by editing the text at their place."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.root = yaml.compose(text, Loader=yaml.SafeLoader)
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._edits: list[tuple[int, int, int, str]] = []

    def result(self) -> str:
        text = self.text
        for start, end, _, replacement in sorted(self._edits, reverse=True):
            text = text[:start] + replacement + text[end:]
        return text

    def _edit(self, start: int, end: int, replacement: str) -> None:
        self._edits.append((start, end, len(self._edits), replacement))

    def node(self, *path: str | int) -> Node | None:
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

    def set(self, path: tuple[str | int, ...], value: object, order: str) -> bool:
        """Set ``path`` (a key of a mapping) to ``value``; False when it cannot be done in place (flow style, multi-line)."""
        mapping, name = self.node(*path[:-1]), str(path[-1])
        if not isinstance(mapping, MappingNode) or mapping.flow_style:
            return False
        pair = next(((k, v) for k, v in mapping.value if k.value == name), None)
        if pair is None:
            before = _ORDER[order][: _ORDER[order].index(name)]
            anchors = [v for k, v in mapping.value if k.value in before] or [mapping.value[-1][1]]
            self._insert_after(self._last_line(anchors[-1]), _block({name: value}, mapping.value[0][0].start_mark.column, self.newline))
            return True
        node = pair[1]
        if not isinstance(node, ScalarNode) or node.style in ("|", ">") or node.start_mark.line != node.end_mark.line:
            return False
        empty = node.start_mark.index == node.end_mark.index  # "chuc_vu:" with nothing after it
        self._edit(node.start_mark.index, node.end_mark.index, (" " if empty else "") + _scalar(value))
        return True

    def append_awards(self, awards: list[dict[str, object]]) -> bool:
        """Add items at the end of khen_thuong; False when the list is written on one line and holds items."""
        pair = next(((k, v) for k, v in self.root.value if k.value == "khen_thuong"), None)
        if pair is None:
            return self.set(("khen_thuong",), awards, "top")
        name, items = pair
        if isinstance(items, SequenceNode) and not items.flow_style:
            self._insert_after(self._last_line(items), _block(awards, items.start_mark.column, self.newline))
            return True
        colon = name.end_mark.index
        listed = isinstance(items, SequenceNode) and items.value
        valued = isinstance(items, ScalarNode) and items.tag != "tag:yaml.org,2002:null"
        if listed or valued or self.text[colon:colon + 1] != ":":
            return False
        # "khen_thuong: []" (as scaffold writes it) or "khen_thuong:": the items go on the lines below.
        self._edit(colon + 1, items.end_mark.index, "")
        self._insert_after(name.start_mark.line, _block(awards, name.start_mark.column + 2, self.newline))
        return True

    def publish(self) -> None:
        """cong_khai: true, dropping scaffold's reminder comment to set it later."""
        node = self.node("cong_khai")
        assert isinstance(node, ScalarNode)
        line_end = self._line_starts[node.start_mark.line + 1] - 1
        self._edit(node.start_mark.index, line_end, "true")


@dataclass(frozen=True)
class _Conflict:
    """A value the list gives that differs from what the file holds."""

    path: tuple[str | int, ...]
    label: str
    in_file: object
    in_list: object
    row: int
    order: str


def _labels(model: type[BaseModel]) -> dict[str, str]:
    return {info.alias or name: (info.title or name).lower() for name, info in model.model_fields.items()}


_HONOREE_LABELS, _AWARD_LABELS, _DECISION_LABELS = _labels(Honoree), _labels(Award), _labels(Decision)
_RECORD_VALUES = {
    "doi_tuong": lambda h: h.subject.value, "ho": lambda h: h.family_name, "ten_dem": lambda h: h.middle_name,
    "ten": lambda h: h.given_name, "ten_tap_the": lambda h: h.collective_name, "don_vi": lambda h: h.unit,
    "chuc_vu": lambda h: h.position,
}


def _conflicts(draft: _Draft, honoree: Honoree) -> tuple[list[_Conflict], list[tuple[int, dict[str, object]]]]:
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
        index = next((i for i, held in enumerate(honoree.awards) if _same_award(_award_values(held), award)), None)
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


@dataclass
class _Change:
    path: str
    old: str | None
    """None for a new file."""
    new: str
    draft: _Draft


class _Planner:
    """Drafts against the project's files: the new text of each file, conflicts and problems on the way."""

    def __init__(self, paths: ProjectPaths, data: DataSet, args: argparse.Namespace, sheet: Sheet, report: Report) -> None:
        self.paths = paths
        self.args = args
        self.sheet = sheet
        self.report = report
        self.by_id = data.honorees
        self.by_identity = {_identity(e.record.unit, e.record): e for e in data.honorees.values()}
        self.invalid = data.invalid_ids
        self.conflicts = 0

    def change(self, draft: _Draft) -> _Change | None:
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
            text = _Text(draft.template)
            text.append_awards([award for _, award in draft.awards])
            if self.args.cong_khai and draft.subject is not SubjectType.STUDENT:
                text.publish()
            return _Change(draft.path, None, text.result(), draft)
        old = (self.paths.root / entry.path).read_text(encoding="utf-8-sig")
        text = _Text(old)
        conflicts, missing = _conflicts(draft, entry.record)
        for conflict in conflicts:
            self._conflict(entry, text, conflict)
        if missing and not text.append_awards([award for _, award in missing]):
            mark = entry.mark("khen_thuong")
            self.report.error(entry.path, mark.line, mark.col, (
                f"'khen_thuong' viết trên một dòng ([...]) nên không thêm được khen thưởng của dòng {_rows(draft)};"
                " viết lại thành danh sách, mỗi mục bắt đầu bằng '- ', rồi nhập lại"
            ))
        return _Change(entry.path, old, text.result(), draft)

    def _conflict(self, entry: Entry[Honoree], text: _Text, conflict: _Conflict) -> None:
        self.conflicts += 1
        mark = entry.mark(*conflict.path)
        said = f"{conflict.label}: tệp ghi '{_shown(conflict.in_file)}', danh sách ({self.sheet.label} dòng {conflict.row}) ghi '{_shown(conflict.in_list)}'"
        if not self.args.ghi_de:
            self.report.warning(entry.path, mark.line, mark.col, f"{said}; giữ như tệp (chạy lại với --ghi-de để lấy theo danh sách)")
        elif text.set(conflict.path, conflict.in_list, conflict.order):
            self.report.warning(entry.path, mark.line, mark.col, f"{said}; ghi theo danh sách (--ghi-de)")
        else:
            self.report.warning(entry.path, mark.line, mark.col, (
                f"{said}; giá trị trong tệp viết nhiều dòng hoặc trên một dòng nên không tự ghi đè được: sửa tay"
            ))


def _identity(unit: str, who: Honoree | _Draft) -> tuple[str, bool, str]:
    """Same unit, same kind, same name (case and accents aside): the same honoree, whatever its file's id."""
    if isinstance(who, Honoree):
        return unit, who.is_collective, key((who.collective_name or "") if who.is_collective else who.person_name)
    fields = who.fields
    name = fields.get("ten_tap_the", "") if who.subject is SubjectType.COLLECTIVE else " ".join(fields.get(k, "") for k in ("ho", "ten_dem", "ten"))
    return unit, who.subject is SubjectType.COLLECTIVE, key(name)


def _rows(draft: _Draft) -> str:
    return ", ".join(str(r) for r in draft.rows)


# ---- validation: the project as it would be ----


def _validate(paths: ProjectPaths, changes: list[_Change], sheet: Sheet) -> list[Diagnostic]:
    """Errors the import would add to the project, each naming the list rows it came from.

    The project is loaded twice: as it is, and in a temporary copy of data/ (files linked, changed files
    written) beside a link to the real content/. Errors already there before the import are not its own.
    """
    before = {(d.path, d.message) for d in load_project(paths).report.errors}
    with tempfile.TemporaryDirectory(prefix="nhap-danh-sach-") as temp:
        root = Path(temp)
        copy = ProjectPaths(root, root / paths.docs_dir.relative_to(paths.root), root / paths.data_dir.relative_to(paths.root))
        copy.docs_dir.parent.mkdir(parents=True, exist_ok=True)
        copy.docs_dir.symlink_to(paths.docs_dir, target_is_directory=True)
        shutil.copytree(paths.data_dir, copy.data_dir, copy_function=os.symlink)
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


# ---- command ----


def _school_year(value: str) -> str:
    match = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", value)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise argparse.ArgumentTypeError(f"năm học '{value}' cần viết dạng 2023-2024")
    return f"{match.group(1)}-{match.group(2)}"


def _reference_number(value: str) -> str:
    if not numbers.is_reference_number(value):
        raise argparse.ArgumentTypeError(f"số quyết định '{value}' không đúng dạng số/ký hiệu, ví dụ '1234/QĐ-UBND'")
    return value.strip()


def _full_date(value: str) -> date:
    try:
        return parse_full_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("tep", metavar="TỆP", help="danh sách .xlsx hoặc .csv (UTF-8 hoặc Windows-1258, dấu phân cách ',' hoặc ';')")
    parser.add_argument("--trang", help="tên trang tính trong tệp .xlsx (mặc định: trang đầu)")
    parser.add_argument("--ghi", action="store_true", help="ghi các tệp (mặc định chỉ chạy thử và hiện thay đổi)")
    parser.add_argument("--ghi-de", action="store_true", help="lấy giá trị trong danh sách khi khác với tệp đã có (mặc định giữ như tệp)")
    parser.add_argument("--cong-khai", action="store_true", help="công khai ngay hồ sơ mới của người lớn và tập thể (không bao giờ với học sinh)")
    parser.add_argument("--doi-tuong", choices=[s.value for s in SubjectType], help="đối tượng của mọi dòng không có cột 'Đối tượng'")
    parser.add_argument("--nam-hoc", type=_school_year, help="năm học của mọi dòng không ghi năm học, ví dụ 2023-2024")
    parser.add_argument("--nam", type=int, help="năm của mọi dòng không ghi năm học hay năm, ví dụ 2024")
    parser.add_argument("--so-quyet-dinh", type=_reference_number, help="số quyết định của mọi dòng không ghi, ví dụ 812/QĐ-SGDĐT")
    parser.add_argument("--ngay-quyet-dinh", type=_full_date, help="ngày quyết định của mọi dòng không ghi, ví dụ 15/08/2024")
    parser.add_argument("--co-quan", help="cơ quan ban hành quyết định của mọi dòng không ghi")
    parser.add_argument("--phong-trao", help="mã hoặc tên phong trào thi đua của mọi dòng không ghi")


_FAILED = "Có lỗi: chưa ghi tệp nào. Sửa danh sách (hoặc tệp) theo các dòng trên rồi chạy lại."


def run(args: argparse.Namespace, paths: ProjectPaths) -> int:
    """Show (and with --ghi, write) the files a list makes; 0 when it can be (or was) imported, 1 when not."""
    report = Report()
    try:
        sheet = read_sheet(Path(args.tep), args.tep, args.trang)
    except SheetError as exc:
        print(exc.diagnostic, file=sys.stderr)
        print(_FAILED, file=sys.stderr)
        return 1
    data = load_data(paths.data_dir, paths.root, Report())
    reader = _Reader(sheet, _Vocabulary(data), args, report)
    drafts = reader.drafts()
    planner = _Planner(paths, data, args, sheet, report)
    changes = [change for draft in drafts.values() if (change := planner.change(draft))] if report.ok else []
    changed = [c for c in changes if c.old != c.new]
    if report.ok and changed:
        for diagnostic in _validate(paths, changed, sheet):
            report.error(diagnostic.path, diagnostic.line, diagnostic.col, diagnostic.message)
    if changes:
        _print_diffs(changed)
    if report.diagnostics:
        print("\n".join(str(d) for d in report.diagnostics), file=sys.stderr)
    new = sum(c.old is None for c in changed)
    print(
        f"{sheet.label}: {reader.rows} dòng, {len(drafts)} hồ sơ. Mới: {new} · Cập nhật: {len(changed) - new}"
        f" · Không đổi: {len(changes) - len(changed)} · Xung đột: {planner.conflicts} · Lỗi: {len(report.errors)}",
        file=sys.stderr,
    )
    students = sum(c.old is None and c.draft.subject is SubjectType.STUDENT for c in changed)
    if students:
        print(
            f"{students} hồ sơ học sinh mới để chưa công khai (cong_khai: false), kể cả khi có --cong-khai: hồ sơ học sinh"
            f" chỉ được công khai khi có sự đồng ý của cha, mẹ hoặc người giám hộ và của em từ đủ 7 tuổi ({consent.CHILD_LAW});"
            " ghi mục 'dong_y' vào tệp rồi đổi thành cong_khai: true (xem Hướng dẫn → Sự đồng ý).",
            file=sys.stderr,
        )
    if not report.ok:
        print(_FAILED, file=sys.stderr)
        return 1
    if not changed:
        print("Không có thay đổi.", file=sys.stderr)
    elif not args.ghi:
        print("Chạy thử: chưa ghi tệp nào. Xem thay đổi ở trên rồi chạy lại với --ghi để ghi.", file=sys.stderr)
    else:
        _write(paths, changed)
        print(f"Đã ghi {len(changed)} tệp. Chạy make check hoặc make serve để xem.", file=sys.stderr)
    return 0


def _print_diffs(changes: list[_Change]) -> None:
    for change in changes:
        old = (change.old or "").splitlines(keepends=True)
        before = "/dev/null" if change.old is None else f"a/{change.path}"
        sys.stdout.writelines(difflib.unified_diff(old, change.new.splitlines(keepends=True), before, f"b/{change.path}"))
    sys.stdout.flush()


def _write(paths: ProjectPaths, changes: list[_Change]) -> None:
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
