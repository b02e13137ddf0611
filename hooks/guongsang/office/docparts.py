"""The parts of an administrative document recognised in its lines, in every shape offices' copies have.

Nghị định 30/2020/NĐ-CP lays a document out in two columns: on the left the parent and the issuing body,
the number and, for a công văn, its subject ('V/v …'); on the right the national motto and the place and
date. Copies from web pages, PDFs and Word flatten that table in many ways: both columns on one line
(separated by runs of spaces, by '|' or by nothing), a value on the line after its label, a name broken
over lines, a date broken or glued. The header is therefore cut into fragments at every landmark (the
motto, 'Số', a place and date, 'V/v') and each fragment is recognised by what it says, not by where it
stands. The end of the document (recipients and the signature block, also often side by side) is read
the same way. Nothing is guessed: what is not recognised is returned in ``notes``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from guongsang.lang import numbers, text, vnencodings
from guongsang.records.models import AUTHORITY_WORDS, CONG_VAN, DOCUMENT_TYPES

_RULE = re.compile(r"^[-_=─—–.*\s|]+$")
_COLUMN_GAP = re.compile(r"\s{3,}|\t+|\s*\|\s*")
_MOTTO = re.compile(r"(?:C\s*Ộ\s*N\s*G\s+)?H\s*(?:ÒA|OÀ)\s+X\s*Ã\s+H\s*Ộ\s*I\s+C\s*H\s*Ủ\s+N\s*G\s*H\s*Ĩ\s*A\s+V\s*I\s*Ệ\s*T(?:\s+N\s*A\s*M)?", re.IGNORECASE)
_SLOGAN = re.compile(r"Độc\s*lập\s*[-–—]\s*Tự(?:\s*do)?\s*[-–—]\s*Hạnh\s*[Pp]húc", re.IGNORECASE)
_RULE_TOKEN = re.compile(r"(?<!\S)[-_=*─—–.]{3,}(?!\S)")
_HTML_TAG = re.compile(r"</?(?:b|i|u|strong|em|span|p|br|div|font)\b[^>]*>", re.IGNORECASE)
_LETTER_START = re.compile(r"(?<=\S)\s+(?=V/v\b|K[íi]nh\s*g[ửởu]i\b)")
_NUMBER_LABEL = re.compile(r"(?:(?<=\s)|^)Số\s*[:.]?(?=\s|$|\d|[.…_/])")
_NUMBER_VALUE = re.compile(
    r"^(?P<number>[\d.…_ ]*?)\s*/\s*(?P<symbol>[^\s,/\-–]+(?:\s*/\s*[^\s,/\-–]+)?(?:\s*[-–]\s*[^\s,\-–]+)*)(?P<rest>.*)$"
)
_DATE = re.compile(
    r"(?P<place>(?<![^\s(])[A-ZĐÀ-Ỹ][^,\d/:]*?)?\s*,?\s*ngày\s*(?P<day>[\d.…_ ]*?)\s*tháng\s*(?P<month>[\d.…_ ]*?)\s*năm\s*(?P<year>\d{4})",
    re.IGNORECASE,
)
_DATE_START = re.compile(r"(?:^|,\s*)ngày\b", re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:V/v|Về việc|Về)\s*[:.]?\s*(?P<subject>.+)$")
_ADDRESSEES = re.compile(r"^K[íi]nh\s*g[ửởu]i\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_LIST_MARK = re.compile(r"^\\?[-+–—•]\s*")
_URGENCY = re.compile(r"^(?:KHẨN|THƯỢNG KHẨN|HỎA TỐC|HOẢ TỐC|MẬT|TỐI MẬT|TUYỆT MẬT)(?:\s+HẸN GIỜ)?$")
_BASIS = re.compile(r"^(?:Căn cứ|Thực hiện)\b", re.IGNORECASE)
_BASIS_FIRM = re.compile(r"^Căn cứ\b", re.IGNORECASE)
# Bases whose paragraphs a copy ran together: '…năm 2003; Căn cứ Quyết định …', '… THÁI BÌNH - Thực hiện …'.
_GLUED_BASIS = re.compile(r"(?:(?<=[;.,])\s+|\s+[-–]\s*)(?=(?:Căn cứ|Thực hiện)\b)")
_PROSE = re.compile(r"^(?:Căn cứ|Thực hiện|Theo|Để|Nhằm|Trên cơ sở|Xét|Qua|Tại|Thời gian|Trong|Nay|Hôm nay|Vào hồi)\b")
_SECTION = re.compile(r"^(?:[IVXL]+|[A-ZĐ]|\d+(?:\.\d+)*)\s*[.)/]\s+\S|^(?:Phần|PHẦN|Chương|CHƯƠNG|Điều)\s+\S")
_RECIPIENTS = re.compile(r"^N[ơo]i\s*nhận\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
AUTHORITY = re.compile(rf"^(?P<authority>{'|'.join(AUTHORITY_WORDS)})\s*\.\s*(?P<rest>\S.*)$")
_SIGNED_NOTE = re.compile(r"^[(\[].{0,40}[)\]]$")  # '(Đã ký)', '(Ký, đóng dấu)', '[daky]'
_HONORIFIC = r"(?:(?:PGS|GS|TS|ThS|Th\.S|BS|KS|CN|NGƯT|NGND)\.?\s*(?:TS\.?\s*)?)?"
_NAME = re.compile(rf"^{_HONORIFIC}(?P<name>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){{1,5}})$")
# Lines starting with these words open a new body's name; any other capitalised line continues the one above.
_BODY_START = re.compile(
    r"^(?:UBND|HĐND|Ủ[YỶ] BAN|U[ỶỸ] BAN|HỘI ĐỒNG|SỞ|PHÒNG|TRƯỜNG|BỘ|BAN|CỤC|VỤ|TỔNG CỤC|VĂN PHÒNG|TRUNG TÂM|"
    r"CÔNG ĐOÀN|ĐOÀN|ĐẢNG BỘ|ĐẢNG ỦY|CHI BỘ|LIÊN ĐỘI|HỘI|VIỆN|ĐẠI HỌC|HỌC VIỆN|THANH TRA|CHÍNH PHỦ|THỦ TƯỚNG|"
    r"QUỐC HỘI|BCH|LIÊN ĐOÀN|NHÀ|TỔ)\b"
)
_JOINER_END = re.compile(r"(?:\bVÀ|[-–&,])$")
# Offices' names for positions: a short line holding one is part of a signature block.
_POSITION = re.compile(
    r"(?:CHỦ TỊCH|GIÁM ĐỐC|HIỆU TRƯỞNG|TRƯỞNG|BỘ TRƯỞNG|THỨ TRƯỞNG|PHÓ|CHÁNH|BÍ THƯ|TỔNG|THỦ TRƯỞNG|THƯ KÝ|"
    r"CHỦ TỌA|CHỦ TRÌ|NGƯỜI|KẾ TOÁN|TỔ TRƯỞNG|ỦY VIÊN|CHỦ NHIỆM|HIỆU PHÓ|THỦ TƯỚNG|ĐẠI DIỆN)",
)


@dataclass
class Line:
    text: str
    number: int
    """1-based line number in the source, for the editor."""
    raw: str
    """The source line with its Markdown, or the piece of it this line holds when the copy glued lines."""


@dataclass
class Parts:
    """What was recognised; a None or empty value means the text does not give it."""

    parent_body: str | None = None
    issuing_body: str | None = None
    number: str | None = None
    place: str | None = None
    issued: date | str | int | None = None
    """A full date; 'YYYY-MM' or the year when the day (and month) are blank."""
    doc_type: str | None = None
    title_lines: list[str] = field(default_factory=list)
    """The title as printed, line by line; for a công văn the text after 'V/v'."""
    issuing_authority: str | None = None
    """The line of a quyết định under its title: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …'."""
    addressees: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    """The body's lines as written (with their Markdown), from after the title or addressees to the ending."""
    bases: list[str] = field(default_factory=list)
    """The opening's paragraphs that cite legal bases ('Căn cứ…', 'Thực hiện…')."""
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    """The signature block's lines above the name, as printed: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']."""
    signer_name: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return " ".join(self.title_lines) or None


