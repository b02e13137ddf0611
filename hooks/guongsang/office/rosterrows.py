"""The rows of an office list read as honoree drafts, its names mapped to the project's ids.

Offices write units, awards and campaigns their own way ("Trường THPT Lê Quý Đôn", "CSTĐCS"): each name is
looked up in data/don-vi/, data/danh-hieu.yaml and data/phong-trao/, and a cell that maps to nothing (or
to several) is an error naming the cell and the closest known names.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from guongsang.checks.awards import subject_problem as award_subject_problem
from guongsang.diagnostics import Report
from guongsang.lang import numbers
from guongsang.lang.dates import parse_full_date
from guongsang.office import scaffold
from guongsang.office.rostersheet import FIELDS, Column, Sheet, key
from guongsang.records.dataset import DataSet
from guongsang.records.models import AwardSubject, AwardType, Grade, SubjectType

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

    def __init__(self, names: dict[str, str], read: Callable[[str], str], others: dict[str, list[str]] | None = None) -> None:
        """``names``: id -> name; both are accepted, read by ``read``, and the ``others`` names of an id
        (a unit's former names: a list of 2022 awards names the school as it was then)."""
        self.read = read
        self.names = names
        self.keys: dict[str, set[str]] = {}
        for record_id, name in names.items():
            for spelling in (name, record_id, *(others or {}).get(record_id, ())):
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


class Vocabulary:
    """The project's units, award types and campaigns, found by the names offices write."""

    def __init__(self, data: DataSet) -> None:
        units, award_types = data.units.items(), data.award_types.items()
        self.units = _Lookup({i: e.record.name for i, e in units}, _unit_key, {i: [f.name for f in e.record.former_names] for i, e in units})
        self.awards = _Lookup({i: e.record.name for i, e in award_types}, _words, {i: [e.record.city_name] for i, e in award_types if e.record.city_name})
        self.campaigns = _Lookup({i: e.record.name for i, e in data.campaigns.items()}, _words)
        self.award_types = {i: e.record for i, e in data.award_types.items()}


# ---- rows to records ----


@dataclass
class Draft:
    """One honoree as the list describes it, from one or more rows."""

    path: str
    template: str
    """The new file scaffold.honoree writes, used when the project has no file for this honoree."""
    fields: dict[str, str]
    """Top-level values the list gives (doi_tuong, ho, ten_dem, ten, ten_tap_the, don_vi, chuc_vu)."""
    awards: list[tuple[int, dict[str, object]]] = field(default_factory=list)
    """(row, award as YAML values)."""
    rows: list[int] = field(default_factory=list)
    """The list's rows it comes from, first to last."""

    @property
    def subject(self) -> SubjectType:
        return SubjectType(self.fields["doi_tuong"])


_FIELD_COLUMNS = {"doi_tuong": "subject", "don_vi": "unit", "chuc_vu": "position"}
"""Which column a top-level value comes from (the name parts come from the name column)."""


def same_award(a: dict[str, object], b: dict[str, object]) -> bool:
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


@dataclass(frozen=True)
class RowDefaults:
    """Values for every row that does not give its own (the list's flags on the command line)."""

    subject: SubjectType | None = None
    """Who every row without an 'Đối tượng' column is (--doi-tuong)."""
    school_year: str | None = None
    """'2023-2024', for rows without a school year (--nam-hoc)."""
    year: int | None = None
    """For rows without a school year or a year (--nam)."""
    decision_number: str | None = None
    """'812/QĐ-SGDĐT' (--so-quyet-dinh)."""
    decision_date: date | None = None
    """The decision's day (--ngay-quyet-dinh)."""
    issuer: str | None = None
    """The body that issued the decision (--co-quan)."""
    campaign: str | None = None
    """A campaign's id or name as offices write it (--phong-trao)."""


class Reader:
    """Turns the rows of a sheet into drafts, reporting each cell that does not map."""

    def __init__(self, sheet: Sheet, vocabulary: Vocabulary, defaults: RowDefaults, report: Report) -> None:
        self.sheet = sheet
        self.vocabulary = vocabulary
        self.defaults = defaults
        self.report = report
        self.rows = 0
        """Rows read as honorees."""
        self.default_campaign: str | None = None
        """The campaign of --phong-trao, for rows that name none."""

    def _error(self, row: int, column: Column | None, message: str) -> None:
        if column is None:
            self.report.error(self.sheet.label, row, 0, message)
        else:
            where = f"ô {column.letter}{row}, cột '{column.header}'"
            self.report.error(self.sheet.label, row, column.index + 1, f"{where}: {message}")

    @staticmethod
    def _value(cells: list[object], column: Column | None) -> object:
        return cells[column.index] if column and column.index < len(cells) else None

    def _text(self, cells: list[object], name: str) -> str:
        value = self._value(cells, self.sheet.column(name))
        return "" if value is None else str(value).strip()

    def drafts(self) -> dict[str, Draft]:
        """The honorees of the sheet by their file's path; rows that do not map are reported and left out."""
        drafts: dict[str, Draft] = {}
        if not (self.sheet.column("school_year") or self.sheet.column("year") or self.defaults.school_year or self.defaults.year):
            self.report.error(
                self.sheet.label, self.sheet.header_row, 0,
                "danh sách không có cột 'Năm học' (hay 'Năm'): thêm cột đó, hoặc ghi năm học cho cả danh sách bằng"
                " --nam-hoc 2023-2024 (hay --nam 2024)",
            )
            return drafts
        if self.defaults.campaign:
            found = self.vocabulary.campaigns.find(self.defaults.campaign)
            if not isinstance(found, str):
                self.report.error(self.sheet.label, 0, 0, f"--phong-trao: {_unknown_campaign(self.defaults.campaign, found)}")
                return drafts
            self.default_campaign = found
        number_column = self.sheet.column("number")
        for row, cells in self.sheet.rows:
            filled = sum(bool(self._text(cells, f)) for f in ("name", "unit")) + any(self._award_cells(cells))
            numbered = bool(re.fullmatch(r"\d+(\.0)?\.?", self._text(cells, "number")))
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

    def _merge(self, drafts: dict[str, Draft], draft: Draft, row: int) -> None:
        """Two rows for the same honoree make one record; they must agree on everything but the award."""
        first = drafts.setdefault(draft.path, draft)
        if first is draft:
            return
        for name, value in draft.fields.items():
            if first.fields.get(name) != value:
                column = self.sheet.column(_FIELD_COLUMNS.get(name, "name"))
                self._error(row, column, (
                    f"cùng hồ sơ với dòng {first.rows[0]} nhưng '{name}' khác: '{first.fields.get(name, '')}' và '{value}';"
                    " sửa cho hai dòng giống nhau"
                ))
                return
        first.rows.append(row)
        for _, award in draft.awards:
            twin = next((a for _, a in first.awards if same_award(a, award)), None)
            if twin is None:
                first.awards.append((row, award))
            elif twin != award:
                self._error(row, self.sheet.column("award"), (
                    f"khen thưởng '{award['loai']}' này đã có ở dòng {first.rows[0]} với nội dung khác;"
                    " giữ một dòng, hoặc sửa cho giống nhau"
                ))

    def _draft(self, row: int, cells: list[object]) -> Draft | None:
        errors = len(self.report.errors)
        name = self._text(cells, "name")
        if not name:
            self._error(row, self.sheet.column("name"), "thiếu họ tên (hoặc tên tập thể); điền vào ô này")
        unit = self._unit(row, cells)
        details = self._details(row, cells)
        awards = [{**award, **details} for column, text in self._award_cells(cells) if (award := self._award(row, cells, column, text))]
        if not self._award_cells(cells):
            self._error(row, self.sheet.column("award"), "thiếu danh hiệu hoặc hình thức khen thưởng; điền vào ô này")
        if len(self.report.errors) > errors or unit is None:
            return None
        types = [self.vocabulary.award_types[str(a["loai"])] for a in awards]
        subject = self._subject(row, cells, name, unit, types)
        if subject is None:
            return None
        for award_type in types:
            problem = award_subject_problem(award_type, subject is SubjectType.COLLECTIVE)
            if problem:
                self._error(row, self.sheet.column("award"), f"{problem}; sửa danh hiệu hoặc cột 'Đối tượng'")
                return None
        position = self._text(cells, "position")
        if subject is SubjectType.COLLECTIVE:
            # The unit itself ("Trường THPT A" in the list of Trường THPT A) has no team name: it is the
            # collective its principal leads. scaffold gives it the unit's id.
            team = "" if _unit_key(name) in self.vocabulary.units.keys_of(unit) else name
            path, template = scaffold.honoree(subject.value, unit, collective=team)
            fields = {"doi_tuong": subject.value, **({"ten_tap_the": team} if team else {}), "don_vi": unit}
        else:
            words = name.split()
            if len(words) < 2:
                self._error(row, self.sheet.column("name"), f"họ tên '{name}' chỉ có một chữ; ghi đủ họ và tên")
                return None
            if name.isupper():  # "NGUYỄN VĂN AN", as many lists write names
                words = [word.capitalize() for word in words]
            family, middle, given = words[0], " ".join(words[1:-1]), words[-1]
            path, template = scaffold.honoree(subject.value, unit, family=family, middle=middle, given=given, position=position)
            fields = {"doi_tuong": subject.value, "ho": family, **({"ten_dem": middle} if middle else {}), "ten": given, "don_vi": unit}
            if position:
                fields["chuc_vu"] = position
        return Draft(path, template, fields, [(row, award) for award in awards], [row])

    def _unit(self, row: int, cells: list[object]) -> str | None:
        text, column = self._text(cells, "unit"), self.sheet.column("unit")
        if not text:
            self._error(row, column, "thiếu đơn vị; điền tên đơn vị như trong data/don-vi/")
            return None
        found = self.vocabulary.units.find(text)
        if isinstance(found, str):
            return found
        hint = f"gần nhất: {', '.join(found)}" if found else "xem tên các đơn vị trong data/don-vi/"
        self._error(row, column, f"không có đơn vị '{text}' trong data/don-vi/; {hint}; sửa ô này hoặc thêm đơn vị vào data/don-vi/")
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
            self._error(row, column, f"không có danh hiệu, hình thức khen thưởng '{text}' trong data/danh-hieu.yaml; {hint}")
            return None
        award_type = self.vocabulary.award_types[found]
        if grade_text := self._text(cells, "grade"):
            grade = _GRADES.get(re.sub(r"^(hang|giai) ", "", key(grade_text)))
            if grade is None:
                self._error(row, self.sheet.column("grade"), f"không hiểu hạng '{grade_text}'; ghi Nhất, Nhì, Ba hoặc Khuyến khích")
        if award_type.grades and grade not in award_type.grades:
            allowed = ", ".join(g.label for g in award_type.grades)
            self._error(row, column, f"'{award_type.name}' cần ghi hạng ({allowed}): thêm cột 'Hạng' hoặc ghi trong tên, ví dụ '{award_type.name} hạng Nhì'")
        elif grade and not award_type.grades:
            self._error(row, self.sheet.column("grade") or column, f"'{award_type.name}' không chia hạng; bỏ hạng")
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
        if school_year := self._text(cells, "school_year"):
            match = re.search(r"(\d{4})\s*[-–—/]\s*(\d{4})", school_year)
            if match and int(match.group(2)) == int(match.group(1)) + 1:
                return {"nam_hoc": f"{match.group(1)}-{match.group(2)}"}
            self._error(row, self.sheet.column("school_year"), f"năm học '{school_year}' cần viết dạng 2023-2024")
            return {}
        if year := self._text(cells, "year"):
            if re.fullmatch(r"\d{4}(\.0)?", year):
                return {"nam": int(float(year))}
            self._error(row, self.sheet.column("year"), f"năm '{year}' cần viết bốn chữ số, ví dụ 2024")
            return {}
        if self.defaults.school_year:
            return {"nam_hoc": self.defaults.school_year}
        if self.defaults.year:
            return {"nam": self.defaults.year}
        column = self.sheet.column("school_year") or self.sheet.column("year")
        self._error(row, column, "thiếu năm học; điền vào ô này, hoặc ghi cho cả danh sách bằng --nam-hoc 2023-2024")
        return {}

    def _decision(self, row: int, cells: list[object]) -> dict[str, object] | None:
        number = self._text(cells, "decision_number") or self.defaults.decision_number or ""
        written_day = self._value(cells, self.sheet.column("decision_date"))
        day = self._date(row, written_day) if written_day not in (None, "") else self.defaults.decision_date
        issuer = self._text(cells, "issuer") or self.defaults.issuer or ""
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
                self._error(row, column, f"có quyết định nhưng thiếu {label}; điền vào ô này")
            else:
                self._error(row, None, f"có quyết định nhưng thiếu {label}: thêm cột '{FIELDS[field_name][0]}' hoặc ghi cho cả danh sách bằng {flag}")
        if number and not numbers.is_reference_number(number):
            self._error(row, self.sheet.column("decision_number"), f"số quyết định '{number}' không đúng dạng số/ký hiệu, ví dụ '1234/QĐ-UBND'")
        if not (number and isinstance(day, date) and issuer):
            return None
        return {"so": number, "ngay": day, "co_quan": issuer}

    def _date(self, row: int, value: object) -> date | None:
        column = self.sheet.column("decision_date")
        if isinstance(value, date):
            return value
        if not isinstance(value, str):
            self._error(row, column, f"'{value}' không phải ngày; định dạng ô là Ngày (Date) hoặc viết 15/08/2023")
            return None
        try:
            return parse_full_date(re.sub(r"^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$", r"\1/\2/\3", value))
        except ValueError as exc:
            self._error(row, column, str(exc))
            return None

    def _campaign(self, row: int, cells: list[object]) -> str | None:
        text = self._text(cells, "campaign")
        if not text:
            return self.default_campaign
        found = self.vocabulary.campaigns.find(text)
        if isinstance(found, str):
            return found
        self._error(row, self.sheet.column("campaign"), _unknown_campaign(text, found))
        return None

    def _subject(self, row: int, cells: list[object], name: str, unit: str, types: list[AwardType]) -> SubjectType | None:
        """Who the row is: the 'Đối tượng' column, else --doi-tuong, else the award or chức vụ; never a guess."""
        individual = False
        if written := self._text(cells, "subject"):
            if key(written) not in _SUBJECT_WORDS:
                allowed = ", ".join(s.label for s in SubjectType)
                self._error(row, self.sheet.column("subject"), f"không hiểu đối tượng '{written}'; ghi một trong: {allowed} (hoặc Cá nhân)")
                return None
            found = _SUBJECT_WORDS[key(written)]
            if found:
                return found
            individual = True
        if self.defaults.subject:
            return self.defaults.subject
        if not individual:
            if types and all(t.subject is AwardSubject.COLLECTIVE for t in types):
                return SubjectType.COLLECTIVE
            if _unit_key(name) in self.vocabulary.units.keys_of(unit):
                return SubjectType.COLLECTIVE
        position = key(self._text(cells, "position"))
        for words, subject in _ROLE_WORDS:
            if f" {words} " in f" {position} ":
                return subject
        if not individual and not all(t.subject is AwardSubject.INDIVIDUAL for t in types):
            what = "cá nhân hay tập thể"
        else:
            what = "đối tượng (giáo viên, cán bộ quản lý, nhân viên hay học sinh)"
        written_position = self._text(cells, "position")
        because = f"chức vụ '{written_position}' không cho biết" if written_position else "dòng không ghi chức vụ"
        self._error(row, self.sheet.column("subject") or self.sheet.column("position") or self.sheet.column("name"), (
            f"không xác định được {what}: {because}; thêm cột 'Đối tượng' (Tập thể, Cán bộ quản lý, Giáo viên, Nhân viên,"
            " Học sinh) hoặc ghi cho cả danh sách bằng --doi-tuong"
        ))
        return None
