"""Vietnamese typed in the pre-Unicode font encodings (TCVN3, VNI) and pasted as Unicode, found and repaired.

An office types with a .VnTime (TCVN3, also called ABC) or VNI-Times font; copied out of Word or a web
page, each byte of that font reaches us as the Windows-1252 (or Latin-1) character of the same number:
"Céng hßa" is "Cộng hòa" in TCVN3, "Coäng hoøa" is "Cộng hòa" in VNI. The tables below map those
characters back to Vietnamese letters.

Where the tables come from:

- TCVN3: TCVN 5712:1993, as glibc's converter implements it (``iconv -f TCVN5712-1``, checked byte by
  byte on 0xA0–0xFF against the Latin-1 character of the same number). glibc implements VN1, whose bytes
  0x80–0x9F and some control codes hold capitals with tone marks; the ABC fonts (VN3) leave those out,
  and 0x80–0x9F stay Windows-1252 punctuation (– “ ” …) in TCVN3 text, so they are not letters here.
  Bytes 0xB0–0xB4 (VN1 combining tone marks) are left out for the same reason (° ± ² ³ ´ are symbols).
- VNI: the VNI-Windows layout (base letter followed by a mark character; ì í ỉ ĩ ị ỵ ơ ư đ in one
  character), as listed in xvnkb's ``vni.h`` (Dao Hai Lam, 2002) and Unikey's converter tables.

A line is converted only when many of its words become Vietnamese syllables and none of the evidence
comes from letters Vietnamese text also uses: "Café", "Microsoft®", "Muñoz" stay as they are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Encoding = Literal["TCVN3", "VNI"]

# TCVN3 byte (as its Latin-1 character) -> letter. Lower-case letters with tones, the seven capitals
# without tone (Ă Â Ê Ô Ơ Ư Đ), and VN1's capitals with tone that fall in 0xA0–0xFF.
TCVN3: dict[str, str] = {
    "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
    "¨": "ă", "©": "â", "ª": "ê", "«": "ô", "¬": "ơ", "\u00ad": "ư", "®": "đ", "¯": "Ằ",
    "µ": "à", "¶": "ả", "·": "ã", "¸": "á", "¹": "ạ", "º": "Ẳ", "»": "ằ", "¼": "ẳ", "½": "ẵ", "¾": "ắ", "¿": "Ẵ",
    "À": "Ắ", "Á": "Ầ", "Â": "Ẩ", "Ã": "Ẫ", "Ä": "Ấ", "Å": "Ề", "Æ": "ặ", "Ç": "ầ",
    "È": "ẩ", "É": "ẫ", "Ê": "ấ", "Ë": "ậ", "Ì": "è", "Í": "Ể", "Î": "ẻ", "Ï": "ẽ",
    "Ð": "é", "Ñ": "ẹ", "Ò": "ề", "Ó": "ể", "Ô": "ễ", "Õ": "ế", "Ö": "ệ", "×": "ì",
    "Ø": "ỉ", "Ù": "Ễ", "Ú": "Ế", "Û": "Ồ", "Ü": "ĩ", "Ý": "í", "Þ": "ị", "ß": "ò",
    "à": "Ổ", "á": "ỏ", "â": "õ", "ã": "ó", "ä": "ọ", "å": "ồ", "æ": "ổ", "ç": "ỗ",
    "è": "ố", "é": "ộ", "ê": "ờ", "ë": "ở", "ì": "ỡ", "í": "ớ", "î": "ợ", "ï": "ù",
    "ð": "Ỗ", "ñ": "ủ", "ò": "ũ", "ó": "ú", "ô": "ụ", "õ": "ừ", "ö": "ử", "÷": "ữ",
    "ø": "ứ", "ù": "ự", "ú": "ỳ", "û": "ỷ", "ü": "ỹ", "ý": "ý", "þ": "ỵ", "ÿ": "Ố",
    # NFKC turns µ (U+00B5) into the Greek μ: pasted text sometimes arrives that way.
    "\u03bc": "à",
}

# VNI: a base letter followed by one mark character. Tone marks, then circumflex (â ê ô) with a tone,
# then breve (ă) with a tone; the order of each list is: none, acute, grave, hook, tilde, dot below.
_TONES = "\u0301\u0300\u0309\u0303\u0323"
_VNI_TONE = "ùøûõï"
_VNI_HAT = "âáàåãä"
_VNI_BREVE = "êéèúüë"
# Letters VNI writes in one character.
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lower in (True, False):
        def case(text: str, lower: bool = lower) -> str:
            return text if lower else text.upper()

        for base in ("a", "e", "o", "u", "y", "ô", "ö"):
            letter = _VNI_SINGLE.get(base, base)
            for mark, tone in zip(_VNI_TONE, _TONES, strict=True):
                table[case(base + mark)] = case(unicodedata.normalize("NFC", letter + tone))
        for base, hat in (("a", "â"), ("e", "ê"), ("o", "ô")):
            for mark, tone in zip(_VNI_HAT, ("",) + tuple(_TONES), strict=True):
                table[case(base + mark)] = case(unicodedata.normalize("NFC", hat + tone))
        for mark, tone in zip(_VNI_BREVE, ("",) + tuple(_TONES), strict=True):
            table[case("a" + mark)] = case(unicodedata.normalize("NFC", "ă" + tone))
        for char, letter in _VNI_SINGLE.items():
            table[case(char)] = case(letter)
    return table


VNI: dict[str, str] = _vni_table()
"""VNI character or pair (as Latin-1 characters) -> letter."""

TABLES: dict[Encoding, dict[str, str]] = {"TCVN3": TCVN3, "VNI": VNI}

# Latin-1 letters Vietnamese also writes: evidence drawn from them proves nothing ("Café", "à").
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_MARKERS: dict[Encoding, frozenset[str]] = {
    "TCVN3": frozenset(c for c in TCVN3 if c not in _VIETNAMESE_LATIN1),
    "VNI": frozenset(c for key in VNI for c in key if not c.isascii() and c not in _VIETNAMESE_LATIN1),
}
_ALL_MARKERS = _MARKERS["TCVN3"] | _MARKERS["VNI"]
_LEGACY_CHARS = frozenset(TCVN3) | frozenset(c for key in VNI for c in key if not c.isascii())
_VNI_PAIRS = re.compile("|".join(sorted((re.escape(k) for k in VNI), key=len, reverse=True)))

# Letters only Unicode Vietnamese has (never a byte of a legacy font): a line holding them was typed
# in Unicode, and only its words with legacy marks are candidates.
_UNICODE_ONLY = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9\u0300-\u0303\u0309\u0323]")

_TONE_MARKS = set(_TONES)
# Initial consonant, then a vowel group that ends the syllable or one that may take a final consonant.
_SYLLABLE = re.compile(
    "(?:ngh|gh|gi|kh|ng|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
    "(?:(?:iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu)"
    "|(?:uyê|iê|oa|oă|oe|oo|uâ|uê|uô|uơ|uy|ươ|yê|[aăâeêioôơuưy])(?:ch|ng|nh|[cmnpt])?)"
)
# A syllable closed by c, ch, p or t carries the acute or the dot below, never another tone.
_STOPPED = re.compile("(?:ch|[cpt])$")
_ACRONYM = re.compile("[A-ZĐ]*Đ[A-ZĐ]*")
# Rhymes Vietnamese never writes with a bare ơ: the ư before it was TCVN3's soft hyphen, lost on the way.
_LOST_U_HORN = re.compile("(?<![uUưƯ])([ơờớởỡợƠỜỚỞỠỢ])(?=(?:ng|NG|c|C|u|U)\\b)")
_C1 = {chr(b): bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_ETH = re.compile("[\u00d0\u00f0]")
_EXCERPT = 60


@dataclass(frozen=True)
class Change:
    """One line the repair changed."""

    line: int
    """1-based line number in the text given."""
    encoding: str
    """'TCVN3', 'VNI', 'Đ' (Ð/ð look-alikes) or 'NFD' (decomposed letters)."""
    before: str
    """An excerpt of the line as given."""
    after: str
    """The same excerpt repaired."""
    note: str = ""
    """What was decided beyond the table (capitals of the .VnTimeH font, a lost ư), in Vietnamese."""


@dataclass(frozen=True)
class Suspect:
    """A line with some signs of a legacy encoding, too few to convert it: for the editor to look at."""

    line: int
    excerpt: str
    encoding: str
    """The encoding its marks fit best."""
    words: tuple[str, ...]
    """The words that read as Vietnamese in that encoding."""


@dataclass(frozen=True)
class Repair:
    """The text repaired, in NFC, and what was done to it."""

    text: str
    changes: tuple[Change, ...]
    suspects: tuple[Suspect, ...]


@dataclass(frozen=True)
class _Score:
    encoding: Encoding
    spans: tuple[tuple[int, int], ...]
    """Offsets of the words the conversion rewrites."""
    evidence: tuple[str, ...]
    """Words with a legacy mark that become Vietnamese."""
    support: int
    """Words without such a mark ('Nguyeãn') that are not Vietnamese as given and are once converted."""
    against: int
    """Rewritten words that are not Vietnamese afterwards."""

    @property
    def confident(self) -> bool:
        return len(self.evidence) >= 2 and self.against * 3 <= len(self.evidence)

    @property
    def plausible(self) -> bool:
        return bool(self.evidence or self.support) and not self.against


def is_syllable(word: str) -> bool:
    """Whether a word is spelled like one Vietnamese syllable (at most one tone mark), in any case."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONE_MARKS for c in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    if _SYLLABLE.fullmatch(bare) is None:
        return False
    tone = next((c for c in decomposed if c in _TONE_MARKS), "")
    return not (tone in ("\u0300", "\u0309", "\u0303") and _STOPPED.search(bare) is not None)


