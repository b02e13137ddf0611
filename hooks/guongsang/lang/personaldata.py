"""The ways people in Vietnam write the personal data a public page must never show, and how they are
found: the matching both the check of editors' files (checks/personaldata.py) and the scan of the built
site (output/scanner.py) use, and the table it is held to.

Each row of ``WRITTEN_FORMS`` must be found, in page text, in an attribute and in an editor's file; each
row of ``LOOK_ALIKES`` (the look-alikes real pages are full of) must pass. A way of writing found in the
wild is a new row.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Collection, Iterator

from guongsang.lang.text import phone_digits

CITIZEN_ID = "số giống số căn cước, chứng minh nhân dân"
PHONE = "số giống số điện thoại"
BIRTH_DATE = "ngày sinh"
EMAIL = "địa chỉ thư điện tử không nằm trong danh sách được phép"

# Unicode 14 "Cf" (format) characters and the other default-ignorable ones a browser shows as nothing
# (tests/test_scanner.py checks the list against this Python's Unicode database). Astral ones apart: a
# class with them is four times slower to search, and they are looked for only in text that has any.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u115f-\u1160\u17b4-\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]"
)
_INVISIBLE_ASTRAL = re.compile(
    "[\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


_COMMON_COMPATIBILITY = tuple((c, unicodedata.normalize("NFKC", c)) for c in "\u2026\u00a0\u2002\u2003\u2009\u202f")
"""Ellipsis and spaces: the compatibility characters pages have, folded without NFKC's cost."""


# Numbers: each pattern starts with the character it needs and checks what precedes it by a lookbehind
# after it: the regex engine skips ahead to candidates (five times faster than a leading lookbehind
# tried at every position; one alternation of them all is slower still). A number glued to a letter, or
# after "." "," "-" (decimals, amounts, asset hashes) is not one; "/" precedes a phone in "zalo.me/09…"
# but also the year of a document number ("06/2022/QH15") and a DOI's suffix.
_END = r"(?![\w/]|[.,]\d)"
_GAP = r"\s*[.\-]?\s*"  # any white space a browser shows as one space (a line break in Markdown too)
_SEP = rf"\)?{_GAP}\(?"
_ZERO = re.compile(  # 0…: citizen ID (12 digits, in threes or fours), phone (10 or 11, "0xx" together), 0084…
    rf"0(?<![\w.,-]0)(?:(?P<id>\d\d(?:{_GAP}\d{{3}}){{3}}|\d{{3}}(?:{_GAP}\d{{4}}){{2}})"
    rf"|(?P<phone>084(?:{_SEP}\d){{9,10}}|\d\d(?:{_SEP}\d){{7,8}})){_END}"
)
_PLUS = re.compile(rf"\+(?<![\w+]\+) ?\(?\d(?:{_SEP}\d){{7,13}}{_END}")  # any country: + and 8 to 14 digits
_SPACE_SEP = r"\)?\s*-?\s*\(?"  # without dots: "84.900.000.000" is an amount
_EIGHTY_FOUR = re.compile(  # 84 without its "+": a mobile (84 9x…) or a landline (84 2xx…)
    rf"84(?<![\w.,+-]84){_SPACE_SEP}(?:[35789](?:{_SPACE_SEP}\d){{8}}|2(?:{_SPACE_SEP}\d){{9}}){_END}"
)
_DIGITS = re.compile(  # any digit: old ID card number (9 digits), a date
    rf"\d(?<![\w/.,-]\d)(?:(?P<old_id>\d{{8}}|\d\d(?:\s+|{_GAP}-{_GAP})\d{{3}}(?:\s+|{_GAP}-{_GAP})\d{{3}}){_END}"
    r"|(?P<date>\d?\s*(?P<sep>[/.-])\s*\d\d?\s*(?P=sep)\s*(?:\d{4}|\d\d)(?![\d/])"
    r"|\d?\s+(?i:th[aá]ng)\s+\d\d?(?:\s*,)?\s+(?i:n[aă]m)\s+\d{4}(?!\d)"
    r"|\d{3}(?P<iso>[/.-])\d\d?(?P=iso)\d\d?(?!\d)))"
)
_DIGIT_RUNS = re.compile(r"\d+")
_LIVING_SINCE = 1920
"""A date of birth before this year is history (Chủ tịch Hồ Chí Minh sinh ngày 19/5/1890), nobody's
personal data to withhold."""
_MONEY_AFTER = re.compile(r"\s*(?:đồng|đ|vnđ|vnd|usd)\b", re.I)
_TAX_CODE_BEFORE = re.compile(r"(?:mã số thuế|mã số doanh nghiệp|\bmst)\W{0,6}\Z", re.I)
_BIRTH_BEFORE = re.compile(
    r"(?:([^\W\d_]+)[\s\x00]+)?(?<![^\W\d])"
    r"(sinh(?:[ \t]+nhật)?|ngay_?sinh|sinh_?ngay|birth_?date|birthday|date[ _]of[ _]birth|d\.?o\.?b\.?|sn|ns|born)"
    r"[\s\x00:=,.\"'()\[\]-]*(?:(?:vào|là)\s+)?(?:(?:ngày|ngay)[\s\x00:=,.\"'-]*)?\Z",
    re.I,
)
_BIRTH_HINTS = ("sinh", "sn", "ns", "dob", "d.o.b", "birth", "born")
_NOT_BIRTH_WORDS = frozenset(
    "học thí giáo phát hồi vệ hy hi kí ký sản tái dân mưu sát phóng cứu lưu sơ song nhân".split()
)
"""Words that make "sinh" mean something else: học sinh (pupil), phát sinh (arise), vệ sinh (cleaning)…"""
_NOT_BIRTH_LOWERCASE = frozenset({"nam", "nữ"})
"""nam sinh, nữ sinh (schoolboy, schoolgirl), but "Nam" is also a given name: "Trần Văn Nam sinh ngày…"."""