def plain(line: str) -> str:
    """A line without Markdown heading marks, emphasis and escapes, its spaces made ordinary."""
    line = re.sub(r"^#{1,6}\s+", "", _HTML_TAG.sub(" ", line).strip()).replace("**", "").replace("\\", "")
    line = re.sub(r"(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)", "", line)
    # Two spaces are a typing slip; three or more are a column gap, kept for the reader of columns.
    return re.sub(r"(?<! ) {2}(?=\S)", " ", line.replace("\u00a0", " ").replace("\u200b", "")).strip()


def type_of(fragment: str) -> tuple[str, str] | None:
    """The type name a fragment opens with ('QUYẾT ĐỊNH'), and the capitalised title glued to it, if any
    ('THÔNG BÁO NGHỈ HỌC DO MƯA LŨ', even 'BÁOCÁOKIỂMTRA …' as some copies lose the spaces). Tone marks are
    left out of the comparison, so old and new placement ('THOẢ', 'THỎA') both match; no two types'
    names are equal, or one the start of another, without them."""
    written = re.sub(r"\s+", " ", fragment.strip().rstrip("."))
    squeezed = text.toneless(written.upper()).replace(" ", "")
    for bare, name in _TYPE_NAMES.items():
        if squeezed == bare:
            return name, ""
        if squeezed.startswith(bare):
            taken, at = 0, 0
            while taken < len(bare):
                taken += written[at] != " "
                at += 1
            rest = written[at:].strip()
            if _caps_split(rest)[0] and not rest[:1].islower():
                return name, rest
    return None