def _reads_vietnamese(word: str) -> bool:
    return is_syllable(word) or _ACRONYM.fullmatch(word) is not None


def _convert_word(word: str, encoding: Encoding) -> str:
    if encoding == "VNI":
        return _VNI_PAIRS.sub(lambda m: VNI[m.group()], word)
    return "".join(TCVN3.get(c, c) for c in word)


def _word_spans(line: str, encoding: Encoding) -> list[tuple[int, int]]:
    """Offsets of the runs of letters and of the encoding's mark characters."""
    table = _MARKERS[encoding]
    spans = []
    start = None
    for at, char in enumerate(line + " "):
        inside = char.isalpha() or char in table or unicodedata.combining(char) > 0
        if inside and start is None:
            start = at
        elif not inside and start is not None:
            # "®·" (đã) is a word of marks alone; a lone "©" or "®" is a symbol.
            if at - start >= 2 or line[start].isalpha():
                spans.append((start, at))
            start = None
    return spans


def _score(line: str, encoding: Encoding) -> _Score:
    markers = _MARKERS[encoding]
    unicode_line = _UNICODE_ONLY.search(line) is not None
    spans, evidence, against, support = [], [], 0, 0
    for start, end in _word_spans(line, encoding):
        word = line[start:end]
        marked = any(c in markers for c in word)
        # Ð alone is weak evidence: it is far more often a look-alike of Đ ('NÐ-CP') than TCVN3's é.
        telling = any(c in markers and c not in "\u00d0\u00f0" for c in word)
        if unicode_line and not marked:
            continue
        converted = _convert_word(word, encoding)
        if encoding == "TCVN3":
            converted = _LOST_U_HORN.sub(_u_horn, converted)
        converted = unicodedata.normalize("NFC", converted)
        if converted == word:
            continue
        spans.append((start, end))
        if line[start - 1 : start].isdigit():
            continue  # a sum's unit ('247.000ñ', VNI's 247.000đ): converted with its line, evidence of nothing
        if not _reads_vietnamese(converted):
            against += 1
        elif not _reads_vietnamese(unicodedata.normalize("NFC", word)):
            if telling:
                evidence.append(word)
            else:
                support += 1
    return _Score(encoding, tuple(spans), tuple(evidence), support=support, against=against)


