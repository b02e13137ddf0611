"""Word's automatic numbering rendered as the text Word shows ('1.', 'II.', 'a)', 'Điều 3.', '1.2.').

A numbered paragraph carries no number in its text: it names a list (w:numId) and a level (w:ilvl), on the
paragraph or through its style, and numbering.xml says how that level counts (w:num → w:abstractNum → w:lvl:
numFmt, lvlText, start, lvlRestart; a w:num may restart a level with w:startOverride). Counters are kept per
abstract list and level, in document order, as Word keeps them: lists sharing an abstract list continue each
other, and a level restarts when a shallower one advances. A format this module does not know is reported,
never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

_BULLET = "-"
"""Every bullet glyph (•, , o, –) is written as a Markdown list mark, the one the importer reads."""

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(number: int) -> str:
    written = ""
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        written += letters * count
    return written


def _letter(number: int) -> str:
    # Word repeats the letter past z: 27 → 'aa', 28 → 'bb'
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda number: f"{number:02d}",
    "upperRoman": _roman,
    "lowerRoman": lambda number: _roman(number).lower(),
    "upperLetter": lambda number: _letter(number).upper(),
    "lowerLetter": _letter,
    "none": lambda number: "",
}


@dataclass(frozen=True)
class _Level:
    start: int
    number_format: str
    text: str | None
    restart_below: int | None
    """1-based level whose use restarts this one (Word's lvlRestart); None: any shallower level; 0: never."""
    legal: bool
    """w:isLgl: every number in the label is written in decimal ('1.2' under a roman level)."""
    suffix: str


def _value(element, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


def _level(lvl) -> _Level:
    restart = _value(lvl, "w:lvlRestart")
    is_legal = lvl.find(qn("w:isLgl")) is not None and _value(lvl, "w:isLgl") not in ("0", "false")
    return _Level(
        start=int(_value(lvl, "w:start") or 1),
        number_format=_value(lvl, "w:numFmt") or "decimal",
        text=_value(lvl, "w:lvlText"),
        restart_below=int(restart) if restart is not None else None,
        legal=is_legal,
        suffix=_value(lvl, "w:suff") or "tab",
    )


@dataclass
class Numbering:
    """The document's lists and the counters reached so far; `label` is called once per paragraph, in order."""

    abstract_levels: dict[str, dict[int, _Level]]
    instances: dict[str, tuple[str, dict[int, int], dict[int, _Level]]]
    """numId → (abstractNumId, startOverride per level, levels the w:num redefines)."""
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, document) -> Numbering:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # a document without numbering.xml
            return cls({}, {})
        abstract_levels = {
            abstract.get(qn("w:abstractNumId")): {int(lvl.get(qn("w:ilvl"))): _level(lvl) for lvl in abstract.iter(qn("w:lvl"))}
            for abstract in root.findall(qn("w:abstractNum"))
        }
        instances = {}
        for num in root.findall(qn("w:num")):
            overrides: dict[int, int] = {}
            redefined: dict[int, _Level] = {}
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl")))
                if (start := _value(override, "w:startOverride")) is not None:
                    overrides[ilvl] = int(start)
                if (lvl := override.find(qn("w:lvl"))) is not None:
                    redefined[ilvl] = _level(lvl)
            instances[num.get(qn("w:numId"))] = (_value(num, "w:abstractNumId"), overrides, redefined)
        return cls(abstract_levels, instances)

    def label(self, paragraph) -> str | None:
        """What Word shows before the paragraph's text ('2. ', '- '; '' when not numbered); None when it cannot be rendered."""
        num_id, ilvl = _num_properties(paragraph)
        if num_id is None or num_id == "0":  # numId 0 switches a style's numbering off
            return ""
        if num_id not in self.instances:
            return None
        abstract_id, overrides, redefined = self.instances[num_id]
        levels = {**self.abstract_levels.get(abstract_id or "", {}), **redefined}
        level = levels.get(ilvl)
        if level is None or (level.text is None and level.number_format != "bullet"):
            return None
        counters = self.counters.setdefault(abstract_id or "", {})
        if num_id not in self.started:  # a list instance that restarts its levels begins here
            self.started.add(num_id)
            for overridden, start in overrides.items():
                counters[overridden] = start - 1
                for deeper in [key for key in counters if key > overridden]:
                    del counters[deeper]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [key for key in counters if key > ilvl]:
            restart = levels[deeper].restart_below if deeper in levels else None
            if restart is None or ilvl < restart:
                del counters[deeper]
        if level.number_format == "bullet":
            return _BULLET + " "
        written = level.text or ""
        for shown in range(8, -1, -1):  # %9 before %1, so '%1' never eats the start of '%10'
            placeholder = f"%{shown + 1}"
            if placeholder not in written:
                continue
            shown_level = levels.get(shown)
            if shown_level is None:
                return None
            number_format = "decimal" if level.legal else shown_level.number_format
            if number_format not in _FORMATS:
                return None
            written = written.replace(placeholder, _FORMATS[number_format](counters.get(shown, shown_level.start)))
        written = written.strip()
        # Word puts a tab or a space after the number, or nothing ('Điều 1.' glued to the text is what it shows)
        return written + " " if written and level.suffix != "nothing" else written


def _num_properties(paragraph) -> tuple[str | None, int]:
    """The paragraph's list and level: its own w:numPr first, then its styles' (a 'List Number' style carries one)."""
    properties = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        properties.append(style.element.pPr)
        style = style.base_style
    num_id: str | None = None
    ilvl: int | None = None
    for p_pr in properties:
        num_pr = p_pr.numPr if p_pr is not None else None
        if num_pr is None:
            continue
        if num_id is None and num_pr.numId is not None:
            num_id = str(num_pr.numId.val)
        if ilvl is None and num_pr.ilvl is not None:
            ilvl = int(num_pr.ilvl.val)
    return num_id, ilvl or 0