# "[at]", "(at)", "{ at }", "(@)" and "[dot]"…: each hint starts with its closing bracket, a literal the
# search skips to (a class of three brackets is ten times slower); the words with the spaces around
# them are replaced only where a hint was found.
_AT_HINTS = tuple(
    re.compile(rf"\{b}(?:(?<=\{a}[aA][tT]\{b})|(?<=\{a} [aA][tT] \{b})|(?<=\{a}@\{b})|(?<=\{a} @ \{b}))")
    for a, b in ("()", "[]", "{}")
)
_AT_WORD = re.compile(r"[ \t]*[\[({]\s*(?:at|@)\s*[\])}][ \t]*", re.I)
_DOT_HINT = re.compile(r"[\[({]\s*(?:dot|chấm)\s*[\])}]", re.I)
_DOT_WORD = re.compile(r"[ \t]*[\[({]\s*(?:dot|chấm)\s*[\])}][ \t]*", re.I)
_EMAIL_DOMAIN = re.compile(r"@([\w-]+(?:\.[\w-]+)+)")
_EMAIL_LOCAL = re.compile(r"[\w.+-]+\Z")
_FILE_EXTENSIONS = frozenset("png jpg jpeg gif webp avif svg ico css js mjs json map woff woff2".split())

APART = "\n|\n"
"""Between texts read apart (page text, attribute values): a number or a "sinh" does not run across it."""
BREAK = "\x00"
"""Where a tag was: not white space, so that a number does not run across table cells or a chart's
labels (a browser shows them apart); white space in the text does (a browser shows one space)."""


def scan_text(text: str, allowed: Collection[str] = frozenset()) -> list[tuple[str, str]]:
    """Each (kind, excerpt) of personal data in ``text``, as the build's scan finds it in pages: for
    editors' source files (YAML values, Markdown bodies) at check time, a value at a time.

    Args:
        text: any text; full-width and invisible characters are normalised away before matching.
        allowed: the organisation's own e-mail addresses (in any case) and phone numbers (however
            written), which may appear.
    """
    if not _WORTH_READING.search(text) or _PLAIN_VALUE.fullmatch(text):
        return []
    return findings_in(text, allowed_keys(allowed))