def _best_score(line: str, favoured: Encoding = "TCVN3") -> _Score | None:
    """The line's score in the encoding its marks fit best (``favoured``, the text's, on a tie)."""
    if not any(c in _LEGACY_CHARS for c in line):
        return None
    scores = [_score(line, encoding) for encoding in TABLES]
    best = max(scores, key=lambda s: (len(s.evidence) - s.against, s.support, s.encoding == favoured))
    return best if best.spans else None


def _u_horn(match: re.Match[str]) -> str:
    return ("Ư" if match.group(1).isupper() else "ư") + match.group(1)


def _excerpt(text: str) -> str:
    text = text.strip()
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def _is_upper_line(line: str) -> bool:
    """Whether a line's plain letters are all capitals (a TCVN3 line in .VnTimeH counts: 'CéNG HOµ')."""
    letters = [c for c in line if c.isascii() and c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class _Lines:
    """The text's lines with the look-ups the case decision needs."""

    def __init__(self, lines: list[str]) -> None:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        self.header = set(filled[:10])
        self.neighbours = {i: [lines[j] for j in filled[max(k - 1, 0): k + 2] if j != i] for k, i in enumerate(filled)}


def _tcvn3_case(index: int, raw: str, converted: str, lines: _Lines) -> tuple[bool, str]:
    """Whether a TCVN3 line was typed in an upper-case font (.VnTimeH), and the note that says why.

    Those fonts draw capitals at the lower-case code points, so the text alone cannot tell "phßng" in
    .VnTimeH (PHÒNG) from "phßng" in .VnTime (phòng). Capitals are chosen when the line's plain letters
    are all capitals, or when it opens with a small letter (no sentence or name does) at the head of
    the document or next to a line in capitals, as header lines are.
    """
    words = (raw[start:end] for start, end in _word_spans(raw, "TCVN3"))
    mixed = [w for w in words if any(TCVN3.get(c, "").islower() for c in w) and sum(c.isascii() and c.isalpha() for c in w) >= 2]
    if mixed and all(_is_upper_line(w) for w in mixed):
        return True, "phông chữ hoa (.VnTimeH): chữ không dấu trong các từ có dấu đều viết hoa ('CéNG')"
    first = next((c for c in converted if c.isalpha()), "")
    if not first.islower():
        return False, ""
    stripped = raw.strip()
    columns = re.split(r"\s{3,}|\t", stripped)
    header_like = all(len(c.split()) <= 10 for c in columns) and stripped[:1].isalpha() and stripped[-1:] not in ".,;:"
    if header_like and (index in lines.header or any(_is_upper_line(n) for n in lines.neighbours.get(index, []))):
        return True, "phông chữ hoa (.VnTimeH)? dòng ngắn ở phần đầu văn bản mở bằng chữ thường: đã đổi thành chữ hoa"
    return False, "dòng mở bằng chữ thường: có thể gõ bằng phông chữ hoa (.VnTimeH); đã giữ chữ thường"


def _convert_line(line: str, score: _Score) -> tuple[str, bool]:
    """The line converted, and whether a lost ư was put back. A line typed in Unicode has only its words
    with legacy marks converted; any other line is all in the legacy font, lone marks too ('7.000®')."""
    spans = score.spans if _UNICODE_ONLY.search(line) else ((0, len(line)),)
    parts, last, restored = [], 0, False
    for start, end in spans:
        converted = _convert_word(line[start:end], score.encoding)
        if score.encoding == "TCVN3":
            fixed = _LOST_U_HORN.sub(_u_horn, converted)
            restored = restored or fixed != converted
            converted = fixed
        parts += [line[last:start], converted]
        last = end
    parts.append(line[last:])
    return "".join(_C1.get(c, c) for c in "".join(parts)), restored


def _fix_eth(line: str) -> str:
    """Ð/ð written for Đ/đ, inside words that then read as Vietnamese ('Ðào', 'QÐ'), never elsewhere."""
    def word(match: re.Match[str]) -> str:
        fixed = match.group().replace("\u00d0", "Đ").replace("\u00f0", "đ")
        return fixed if _reads_vietnamese(fixed) else match.group()

    return re.sub(r"\w*[\u00d0\u00f0]\w*", word, line) if _ETH.search(line) else line


def repair(text: str) -> Repair:
    """The text with its TCVN3 and VNI lines converted, Ð look-alikes and decomposed letters fixed, in NFC.

    A line is converted when at least two of its words carry a mark of the encoding and read as
    Vietnamese once converted, and at most one rewritten word in five does not; once one line of a
    text is converted, a line with one such word and no word against it follows its encoding
    (a lone "Sè: 12/Q§-UBND" next to a TCVN3 header). Other lines with such words are listed as
    suspects, untouched.
    """
    lines = text.split("\n")
    context = _Lines(lines)
    scores = {i: s for i, line in enumerate(lines) if (s := _best_score(line))}
    weight = {encoding: sum(len(s.evidence) for s in scores.values() if s.encoding == encoding) for encoding in TABLES}
    favoured = max(weight, key=lambda e: weight[e])
    scores = {i: s for i in scores if (s := _best_score(lines[i], favoured))}
    sure = {s.encoding for s in scores.values() if s.confident}
    out, changes, suspects = [], [], []
    for index, line in enumerate(lines):
        score = scores.get(index)
        new = line
        if score and (score.confident or (score.encoding in sure and score.plausible)):
            new, restored = _convert_line(line, score)
            note = ""
            if score.encoding == "TCVN3" and not _UNICODE_ONLY.search(line):
                upper, note = _tcvn3_case(index, line, new, context)
                new = new.upper() if upper else new
                if restored:
                    note = "; ".join(filter(None, [note, "đã thêm chữ ư bị mất trước ơ (dấu gạch mềm của TCVN3)"]))
            new = unicodedata.normalize("NFC", new)
            changes.append(Change(index + 1, score.encoding, _excerpt(line), _excerpt(new), note))
        else:
            # Words that read as Vietnamese both ways ('Soá': VNI's 'Số') cannot be told apart; in a text
            # known to hold that encoding they are listed, never converted.
            if score and (score.evidence or (score.encoding in sure and not score.against)):
                words = score.evidence or tuple(line[a:b] for a, b in score.spans)
                suspects.append(Suspect(index + 1, _excerpt(line), score.encoding, words))
            fixed = unicodedata.normalize("NFC", line)
            if fixed != line:
                changes.append(Change(index + 1, "NFD", _excerpt(line), _excerpt(fixed)))
            eth = _fix_eth(fixed)
            if eth != fixed:
                changes.append(Change(index + 1, "Đ", _excerpt(fixed), _excerpt(eth)))
            new = eth
        out.append(new)
    return Repair("\n".join(out), tuple(changes), tuple(suspects))


# A soft hyphen after a letter is TCVN3's ư in a word too short to convert, or Word's optional hyphen:
# either way an invisible character inside a word.
_SOFT_HYPHEN_IN_WORD = re.compile("(?<=[^\\W\\d_])\u00ad")


def first_legacy_word(text: str) -> tuple[int, str] | None:
    """The offset and whitespace-delimited word of the first word that reads as TCVN3/VNI text (a line
    repair() would convert or list as suspect), or that holds a soft hyphen after a letter."""
    if not any(c in _ALL_MARKERS for c in text):
        return None
    offset = 0
    for line in text.split("\n"):
        score = _best_score(line)
        score = score if score and score.evidence else None
        hyphen = _SOFT_HYPHEN_IN_WORD.search(line)
        if score or hyphen:
            at = line.index(score.evidence[0]) if score else hyphen.start()  # type: ignore[union-attr]
            start = line.rfind(" ", 0, at) + 1
            end = next((i for i in range(at, len(line)) if line[i].isspace()), len(line))
            return offset + start, line[start:end]
        offset += len(line) + 1
    return None