_TYPE_NAMES = dict(
    sorted(((text.toneless(name).replace(" ", ""), name) for name in DOCUMENT_TYPES if name != CONG_VAN), key=lambda item: -len(item[0]))
)
"""Each type's name without tone marks and spaces, longest first, to its name."""


def _caps_split(written: str) -> tuple[str, str]:
    """The capitalised words a text opens with, and the rest from the first word in ordinary case:
    'NĂM HỌC 2016 - 2017Hôm nay, …' gives ('NĂM HỌC 2016 - 2017', 'Hôm nay, …')."""
    first_lower = next((at for at, char in enumerate(written) if char.islower()), len(written))
    start = first_lower - 1 if first_lower > 0 and written[first_lower - 1].isupper() else first_lower
    return written[:start].strip(), written[start:].strip()


def _is_caps(written: str) -> bool:
    letters = [char for char in written if char.isalpha()]
    return bool(letters) and sum(char.isupper() for char in letters) >= 0.8 * len(letters)


def parse(lines: list[str]) -> Parts:
    parts = Parts()
    repaired = vnencodings.repair("\n".join(lines))
    for change in repaired.changes:
        parts.notes.append(f"dòng {change.line}: chữ {change.encoding} đã đổi sang Unicode ('{change.before}' → '{change.after}'); kiểm tra lại")
    for suspect in repaired.suspects:
        parts.notes.append(f"dòng {suspect.line}: '{suspect.excerpt}' có thể là chữ {suspect.encoding} nhưng không đủ chắc để đổi; sửa tay")
    items = _logical_lines(repaired.text.split("\n"))
    found = _find_type(items, parts)
    header_end = found[0] if found else _header_end(items)
    _read_header(items[:header_end], parts)
    index = header_end
    if found:
        index = _read_title(items, *found, parts)
    index = _read_addressees(items, index, parts)
    end = _read_ending(items, index, parts)
    parts.body = [item.raw for item in items[index:end]]
    parts.bases = _bases(items[index:end])
    if parts.doc_type is None:
        parts.doc_type = CONG_VAN if _looks_like_letter(parts) else None
    return parts