def allowed_keys(allowed: Collection[str]) -> frozenset[str]:
    """Each allowed value as findings are compared with it: an address in lower case, a phone as its digits."""
    return frozenset(value.lower() if "@" in value else phone_digits(value) for value in allowed)


_WORTH_READING = re.compile("[@\uff20\ufe6b)\\]}]|\\d(?:\\D*\\d){5}")
"""Every finding holds six digits (a date of birth: 1/1/1980), an at sign (full-width too) or the closing
bracket of "[at]": most values of a record (ids, names, titles, decision numbers) are passed over at once."""
_PLAIN_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}\s*-\s*\d{4}")
"""A date or a span of years on its own, as records write them: never a date of birth without 'sinh'."""


def csv_text(source: str) -> str:
    """A CSV file as it is, then each cell after its column's header ("Ngày sinh: 12/03/1980"), so that a
    column of dates of birth is read as one."""
    lines = source.lstrip("\ufeff").splitlines()
    if len(lines) < 2:
        return source
    delimiter = max(",;\t", key=lines[0].count)
    try:
        header, *rows = csv.reader(lines, delimiter=delimiter)
    except csv.Error:
        return source
    cells = [f"{name}: {cell}" for row in rows for name, cell in zip(header, row, strict=False)]
    return APART.join([source, *cells])


def _normalized(text: str) -> str:
    """Text as matched: invisible characters removed, full-width and compatibility forms folded (NFKC)."""
    if text.isascii():
        return text
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text):  # astral characters: two code units
        text = _INVISIBLE_ASTRAL.sub("", text)
    if unicodedata.is_normalized("NFKC", text):
        return text
    for char, folded in _COMMON_COMPATIBILITY:
        if char in text:
            text = text.replace(char, folded)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def findings_in(text: str, allowed: Collection[str]) -> list[tuple[str, str]]:
    """Each (kind, excerpt) in ``text``, however long; ``allowed`` as ``allowed_keys`` gives them."""
    text = _normalized(text)
    found: dict[tuple[str, str], None] = {}
    taken: list[tuple[int, int]] = []  # a phone or an ID found is not also a shorter number inside it
    for match in _ZERO.finditer(text):
        if match.lastgroup == "id":
            found[CITIZEN_ID, match.group()] = None
            taken.append(match.span())
        elif _is_phone(text, match):
            if phone_digits(match.group()) not in allowed:
                found[PHONE, _with_open_paren(text, match)] = None
            taken.append(match.span())
    for pattern in (_PLUS, _EIGHTY_FOUR):
        for match in pattern.finditer(text):
            if _is_phone(text, match):
                if phone_digits(match.group()) not in allowed:
                    found[PHONE, _with_open_paren(text, match)] = None
                taken.append(match.span())
    for match in _DIGITS.finditer(text):
        if match.lastgroup == "old_id":
            start, end = match.span()
            if not _MONEY_AFTER.match(text, end) and not any(s < end and start < e for s, e in taken):
                found[CITIZEN_ID, match.group()] = None
        elif excerpt := _birth_date(text, match):
            found[BIRTH_DATE, excerpt] = None
    for email in _emails(text):
        if email.lower() not in allowed:
            found[EMAIL, email] = None
    return list(dict.fromkeys((kind, " ".join(excerpt.replace(BREAK, " ").split())) for kind, excerpt in found))


def _birth_date(text: str, match: re.Match[str]) -> str | None:
    """The date with the words before it that make it a date of birth, if they do and the date is one."""
    start = match.start()
    before = text[max(0, start - 48):start]
    lowered = before.lower()
    if not any(hint in lowered for hint in _BIRTH_HINTS):
        return None
    context = _BIRTH_BEFORE.search(before)
    if context is None:
        return None
    word, key = context.group(1), context.group(2)
    if key.lower() == "sinh" and word and (word.lower() in _NOT_BIRTH_WORDS or word in _NOT_BIRTH_LOWERCASE):
        return None
    parts = _DIGIT_RUNS.findall(match.group())
    year, month, day = (int(n) for n in (parts if len(parts[0]) == 4 else parts[::-1]))
    if not (1 <= day <= 31 and 1 <= month <= 12) or 100 <= year < _LIVING_SINCE:
        return None
    return before[context.start():] + match.group()


