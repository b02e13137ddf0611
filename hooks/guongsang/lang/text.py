"""Vietnamese text, in one place: NFC, legacy-encoding detection, slugs, alphabetical order, official dates."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

import icu

from guongsang.lang import vnencodings

_SLUG_DROP = re.compile(r"[^a-z0-9]+")


# Characters a reader cannot see or that reorder what they see: controls (which also make XML feeds
# invalid), zero-width characters and bidirectional marks (which make "an" and "a\u200bn" two ids, or
# show text in another order than it is stored). Tab, line feed and carriage return are ordinary.
_UNSEEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]"
)
# Letters of scripts that look like Latin ones (Cyrillic а, е, о, р, с; Greek ο, ν): a word mixing them
# with Latin letters is a look-alike, never a Vietnamese word.
_LOOK_ALIKE_SCRIPTS = re.compile("[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_WORD = re.compile(r"\w+")


def unseen_character(text: str) -> tuple[int, str] | None:
    """The offset and code ('U+200B') of the first invisible or control character, if any.

    A zero-width joiner between two symbols is part of an emoji (👨‍👩‍👧) and is let through.
    """
    for match in _UNSEEN.finditer(text):
        at = match.start()
        if match.group() == "\u200d" and 0 < at < len(text) - 1 and not (text[at - 1].isalnum() or text[at + 1].isalnum()):
            continue
        return at, f"U+{ord(match.group()):04X}"
    return None


def look_alike_message(word: str) -> str:
    """What an editor is told about a word found by mixed_script_word."""
    return (
        f"chữ '{word}' lẫn chữ cái Kirin hoặc Hy Lạp trông giống chữ Latinh (thường do dán từ nơi khác);"
        " gõ lại từ đó bằng bàn phím tiếng Việt"
    )


def mixed_script_word(text: str) -> str | None:
    """The first word mixing Latin letters with Cyrillic or Greek look-alikes ('nguоi' with a Cyrillic о)."""
    if text.isascii() or not _LOOK_ALIKE_SCRIPTS.search(text):
        return None
    for word in _WORD.findall(text):
        if _LOOK_ALIKE_SCRIPTS.search(word) and _LATIN.search(word):
            return word
    return None


def line_col(source: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset in a text."""
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def unclosed_beyond(lines: list[str], pairs: dict[str, str], limit: int) -> tuple[int, str] | None:
    """The index of the line where more than ``limit`` of one opening character (a key of ``pairs``,
    closed by its value) are left open, and that character. Parsers recurse, or backtrack, once per open
    bracket: the bounds are checked on the text before any parser sees it."""
    depth = dict.fromkeys(pairs, 0)
    closing = {close: open_ for open_, close in pairs.items()}
    for number, line in enumerate(lines):
        if not any(char in line for char in pairs):
            continue
        for char in line:
            if char in depth:
                depth[char] += 1
                if depth[char] > limit:
                    return number, char
            elif char in closing and depth[closing[char]]:
                depth[closing[char]] -= 1
    return None


def nfc(text: str) -> str:
    """The text in Unicode NFC, the form every file and page of the site stores."""
    return unicodedata.normalize("NFC", text)


