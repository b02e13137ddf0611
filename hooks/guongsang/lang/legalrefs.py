"""Legal bases read from a plan's opening ("Căn cứ…", "Thực hiện…") into structured references.

A reference is written `<Loại> [<tên>] [số <số, ký hiệu>] [ngày <ngày>] [của <cơ quan>] [<trích yếu>]`, references are
separated by ';' (or ' và ' before another numbered one), and the sentence that follows them ("Sở Giáo dục và Đào tạo
ban hành…") ends the list. What cannot be split with certainty is returned as a note, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# Longest first, so that 'Thông tư liên tịch' wins over 'Thông tư'.
KINDS = sorted(
    ["Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư liên tịch",
     "Thông tư", "Hướng dẫn", "Kế hoạch", "Chương trình", "Công văn", "Công điện", "Thông báo", "Quy chế", "Quy định",
     "Đề án", "Văn bản", "Kết luận"],
    key=len, reverse=True,
)
_KIND = "|".join(KINDS)
_OPENING = re.compile(r"^\s*(?:căn cứ|thực hiện|theo)\s+", re.IGNORECASE)
_REFERENCE = re.compile(rf"^(?P<kind>{_KIND})(?=\s|$)\s*(?P<rest>.*)$", re.DOTALL)
_NEXT_NUMBERED = re.compile(rf"\s+và\s+(?=(?:{_KIND})\s+số\s)")
# A number holds a digit: 'một số Điều của Luật …' cites no number.
_NUMBER = re.compile(r"(?:^|\s)số\s+(?=[^\s]*\d)(?P<number>[0-9A-Za-zĐđ][0-9A-Za-zĐđ/\-.&]*[0-9A-Za-zĐđ])")
_DATE = re.compile(
    r"^\s*ngày\s+(?:(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})|(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4}))"
)
_UNNUMBERED_END = re.compile(r"\s+(?=ngày\s+\d|của\s)")
_SENTENCE_END = re.compile(r"(?<!\bTP)(?<!\bTp)\.\s+(?=[A-ZĐÀ-Ỹ])")
# Where an issuer's name ends and the subject begins: 'về', or a verb no body's name contains in lower case.
_SUBJECT_START = re.compile(
    r"\s+(?=(?:về|hướng dẫn|tổ chức|triển khai|ban hành|quy định|phát động|thực hiện|tiếp tục|sửa đổi|phê duyệt|"
    r"xây dựng|điều chỉnh|giao)\b)"
)


@dataclass(frozen=True)
class Reference:
    kind: str
    number: str | None = None
    date: date | None = None
    issuer: str | None = None
    title: str | None = None

    def as_yaml(self) -> dict[str, object]:
        """The front-matter mapping, with the keys of LegalReference and no empty values."""
        values = {"loai": self.kind, "so_ky_hieu": self.number, "ngay": self.date, "co_quan": self.issuer, "trich_yeu": self.title}
        return {key: value for key, value in values.items() if value}


def starts_references(paragraph: str) -> bool:
    """True for a paragraph of the opening that cites legal bases."""
    return bool(_OPENING.match(paragraph)) and bool(_REFERENCE.match(_OPENING.sub("", paragraph, count=1)))


def parse(paragraph: str) -> tuple[list[Reference], list[str]]:
    """The references of one 'Căn cứ…' paragraph, and notes on what could not be split with certainty."""
    references: list[Reference] = []
    notes: list[str] = []
    for segment in paragraph.split(";"):
        segment = _OPENING.sub("", segment.strip(), count=1)
        segment = _SENTENCE_END.split(segment, maxsplit=1)[0].strip().rstrip(",.").strip()
        if not _REFERENCE.match(segment):
            break  # the sentence after the references ('Sở Giáo dục và Đào tạo ban hành…')
        for part in _NEXT_NUMBERED.split(segment):
            reference, note = _reference(part.strip())
            references.append(reference)
            if note:
                notes.append(note)
    return references, notes


def _reference(written: str) -> tuple[Reference, str | None]:
    match = _REFERENCE.match(written)
    assert match, written
    kind, rest = match.group("kind"), match.group("rest").strip()
    name, number = rest, None
    if found := _NUMBER.search(rest):
        name, number, rest = rest[: found.start()].strip(), found.group("number"), rest[found.end() :].strip()
    elif found := _UNNUMBERED_END.search(rest):  # a name, then its date or issuer
        name, rest = rest[: found.start()].strip(), rest[found.end() :].strip()
    else:
        rest = ""
    issued = None
    if found := _DATE.match(rest):
        day, month, year = (found.group(k) or found.group(k + "2") for k in ("d", "m", "y"))
        try:
            issued = date(int(year), int(month), int(day))
        except ValueError:
            return Reference(kind, number, title=written), f"'{written}': ngày ban hành không có thật trên lịch"
        rest = rest[found.end() :].strip()
    issuer, note = None, None
    if rest.startswith("của "):
        issuer_and_subject = rest[len("của ") :]
        split = _SUBJECT_START.search(issuer_and_subject)
        if split:
            issuer, rest = issuer_and_subject[: split.start()].strip(), issuer_and_subject[split.end() :].strip()
        else:
            issuer, rest = issuer_and_subject.strip(), ""
            note = f"'{written}': không tách được cơ quan ban hành với trích yếu; kiểm tra 'co_quan' và 'trich_yeu'"
    title = " ".join(part for part in (name, rest) if part) or None
    return Reference(kind, number, issued, issuer, title), note