def _is_phone(text: str, match: re.Match[str]) -> bool:
    """A run of digits shaped like a phone number is one, unless it is split into more groups than a
    number is written in (a chart's axis, "0 2 4 6 8 10 12"), has ten digits from 00 or 01 (no
    Vietnamese number does: "01 02 03 04 05" are months), is an amount ("+12.345.678 đồng") or follows
    "mã số thuế" (a company's tax code)."""
    groups = _DIGIT_RUNS.findall(match.group())
    digits = "".join(groups)
    if len(groups) > 5 or (len(digits) == 10 and digits[:2] in ("00", "01")) or _MONEY_AFTER.match(text, match.end()):
        return False
    return not _TAX_CODE_BEFORE.search(text, max(0, match.start() - 24), match.start())


def _with_open_paren(text: str, match: re.Match[str]) -> str:
    """The number as written: "(0292) 3.831.234" with the parenthesis the match starts after."""
    start, number = match.start(), match.group()
    opened = start > 0 and text[start - 1] == "(" and number.count(")") > number.count("(")
    return text[start - 1:match.end()] if opened else number


def _emails(text: str) -> Iterator[str]:
    """Addresses, also when written "[at]", "(at)", " @ ", "[dot]" to hide from robots."""
    if any(hint.search(text) for hint in _AT_HINTS):
        text = _AT_WORD.sub("@", text)
    for part in _parts_with_at_signs(text):
        if _DOT_HINT.search(part):
            part = _DOT_WORD.sub(".", part)
        part = _closed_up_at_signs(part)
        for match in _EMAIL_DOMAIN.finditer(part):
            local = _EMAIL_LOCAL.search(part, max(0, match.start() - 64), match.start())
            domain = match.group(1).rstrip(".-")
            last = domain.rsplit(".", 1)[-1]
            if local is None or last.lower() in _FILE_EXTENSIONS or not any(c.isalpha() for c in last):
                continue
            yield f"{local.group().lstrip('.')}@{domain}"


_NOT_IN_ADDRESSES = (BREAK, "|")
"""Characters that no address, "[at]", "[dot]" or space around an at sign holds."""


def _parts_with_at_signs(text: str) -> Iterator[str]:
    """The runs of ``text`` between ``_NOT_IN_ADDRESSES`` that hold an at sign: each reads as it does in
    the whole text, and the rest of a page (most of it) is not searched for "[dot]" or read again."""
    start = 0
    while (at := text.find("@", start)) != -1:
        start = max(start - 1, *(text.rfind(end, start, at) for end in _NOT_IN_ADDRESSES)) + 1
        stop = min((i for end in _NOT_IN_ADDRESSES if (i := text.find(end, at)) != -1), default=len(text))
        yield text[start:stop]
        start = stop + 1


def _closed_up_at_signs(text: str) -> str:
    """" @ " and "@ " read as "@": the spaces and tabs on either side of each at sign dropped. Split at the
    signs: a pattern starting with a space is tried at every space of a page's indentation, each time
    to the end of the run."""
    first, *middle, last = text.split("@")
    return "@".join([first.rstrip(" \t"), *(part.strip(" \t") for part in middle), last.lstrip(" \t")])


