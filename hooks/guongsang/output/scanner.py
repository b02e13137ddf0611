"""The last guard: every build scans what it wrote for personal data that must never be published.

Whatever the records say, a citizen-ID-like number, a Vietnamese phone number, an e-mail address not on
the allow list, or a full date of birth anywhere in the output fails the build, naming the file. The scan
reads what a reader, a screen reader or a robot reads: page text (inline SVG charts included), attribute
values (alt, title, aria-label, meta content, links, data-*), JSON (decoded), CSV, feeds, calendars, and
the search index Pagefind writes. The patterns are built from the table of personaldata.py: the ways
people write each kind of data, and the look-alikes on real pages.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import html
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from guongsang.lang.personaldata import BIRTH_DATE, CITIZEN_ID, EMAIL, PHONE
from guongsang.lang.text import phone_digits

_SKIP_DIRS = {"pagefind", "admin"}
"""The search index, which Pagefind writes while the scan runs (``scan_search_index`` reads it after),
and the web editor: code from npm whose licence notices name their authors' addresses, and forms made
from the models; no record's data is written there (the build refuses editors' files under
content/admin/)."""

_NOT_TEXT_ATTRIBUTES = (
    "class", "id", "style", "d", "points", "viewBox", "transform", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy",
    "r", "rx", "ry", "dx", "dy", "width", "height", "fill", "stroke", "stroke-width", "stroke-dasharray",
    "text-anchor", "integrity", "nonce", "xmlns", "for", "headers", "aria-labelledby", "aria-describedby",
    "aria-controls",
)
"""Attribute values that are not text for anyone (names, styles, drawing geometry, hashes, references to
ids): SVG paths are runs of numbers that look like anything."""


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
_SPACED_AT = re.compile(r"[ \t]+@[ \t]*|@[ \t]+")
_EMAIL_DOMAIN = re.compile(r"@([\w-]+(?:\.[\w-]+)+)")
_EMAIL_LOCAL = re.compile(r"[\w.+-]+\Z")
_FILE_EXTENSIONS = frozenset("png jpg jpeg gif webp avif svg ico css js mjs json map woff woff2".split())

_JSON_SCRIPT = re.compile(r"<script\b[^>]*\btype=[\"']?application/ld\+json\b[^>]*>(.*?)</script\s*>", re.S | re.I)
_CODE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_TAG = re.compile(r"<[^>]+>")
_INLINE_TAG = re.compile(
    r"</?(?:abbr|b|bdi|bdo|big|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup"
    r"|time|tt|u|var|wbr)\b[^>]*>"
)
"""Tags a browser shows nothing for, in a line of text: "0912<b></b>345678" reads 0912345678."""
_CLUES = "\\d@\\[({%&\uff20\ufe6b"
"""A value without any of these (a digit, an at sign, a bracket of "[at]", an escape) holds nothing to find."""


def _attribute_pattern(quote: str) -> re.Pattern[str]:
    """Values (in ``quote``) that may hold a number or an address, except those of ``_NOT_TEXT_ATTRIBUTES``.
    After the ``="`` the search skips to: a value without a clue is passed over first (most are), then one
    negative lookbehind per length of the names left out."""
    by_length: dict[int, list[str]] = {}
    for name in _NOT_TEXT_ATTRIBUTES:
        by_length.setdefault(len(name), []).append(re.escape(name))
    excluded = "".join(f"(?<!\\s(?:{'|'.join(names)})={quote})" for names in by_length.values())
    return re.compile(f"={quote}(?=[^{quote}{_CLUES}]*+[{_CLUES}]){excluded}([^{quote}]*+){quote}")


_DOUBLE_QUOTED = _attribute_pattern('"')
_SINGLE_QUOTED = _attribute_pattern("'")
_PLUS_BETWEEN_DIGITS = re.compile(r"(?<=\d)\+(?=\d)")
_APART = "\n|\n"
"""Between texts read apart (page text, attribute values): a number or a "sinh" does not run across it."""
_BREAK = "\x00"
"""Where a tag was: not white space, so that a number does not run across table cells or a chart's
labels (a browser shows them apart); white space in the text does (a browser shows one space)."""

_CALENDAR_TEXT = (
    "SUMMARY", "DESCRIPTION", "LOCATION", "URL", "CONTACT", "COMMENT", "ORGANIZER", "ATTENDEE", "CATEGORIES",
    "RESOURCES", "X-WR-CALNAME", "X-WR-CALDESC", "NAME",
)
_PAGEFIND_SIGNATURE = b"pagefind_dcd"


@dataclass(frozen=True)
class Finding:
    page: str
    what: str
    excerpt: str

    def __str__(self) -> str:
        return (
            f"{self.page}: lỗi: trang có {self.what} ('{self.excerpt}'); dữ liệu cá nhân không được công khai"
            " (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): sửa tệp nguồn rồi dựng lại"
        )


def scan_text(text: str, allowed: Collection[str] = frozenset()) -> list[tuple[str, str]]:
    """Each (kind, excerpt) of personal data in ``text``, as the build's scan finds it in pages: for
    editors' source files (YAML values, Markdown bodies) at check time.

    Args:
        text: any text; full-width and invisible characters are normalised away before matching.
        allowed: the organisation's own e-mail addresses (in any case) and phone numbers (however
            written), which may appear.
    """
    if not _WORTH_READING.search(text) or _PLAIN_VALUE.fullmatch(text):
        return []
    return _findings_in(text, _allowed_keys(allowed))


def _allowed_keys(allowed: Collection[str]) -> frozenset[str]:
    """Each allowed value as findings are compared with it: an address in lower case, a phone as its digits."""
    return frozenset(value.lower() if "@" in value else phone_digits(value) for value in allowed)


_WORTH_READING = re.compile("[@\uff20\ufe6b)\\]}]|\\d(?:\\D*\\d){5}")
"""Every finding holds six digits (a date of birth: 1/1/1980), an at sign (full-width too) or the closing
bracket of "[at]": most values of a record (ids, names, titles, decision numbers) are passed over at once."""
_PLAIN_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}\s*-\s*\d{4}")
"""A date or a span of years on its own, as records write them: never a date of birth without 'sinh'."""


def _html_text(source: str) -> str:
    """What a reader, a screen reader or a robot gets from an HTML (or SVG) page: its text (titles and
    labels of inline drawings included), the attribute values that can hold text or addresses (decoded
    as a browser does), and JSON scripts (structured data) decoded; not script code or styles. Text
    blocks are kept apart by _BREAK."""
    structured = [_json_source_text(body) for body in _JSON_SCRIPT.findall(source)] if "ld+json" in source else []
    source = _CODE.sub(" ", source)
    if "<!--" in source:
        source = _COMMENT.sub(r" \1 ", source)
    values = _DOUBLE_QUOTED.findall(source)
    if "='" in source:
        values += _SINGLE_QUOTED.findall(source)
    attributes = html.unescape(_APART.join(values))
    if "%" in attributes:
        attributes = unquote(attributes)
    if "+" in attributes:
        attributes = _PLUS_BETWEEN_DIGITS.sub(" ", attributes)
    text = html.unescape(_TAG.sub(_BREAK, _INLINE_TAG.sub("", source)))
    return _APART.join([text, attributes, *structured])


def calendar_text(source: str) -> str:
    """What a calendar shows of an iCalendar file: its text properties with their parameters (a
    participant's name), unfolded and unescaped; not the UIDs, which look like e-mail addresses."""
    unfolded = re.sub(r"\r?\n[ \t]", "", source)
    values = [
        line[len(name):] for line in unfolded.splitlines()
        if (name := re.split(r"[;:]", line, maxsplit=1)[0]).upper() in _CALENDAR_TEXT
    ]
    text = _APART.join(values)
    return text.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


def _json_text(data: object) -> str:
    """Every key and every string or number of decoded JSON, one "key: value" a line (so an escape such
    as ``\\u0040`` hides nothing, and a "ngay_sinh" key is read with its value)."""
    lines = []
    stack: list[tuple[str, object]] = [("", data)]
    while stack:
        key, value = stack.pop()
        if isinstance(value, str):
            lines.append(f"{key}: {value}")
        elif isinstance(value, dict):
            lines.append(key)  # a key can be data too
            stack.extend(value.items())
        elif isinstance(value, list):
            stack.extend((key, item) for item in value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            lines.append(f"{key}: {value}")
    text = _APART.join(reversed(lines))
    return html.unescape(text) if "&" in text else text


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
    return _APART.join([source, *cells])


def _feed_text(source: str) -> str:
    """An Atom, RSS or other XML file: its content is escaped HTML inside XML, read once unescaped."""
    return _html_text(html.unescape(source))


def _json_source_text(source: str) -> str:
    try:
        return _json_text(json.loads(source.lstrip("\ufeff")))
    except ValueError:  # not JSON after all: read as text
        return source


_READERS: dict[str, Callable[[str], str]] = {
    ".html": _html_text, ".htm": _html_text, ".svg": _html_text,
    ".xml": _feed_text, ".atom": _feed_text, ".rss": _feed_text,
    ".json": _json_source_text, ".webmanifest": _json_source_text, ".geojson": _json_source_text,
    ".csv": csv_text, ".tsv": csv_text, ".txt": str, ".ics": calendar_text,
}
"""How each kind of file in the output is read, by suffix; other files (scripts, styles, fonts, images)
are not text for a reader."""


def scan(site_dir: Path, allowed: Collection[str], clean_cache: Path | None = None) -> list[Finding]:
    """Every hit in the built site, file by file (the search index apart: ``scan_search_index``).

    ``clean_cache`` names a file that remembers the contents found clean (by hash, with the rules that
    judged them): a file whose bytes did not change since is not read again as text.
    """
    return _scan_files(site_dir, _scanned_files(site_dir), _file_text, allowed, clean_cache)


def scan_search_index(
    site_dir: Path, allowed: Collection[str] = frozenset(), clean_cache: Path | None = None
) -> list[Finding]:
    """Every hit in the page fragments of Pagefind's index, once Pagefind has finished: what its search
    box shows (site/pagefind/fragment/*.pf_fragment, gzip of ``pagefind_dcd`` then JSON with the page's
    url, content, meta, filters and anchors). ``clean_cache`` as for ``scan``, in a file of its own."""
    fragments = sorted((site_dir / "pagefind" / "fragment").glob("*.pf_fragment"))
    return _scan_files(site_dir, fragments, _fragment_text, allowed, clean_cache)


def _scan_files(
    site_dir: Path,
    paths: Iterable[Path],
    read: Callable[[Path, bytes], tuple[str, str]],
    allowed_values: Collection[str],
    clean_cache: Path | None,
) -> list[Finding]:
    findings = []
    allowed = _allowed_keys(allowed_values)
    rules = _rules_fingerprint(allowed)
    known = _read_clean(clean_cache, rules)
    clean = set()
    for path in paths:
        content = path.read_bytes()
        digest = hashlib.blake2b(content, digest_size=16).hexdigest()
        if digest in known:
            clean.add(digest)
            continue
        readable, source = read(path, content)
        found = _findings_in(readable, allowed)
        if found:
            page = path.relative_to(site_dir).as_posix() + source
            findings += [Finding(page, what, excerpt) for what, excerpt in found]
        else:
            clean.add(digest)
    if clean_cache is not None:
        clean_cache.parent.mkdir(parents=True, exist_ok=True)
        clean_cache.write_text("\n".join([rules, *sorted(clean)]) + "\n", encoding="utf-8")
    return findings


def _file_text(path: Path, content: bytes) -> tuple[str, str]:
    return _READERS[path.suffix.lower()](content.decode("utf-8", errors="replace")), ""


def _fragment_text(path: Path, content: bytes) -> tuple[str, str]:
    """A fragment's text and, to name it, the page it was made from. Not in the format (another
    Pagefind version): its bytes are still read, as text."""
    try:
        content = gzip.decompress(content)
    except (OSError, EOFError):
        pass
    source = content.removeprefix(_PAGEFIND_SIGNATURE).decode("utf-8", errors="replace")
    try:
        data = json.loads(source)
    except ValueError:
        return source, ""
    url = data.get("url") if isinstance(data, dict) else None
    return _json_text(data), f" ({url})" if isinstance(url, str) else ""


def _scanned_files(site_dir: Path) -> list[Path]:
    """The files a reader can read, in path order; the folders of ``_SKIP_DIRS`` are not even walked."""
    paths = []
    for folder, dirs, files in os.walk(site_dir):
        if folder == str(site_dir):
            dirs[:] = [d for d in dirs if d not in _SKIP_DIRS]
        paths += [Path(folder, name) for name in files if os.path.splitext(name)[1].lower() in _READERS]
    return sorted(paths)


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


def _findings_in(text: str, allowed: Collection[str]) -> list[tuple[str, str]]:
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
    return list(dict.fromkeys((kind, " ".join(excerpt.replace(_BREAK, " ").split())) for kind, excerpt in found))


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
    if "@" not in text:
        return
    if _DOT_HINT.search(text):
        text = _DOT_WORD.sub(".", text)
    text = _SPACED_AT.sub("@", text)
    for match in _EMAIL_DOMAIN.finditer(text):
        local = _EMAIL_LOCAL.search(text, max(0, match.start() - 64), match.start())
        domain = match.group(1).rstrip(".-")
        last = domain.rsplit(".", 1)[-1]
        if local is None or last.lower() in _FILE_EXTENSIONS or not any(c.isalpha() for c in last):
            continue
        yield f"{local.group().lstrip('.')}@{domain}"


def _rules_fingerprint(allowed: Collection[str]) -> str:
    """Changes when anything in this module (a pattern, the text extraction), the Python that
    runs it (its Unicode database, its HTML entities), or the allowed addresses and phones change."""
    rules = [Path(__file__).read_text(encoding="utf-8"), sys.version, unicodedata.unidata_version, sorted(allowed)]
    return hashlib.blake2b(json.dumps(rules).encode(), digest_size=16).hexdigest()


def _read_clean(clean_cache: Path | None, rules: str) -> set[str]:
    if clean_cache is None or not clean_cache.is_file():
        return set()
    lines = clean_cache.read_text(encoding="utf-8").split()
    return set(lines[1:]) if lines and lines[0] == rules else set()