def _logical_lines(lines: list[str]) -> list[Line]:
    """The lines, with the header's glued or side-by-side parts cut apart (up to the type, the addressees
    or the first prose: the body is left as written)."""
    items: list[Line] = []
    header = True
    for index, raw in enumerate(lines):
        written = plain(raw)
        pieces = _fragments(written) if header and index < 60 else [written]
        if len(pieces) > 1:
            items += [Line(piece, index + 1, piece) for piece in pieces]
        else:
            items.append(Line(written, index + 1, raw))
        if any(_ADDRESSEES.match(piece) or type_of(piece) or (_PROSE.match(piece) and len(piece) > 60) for piece in pieces):
            header = False
    return items


# ---- Header ----


def _find_type(items: list[Line], parts: Parts) -> tuple[int, str] | None:
    """The index of the type's line and the title glued to it, if any; searched in the header zone only
    (before prose or 'Kính gửi')."""
    for index, item in enumerate(items[:60]):
        if not item.text:
            continue
        if _ADDRESSEES.match(item.text) or (_PROSE.match(item.text) and len(item.text) > 60):
            return None
        if found := type_of(item.text):
            parts.doc_type, glued = found
            title, rest = _caps_split(glued) if not _is_caps(glued) else (glued, "")
            if rest:  # the body glued to the title: 'KIỂMTRA … QUỐCGIA Đơn vị: …'
                items.insert(index + 1, Line(rest, item.number, rest))
                parts.notes.append(f"dòng {item.number}: tên loại, trích yếu và nội dung dính liền nhau; đã tách, kiểm tra lại")
            return index, title
    return None


def _header_end(items: list[Line]) -> int:
    """Where a công văn's header ends: at 'Kính gửi', or at the first paragraph of prose."""
    seen_date = False
    for index, item in enumerate(items[:60]):
        if _ADDRESSEES.match(item.text):
            return index
        if _DATE.search(item.text):
            seen_date = True
        if item.text and seen_date and _is_prose(item.text):
            return index
    return 0


def _is_prose(written: str) -> bool:
    return len(written) > 60 and not _is_caps(written) and not _DATE.search(written) and not _SUBJECT.match(written)


def _fragments(written: str) -> list[str]:
    """A line cut at its column gaps and at every landmark of the header."""
    pieces = [_RULE_TOKEN.sub(" ", piece).strip() for piece in _COLUMN_GAP.split(written)]
    pieces = [cut for piece in pieces for cut in _LETTER_START.split(piece) if cut.strip()]
    result: list[str] = []
    for piece in pieces:
        result += _cut_landmarks(piece.strip())
    return [piece for piece in result if piece and not _RULE.match(piece)]


def _cut_landmarks(piece: str) -> list[str]:
    cuts = {0, len(piece)}
    for pattern in (_MOTTO, _SLOGAN):
        for match in pattern.finditer(piece):
            cuts |= {match.start(), match.end()}
    for match in _NUMBER_LABEL.finditer(piece):
        cuts.add(match.start())
    ordered = sorted(cuts)
    result = []
    for start, end in itertools.pairwise(ordered):
        part = piece[start:end].strip()
        # A place and date after a body's name on the same line: 'TRƯỜNG TH A Đồng Kho, ngày …'. After a number
        # the number's own reading finds where the place starts ('Số: 14/TTr-ĐK1 Đồng Kho, ngày …').
        match = _DATE.search(part)
        if match and not _NUMBER_LABEL.match(part):
            result += [part[: match.start()].strip(), part[match.start() : match.end()], part[match.end() :].strip()]
        elif match:
            result += [part[: match.end()], part[match.end() :].strip()]
        elif part:
            result += _split_bodies(part)
    return [part for part in result if part]


_SECOND_BODY = re.compile(r"(?<=\S)\s+(?=(?:SỞ|PHÒNG|TRƯỜNG)\s)")