WRITTEN_FORMS: tuple[tuple[str, str], ...] = (
    ("Số CCCD 001203004567 của em.", CITIZEN_ID),
    ("CCCD: 001 203 004 567.", CITIZEN_ID),
    ("CCCD 001-203-004-567", CITIZEN_ID),
    ("CCCD 001.203.004.567", CITIZEN_ID),
    ("Căn cước 0012 0300 4567", CITIZEN_ID),
    ("Số định danh cá nhân: 001203004567", CITIZEN_ID),
    ("CMND 123456789 cấp năm 2010", CITIZEN_ID),
    ("CMND số 123456789.", CITIZEN_ID),
    ("CMND: 123 456 789", CITIZEN_ID),
    ("CMND 012345678 (Hà Nội)", CITIZEN_ID),
    ("Liên hệ em qua số 0912 345 678.", PHONE),
    ("Gọi 0912345678 nhé", PHONE),
    ("Gọi 0912.345.678", PHONE),
    ("Gọi 0912-345-678", PHONE),
    ("Gọi 091 234 5678", PHONE),
    ("ĐT: 0912345678", PHONE),
    ("SĐT:0912345678", PHONE),
    ("Gọi +84 912 345 678.", PHONE),
    ("Gọi (+84) 912 345 678", PHONE),
    ("Gọi +84-912-345-678", PHONE),
    ("Gọi +84912345678", PHONE),
    ("Gọi +84 (0) 912 345 678", PHONE),
    ("Gọi 84912345678", PHONE),
    ("Gọi 0084 912 345 678", PHONE),
    ("Zalo: zalo.me/0912345678", PHONE),
    ("Máy bàn 0292 3831 234", PHONE),
    ("Máy bàn (0292) 3.831.234", PHONE),
    ("Máy bàn 024 3825 1234", PHONE),
    ("Máy bàn (024) 3825 1234", PHONE),
    ("Máy bàn 02923831234", PHONE),
    ("Máy bàn +84 292 3831 234", PHONE),
    ("Số cũ 0168 123 4567", PHONE),
    ("Cháu ở Mỹ: +1 202 555 0123", PHONE),
    ("Ngày sinh: 12/03/1980", BIRTH_DATE),
    ("ngày sinh 12/3/1980", BIRTH_DATE),
    ("Ngày sinh: 12 / 03 / 1980", BIRTH_DATE),
    ("Sinh 1980-03-12", BIRTH_DATE),
    ("SN 12/3/1980", BIRTH_DATE),
    ("NS: 12.3.1980", BIRTH_DATE),
    ("sinh ngày 12 tháng 3 năm 1980", BIRTH_DATE),
    ("Sinh ngày 12 tháng 03, năm 1980", BIRTH_DATE),
    ("SINH 1 tháng 2 năm 2012", BIRTH_DATE),
    ("Sinh ngày 05-03-2012", BIRTH_DATE),
    ("Em sinh ngày 05/03/2012 tại xã Tân Tiến.", BIRTH_DATE),
    ("Ngày tháng năm sinh: 12/03/1980", BIRTH_DATE),
    ("Ngày, tháng, năm sinh 12-3-1980", BIRTH_DATE),
    ("Năm sinh: 12/03/1980", BIRTH_DATE),
    ("sinh: 12/03/80", BIRTH_DATE),
    ("(sinh 12/3/1980)", BIRTH_DATE),
    ("Sinh vào ngày 12/3/1980", BIRTH_DATE),
    ("Ngày sinh là 12/3/1980", BIRTH_DATE),
    ("Sinh nhật: 12/03/1980", BIRTH_DATE),
    ("Trần Văn Nam sinh ngày 12/3/1980", BIRTH_DATE),
    ("sinh ngay 12/3/1980", BIRTH_DATE),
    ("ngay sinh: 12 thang 3 nam 1980", BIRTH_DATE),
    ("ngay_sinh: 2010-03-12", BIRTH_DATE),
    ("birthDate: 1980-03-12", BIRTH_DATE),
    ("DOB: 12/03/1980", BIRTH_DATE),
    ("Date of birth: 12/03/1980", BIRTH_DATE),
    ("Thư gửi em.hoc.sinh@gmail.com nhé.", EMAIL),
    ("Thư: EM.HOC.SINH@GMAIL.COM", EMAIL),
    ("Thư: em+lop5@truong.edu.vn", EMAIL),
    ("Thư: em＠gmail.com", EMAIL),
    ("Thư: em﹫gmail.com", EMAIL),
    ("Thư: ｅｍ＠ｇｍａｉｌ．ｃｏｍ", EMAIL),
    ("Thư: em[at]gmail.com", EMAIL),
    ("Thư: em(at)gmail.com", EMAIL),
    ("Thư: em @ gmail.com", EMAIL),
    ("Thư: em [at] gmail [dot] com", EMAIL),
    ("Thư: em (at) gmail (dot) com", EMAIL),
    ("Thư: em@gmail[dot]com", EMAIL),
    ("Gọi ０９１２ ３４５ ６７８", PHONE),
    ("Gọi 0912\u200b345\u200b678", PHONE),
    ("Gọi 0\u2060912\u00ad345678", PHONE),
    ("Gọi 0912\u00a0345\u00a0678", PHONE),
    ("Gọi 0912\n345 678 (xuống dòng trong Markdown)", PHONE),
    ("CCCD 001\u202f203\u202f004\u202f567", CITIZEN_ID),
    ("Ngày\u00a0sinh:\u00a012/03/1980", BIRTH_DATE),
    ("Ｓinh ngày １２/０３/１９８０", BIRTH_DATE),
    ("Thư: em@\u200bgmail.com", EMAIL),
)
"""Each row: a way people write one piece of personal data (with what hides it: full-width and
zero-width characters, no-break spaces, a line break), and the kind the scanner must report, once."""