def decode_office_text(raw: bytes) -> str:
    """Text an office program saved, in NFC: UTF-8 (with or without BOM) or, from Excel and Notepad on a
    Vietnamese Windows, Windows-1258, whose tone marks are combining characters. Raises
    UnicodeDecodeError when it is neither."""
    try:
        return nfc(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return nfc(raw.decode("cp1258"))


def first_non_nfc_offset(text: str) -> int | None:
    """Offset of the first character that is not in NFC form, or None when the text is NFC."""
    if unicodedata.is_normalized("NFC", text):
        return None
    for index, char in enumerate(text):
        if unicodedata.combining(char):
            return max(index - 1, 0)
    return 0


def find_mojibake(text: str) -> tuple[int, str] | None:
    """The offset and word of the first word that looks like TCVN3/VNI text read as Unicode."""
    return vnencodings.first_legacy_word(text)


# Tone marks are dropped from an initial; the breve, circumflex and horn make letters of their own.
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def toneless(text: str) -> str:
    """The text without tone marks, its other letters kept: 'QUYẾT ĐỊNH' -> 'QUYÊT ĐINH'."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text) if c not in _TONE_MARKS))


def placement_key(name: str) -> tuple[str, ...]:
    """Each word without its tone mark, then the mark: 'THỎA' and 'THOẢ', 'ỦY' and 'UỶ' (new and old
    placement) match; 'HOẠCH' and 'HOẶCH' do not."""
    words = []
    for word in unicodedata.normalize("NFD", name.strip().upper()).split():
        tones = "".join(c for c in word if c in _TONE_MARKS)
        words.append(toneless(word) + tones)
    return tuple(words)
VIETNAMESE_ALPHABET = "A Ă Â B C D Đ E Ê G H I K L M N O Ô Ơ P Q R S T U Ư V X Y".split()


def initial_letter(name: str) -> str:
    """The letter a name files under in Vietnamese order: 'Ánh' -> 'A', 'Ấn' -> 'Â', 'đạt' -> 'Đ'."""
    if not name:
        return ""
    first = unicodedata.normalize("NFD", name.strip()[0])
    return unicodedata.normalize("NFC", "".join(c for c in first if c not in _TONE_MARKS)).upper()


def d_twins(text: str) -> str:
    """Each distinct word that holds đ/Đ, written with d: 'Đặng Đình Đức' -> 'Dặng Dình Dức'.

    Search engines fold diacritics but keep đ apart from d; these twins let 'dang' find 'Đặng'.
    """
    words = dict.fromkeys(w for w in re.findall(r"\w+", text) if "đ" in w or "Đ" in w)
    return " ".join(w.replace("đ", "d").replace("Đ", "D") for w in words)


@lru_cache(maxsize=1 << 16)  # names, units and titles recur across thousands of records and every rebuild
def fold(text: str) -> str:
    """Lower-case ASCII form of a text: diacritics removed and đ mapped to d."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("\u00d0", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def slugify(text: str, separator: str = "-") -> str:
    """ASCII slug for URLs and anchors: 'Đổi mới sáng tạo' -> 'doi-moi-sang-tao'.

    Also usable as Python-Markdown's ``toc`` slugify (it takes the separator as second argument).
    """
    return _SLUG_DROP.sub(separator, fold(text)).strip(separator)


def official_date_line(place: str, year: int, month: int | None, day: int | None) -> str:
    """The place–date line of Nghị định 30/2020: 'Cần Thơ, ngày 21 tháng 01 năm 2020'.

    Days below 10 and the months 1 and 2 are zero-padded; a part left blank in a draft is printed
    as blank space, as on the paper form ('ngày    tháng    năm 2024').
    """
    blank = "\u2002" * 4
    day_text = f"{day:02d}" if day else blank
    if month is None:
        month_text = blank
    else:
        month_text = f"{month:02d}" if month <= 2 else str(month)
    return f"{place}, ngày {day_text} tháng {month_text} năm {year}"


def phone_digits(number: str) -> str:
    """A phone number's digits in the national form ('+84 (0) 221 3000 000' and '0221.3000.000' both give
    '02213000000'): one number however it is written, to compare and to dial."""
    digits = "".join(c for c in unicodedata.normalize("NFKC", number) if c.isdigit())
    for country in ("0084", "84"):
        if digits.startswith(country):
            return "0" + digits[len(country):].removeprefix("0")
    return digits


def short_date(value: date) -> str:
    """Compact date as written in citations: '05/7/2019', '02/01/2024' (padded as the date line)."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"{value.day:02d}/{month}/{value.year}"


# Alphabetical order: ICU's Vietnamese rules (a ă â b c d đ e ê …, tones after letters), never code points.


@lru_cache(maxsize=1)
def _collator() -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("vi"))


def sort_key(value: str) -> bytes:
    """A key that sorts Vietnamese text in dictionary order (never by code point)."""
    return _collator().getSortKey(value)


def person_sort_key(given: str, middle: str, family: str, override: str | None = None) -> tuple[bytes, ...]:
    """Vietnamese order of people: given name (the last word), then middle name, then family name.

    ``override`` is the record's own sort key, for names that do not follow the family-first order.
    """
    if override:
        return (sort_key(override),)
    return (sort_key(given), sort_key(middle), sort_key(family))