def _split_bodies(piece: str) -> list[str]:
    """Two bodies' names on one line ('UBND TỈNH SƠN LA SỞ GIÁO DỤC VÀ ĐÀO TẠO'), cut where the second begins."""
    if not (_is_caps(piece) and _BODY_START.match(piece.upper())):
        return [piece]
    cuts = [match.end() for match in _SECOND_BODY.finditer(piece)
            if len(piece[: match.start()].split()) >= 2 and piece[: match.start()].split()[-1] not in ("VÀ", "CỦA", "THUỘC", "-", "&")]
    bounds = [0, *cuts, len(piece)]
    return [piece[start:end].strip() for start, end in itertools.pairwise(bounds)]


def _motto_part(fragment: str) -> bool:
    """A piece of the national motto broken over lines: 'CỘNG HÒA XÃ HỘI' / 'CHỦ NGHĨA VIỆT NAM'."""
    folded = " ".join(text.fold(fragment).split())
    return bool(folded) and len(folded) >= 4 and f" {folded} " in " cong hoa xa hoi chu nghia viet nam " and _is_caps(fragment)


def _read_header(items: list[Line], parts: Parts) -> None:
    fragments: list[tuple[str, int]] = []
    for item in items:
        fragments += [(fragment, item.number) for fragment in _fragments(item.text)]
    bodies: list[tuple[str, int]] = []
    index = 0
    while index < len(fragments):
        fragment, number = fragments[index]
        index += 1
        if _MOTTO.fullmatch(fragment) or _motto_part(fragment) or _SLOGAN.fullmatch(fragment) or _URGENCY.match(fragment.upper()):
            continue
        if _cut_place(fragment) and index < len(fragments) and _DATE.search(fragments[index][0]):
            fragments[index] = (f"{fragment} {fragments[index][0]}", number)  # 'Thái' / 'Nguyên, ngày …'
            continue
        if label := _NUMBER_LABEL.match(fragment):
            value = fragment[label.end() :].strip()
            if not value and index < len(fragments) and _NUMBER_VALUE.match(fragments[index][0]):
                value, number = fragments[index]
                index += 1
            rest = _read_number(value, number, parts)
            if rest and index < len(fragments) and _DATE_START.search(fragments[index][0]):
                fragments[index] = (f"{rest} {fragments[index][0]}", number)  # a place cut by the copy: 'Ân' / 'Mỹ, ngày …'
            elif rest:
                fragments.insert(index, (rest, number))
            continue
        if _DATE_START.search(fragment) or (index < len(fragments) and _DATE_START.match(fragments[index][0]) and fragment.endswith(",")):
            joined, used = fragment, 0
            while not _DATE.search(joined) and index + used < len(fragments) and used < 3:
                joined = f"{joined} {fragments[index + used][0]}"
                used += 1
            if match := _DATE.search(joined):
                index += used
                _read_date(match, number, parts)
                continue
        if subject := _SUBJECT.match(fragment):
            if not parts.title_lines and parts.doc_type is None:
                parts.title_lines.append(subject.group("subject").strip())
                while index < len(fragments) and _continues_subject(fragments[index][0]):
                    parts.title_lines.append(fragments[index][0])
                    index += 1
                parts.title_lines[-1] = parts.title_lines[-1].removesuffix(".")
            continue
        if _is_caps(fragment) or _BODY_START.match(fragment.upper()):
            bodies.append((fragment, number))
            continue
        parts.notes.append(f"dòng {number}: '{fragment}' ở phần đầu văn bản nhưng không phải cơ quan, số, ngày hay quốc hiệu")
    _set_bodies(bodies, parts)


def _cut_place(fragment: str) -> bool:
    """A word or two in ordinary case standing alone before a date line: the start of its place name."""
    words = fragment.split()
    return 0 < len(words) <= 2 and all(word[:1].isupper() and word[1:].islower() for word in words)