LOOK_ALIKES: tuple[str, ...] = (
    "Kế hoạch 237/KH-SGDĐT",
    "Kế hoạch 1729/KH-SGDĐT",
    "Luật số 06/2022/QH15",
    "Nghị định 98/2023/NĐ-CP",
    "Quyết định số 1234/QĐ-UBND ngày 20/5/2024",
    "ban hành ngày 15/8/2023",
    "Cần Thơ, ngày 21 tháng 01 năm 2020",
    "Năm học 2023-2024",
    "giai đoạn 2020 - 2025",
    "cập nhật 2024-03-05",
    "kinh phí 1.234.567.890 đồng",
    "tổng 1.234.567.890",
    "kinh phí 84.900.000.000 đồng, tăng +12.345.678 đồng",
    "thưởng 123.456.789 đồng",
    "tổng 123 456 789 đồng",
    "đạt 98,5%, tăng 12,5 %",
    "Có 1.234 học sinh, 56 lớp",
    "học sinh 2024",
    "họcsinh 05/03/2012",
    "sinh hoạt ngày 12/3/2024",
    "Ngày sinh hoạt chuyên môn 12/3/2024",
    "vệ sinh trường lớp ngày 12/3/2024",
    "các khoản phát sinh ngày 12/3/2024",
    "năm sinh 1980",
    "sinh năm 1980",
    "sinh tháng 3 năm 1980",
    "lúc 07:30 ngày 12/3/2024, kết thúc 11h30",
    "bundle.f1a2b3c4.min.js",
    "main.css?v=1712345678",
    "anh-480.webp 480w, anh-960.webp 960w",
    "logo@2x.png",
    "npm i pagefind@1.5.2",
    "mã 10.5281/123456789",
    "doi.org/10.5281/zenodo.1234567",
    "ISBN 978-604-0-12345-6",
    "ISBN 9786040123456",
    "Mã bưu chính 900000",
    "Mã số thuế: 1800123456",
    "Mã số thuế: 0900123456",
    "MST 0101234567-001",
    "Tổng đài 1900 1234, đường dây nóng 1800 1567",
    "Số 1 đường Mẫu, phường Mẫu",
    "Góp ý gửi lienhe@guong-sang.example.",
    "a0912345678",
    "0912345678901234",
    "0,912345678",
    "Trục: 0 2 4 6 8 10 12 14 16 18 20",
    "Trục: 0 5 10 15 20 25 30 35",
    "Các năm 2019 2020 2021",
    "Tháng 01 02 03 04 05 06",
    "Công ty mã số 0101234567",
    "Chủ tịch Hồ Chí Minh sinh ngày 19 tháng 5 năm 1890",
    "kỷ niệm ngày sinh Bác Hồ 19/5/1890 - 19/5/2025",
    "58.23296703296703",
)
"""Text that appears on real pages (document numbers, dates of decisions, school years, amounts, asset
names, chart axes, the organisation's own address: the demo's, allowed as extra.co_quan's is) and
must not be reported."""