def _continues_subject(fragment: str) -> bool:
    return not (
        _NUMBER_LABEL.match(fragment) or _DATE.search(fragment) or _MOTTO.search(fragment) or _SLOGAN.search(fragment)
        or _URGENCY.match(fragment.upper()) or _ADDRESSEES.match(fragment) or len(fragment) > 120
        # a capitalised line is a body's name, unless it is an acronym the narrow column pushed down ('TCCN')
        or (_is_caps(fragment) and (len(fragment.split()) > 2 or _BODY_START.match(fragment.upper())))
    )


def _read_number(value: str, line: int, parts: Parts) -> str:
    """Fill the number from the text after 'Số:'; return what follows it on the fragment (a cut place)."""
    match = _NUMBER_VALUE.match(value)
    if not match:
        if value:
            parts.notes.append(f"dòng {line}: số, ký hiệu '{value}' không đúng dạng số/ký hiệu")
        else:
            parts.notes.append(f"dòng {line}: có chữ 'Số' nhưng không thấy số, ký hiệu")
        return ""
    number = re.sub(r"\s+", "", match.group("number"))
    symbol = re.sub(r"\s+", "", match.group("symbol"))
    rest = match.group("rest").strip()
    if rest and re.fullmatch(r"[IVX]+", rest):  # 'BTĐKT-Vụ II': a unit numbered in Roman figures
        symbol, rest = symbol + rest, ""
    if not re.search(r"\d", number):
        number = ""  # a draft's blank: 'Số:   /KH-SGDĐT', 'Số: …/KH-PGDĐT'
    parts.number = f"{number}/{symbol}"
    return rest


def _read_date(match: re.Match[str], line: int, parts: Parts) -> None:
    place = (match.group("place") or "").strip(" ,")
    parts.place = place or None
    if not place:
        parts.notes.append(f"dòng {line}: dòng ngày tháng không ghi địa danh")
    day, month = _digits(match.group("day")), _digits(match.group("month"))
    year = int(match.group("year"))
    if day and month:
        try:
            parts.issued = date(year, month, day)
        except ValueError:
            parts.notes.append(f"dòng {line}: ngày {day}/{month}/{year} không có thật trên lịch")
    else:
        parts.issued = f"{year}-{month:02d}" if month else year


def _digits(written: str) -> int | None:
    digits = re.sub(r"\D", "", written)
    return int(digits) if digits else None


def _set_bodies(found: list[tuple[str, int]], parts: Parts) -> None:
    """Join the lines of each body's name; the first of two bodies is the parent."""
    bodies: list[str] = []
    for fragment, _ in found:
        fragment = fragment.strip(" *_=|")  # what is left of a rule under the name
        upper = fragment.upper()
        if bodies and not (_BODY_START.match(upper) and not _JOINER_END.search(bodies[-1]) and len(bodies[-1].split()) > 1):
            bodies[-1] = f"{bodies[-1]} {fragment}"
        else:
            bodies.append(fragment)
    first, second = (text.fold(name) for name in bodies[:2]) if len(bodies) > 1 else ("", "")
    if first and second != first and second.startswith(first):  # a copy's repeated 'UỶ BAN NHÂN DÂN' over the real name
        parts.notes.append(f"dòng '{bodies[0]}' lặp lại đầu tên '{bodies[1]}': bỏ, không coi là cơ quan chủ quản")
        bodies = bodies[1:]
    if not bodies:
        return
    if len(bodies) > 2:
        parts.notes.append(f"{len(bodies)} tên cơ quan ở phần đầu ({'; '.join(bodies)}): lấy hai tên cuối; kiểm tra lại")
        bodies = bodies[-2:]
    parts.issuing_body = bodies[-1]
    if len(bodies) == 2:
        parts.parent_body = bodies[0]


# ---- Title, authority and addressees ----


def _read_title(items: list[Line], type_at: int, glued: str, parts: Parts) -> int:
    """The title under the type (or glued to it: 'THÔNG BÁO NGHỈ HỌC…') and a quyết định's authority line;
    return where what follows begins."""
    index = type_at + 1
    title: list[str] = [glued] if glued else []
    authority: list[str] = []
    while index < len(items):
        written = items[index].text
        if not written:
            index += 1
            continue
        if _RULE.match(written):
            index += 1
            if title:
                break
            continue
        if _ADDRESSEES.match(written) or _SECTION.match(written) or written.endswith(":"):
            break
        if _PROSE.match(written) and (title or _BASIS_FIRM.match(written) or len(written) > 120 or written.endswith((";", ",", "."))):
            break  # a first line 'Thực hiện phong trào thi đua …' is the title itself
        if title and _is_caps(written) and _authority_line(written):
            authority.append(written)
            index += 1
            continue
        if authority or len(title) >= 4 or len(written) > 250:
            break
        if title and not _is_caps(written) and _is_caps(" ".join(title)) and not written[:1].islower():
            if written.startswith("(") or re.fullmatch(r"Năm học\s*:?\s*\d{4}\s*[-–]\s*\d{4}", written):
                title.append(written)  # '(Trích biên bản …)', 'Năm học 2020 - 2021' under a title in capitals
                index += 1
                continue
            head, rest = _caps_split(written)
            if head:  # 'NĂM HỌC 2016 - 2017Hôm nay, …': the body glued to the title's last line
                title.append(head)
                items[index] = Line(rest, items[index].number, rest)
                parts.notes.append(f"dòng {items[index].number}: trích yếu và nội dung dính liền nhau; đã tách, kiểm tra lại")
            break
        title.append(written)
        index += 1
    if title:
        title[-1] = title[-1].removesuffix(".")  # a title has no full stop (Nghị định 30, Phụ lục I)
    parts.title_lines = title
    if authority:
        parts.issuing_authority = " ".join(authority)
    return index


def _authority_line(written: str) -> bool:
    """'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …', 'GIÁM ĐỐC SỞ …', 'HIỆU TRƯỞNG TRƯỜNG …', 'ỦY BAN NHÂN DÂN TỈNH …'."""
    upper = written.upper()
    return bool(_BODY_START.match(upper) or re.match(r"^(?:CHỦ TỊCH|GIÁM ĐỐC|HIỆU TRƯỞNG|BỘ TRƯỞNG|TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|"
                                                     r"CHÁNH|THỦ TRƯỞNG|BAN CHẤP HÀNH|THỦ TƯỚNG)\b", upper))


def _read_addressees(items: list[Line], index: int, parts: Parts) -> int:
    """'Kính gửi:' and its recipients, on its line or listed under it; return where the body begins."""
    at = index
    while at < len(items) and (not items[at].text or _URGENCY.match(items[at].text.upper())):
        at += 1
    if at >= len(items) or not (match := _ADDRESSEES.match(items[at].text)):
        return index
    first = _LIST_MARK.sub("", match.group("rest")).strip()
    if first:
        parts.addressees += [piece.strip() for piece in re.split(r"\s+[-–]\s+", first) if piece.strip()]
    at += 1
    while at < len(items):
        written = items[at].text
        if not written:
            at += 1
            continue
        if not _LIST_MARK.match(written) or len(written) > 200:
            break
        parts.addressees.append(_LIST_MARK.sub("", written).strip())
        at += 1
    return at


# ---- Ending ----


def _read_ending(items: list[Line], start: int, parts: Parts) -> int:
    """Recipients and signature block at the end, in any order or side by side; return the body's end."""
    end = len(items)
    while end > start and (not items[end - 1].text or items[end - 1].text in ("[…]", "[...]")):
        end -= 1
    tail: list[tuple[str, int]] = []  # (fragment, index of its line)
    at = end
    # Walk up over the lines that belong to the ending: recipients, authority and position lines, notes, a name.
    while at > start:
        written = items[at - 1].text
        if not written:
            at -= 1
            continue
        pieces = [piece.strip() for piece in _COLUMN_GAP.split(written) if piece.strip()]
        if not all(_ending_piece(piece) for piece in pieces):
            break
        at -= 1
        tail = [(piece, at) for piece in pieces] + tail
    recipients_at = next((i for i, (piece, _) in enumerate(tail) if _RECIPIENTS.match(piece)), None)
    signature: list[str] = []
    name: str | None = None
    in_recipients = False
    for position, (piece, _) in enumerate(tail):
        if recipients_at is not None and position == recipients_at:
            in_recipients = True
            rest = _RECIPIENTS.match(piece).group("rest").strip()
            if rest:
                parts.recipients.append(_LIST_MARK.sub("", rest))
            continue
        if in_recipients and _LIST_MARK.match(piece):
            parts.recipients.append(_LIST_MARK.sub("", piece).strip())
            continue
        if _SIGNED_NOTE.match(piece):
            continue
        if AUTHORITY.match(piece) or _position_line(piece):
            if name is None:
                signature.append(piece)
            else:
                parts.notes.append(f"'{piece}' sau tên người ký: không nhận ra")
            continue
        if signature and name is None and _is_caps(piece) and AUTHORITY.match(signature[-1]):
            signature[-1] = f"{signature[-1]} {piece}"  # an authority line broken by the copy: 'TM.CHỦ' / 'TỊCH …'
            continue
        if _NAME.match(piece) and signature and name is None:
            name = piece
            continue
        if in_recipients and name is None and not signature:
            parts.recipients.append(piece)  # a recipient written without its dash
            continue
        parts.notes.append(f"'{piece}' ở cuối văn bản: không nhận ra")
    parts.signature = signature
    parts.signer_name = name
    if not tail:
        return end
    return tail[0][1]


def _ending_piece(piece: str) -> bool:
    return bool(
        _RECIPIENTS.match(piece) or _LIST_MARK.match(piece) or _SIGNED_NOTE.match(piece) or AUTHORITY.match(piece)
        or _position_line(piece) or _NAME.match(piece) or (_is_caps(piece) and len(piece.split()) <= 8)
    ) and len(piece) <= 160 and not (_SECTION.match(piece) and not AUTHORITY.match(piece))


def _position_line(piece: str) -> bool:
    """A short line naming a position ('PHÓ CHỦ TỊCH', 'Hiệu trưởng', 'TM. ỦY BAN NHÂN DÂN')."""
    words = piece.split()
    return 0 < len(words) <= 10 and not piece.endswith((".", ";", ",")) and bool(_POSITION.search(piece.upper()))


def _bases(items: list[Line]) -> list[str]:
    """The opening's paragraphs citing legal bases, up to the first section, article or decision line;
    bases come first, so after two other paragraphs the opening is over."""
    found: list[str] = []
    others, paragraph_open = 0, False
    for item in items:
        written = item.text
        if not written:
            continue
        if _SECTION.match(written) and found or re.match(r"^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ|KẾT LUẬN)\s*:", written.upper()):
            break
        if _SECTION.match(written) and "can cu" not in text.fold(written):
            break  # the body proper begins; a first heading 'A. NHỮNG CĂN CỨ…' holds the bases
        first, *glued = _GLUED_BASIS.split(written)
        if _BASIS.match(_LIST_MARK.sub("", first)):
            found.append(first)
            paragraph_open = False
        elif found and (first[:1].islower() or not found[-1].endswith((";", ".", ":", ","))):
            found[-1] = f"{found[-1]} {first}"  # a paragraph broken by the copy
        elif not glued:
            others += not paragraph_open  # a line that goes on an unfinished paragraph is not another one
            paragraph_open = not first.endswith((";", ".", ":"))
            if others > 2:
                break
        found += glued
    return found


def _looks_like_letter(parts: Parts) -> bool:
    """A công văn: no type line, and a subject ('V/v'), addressees or a number without a type's abbreviation."""
    if parts.title or parts.addressees:
        return True
    if parts.number:
        symbol = numbers.type_abbreviation(parts.number) or ""
        return symbol.upper() not in {abbreviation.upper() for abbreviation in DOCUMENT_TYPES.values() if abbreviation}
    return False
