"""TCVN3 and VNI text pasted as Unicode: tables, detection, repair, and what must stay untouched."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest
import yaml
from guongsang.lang import vnencodings
from guongsang.lang.vnencodings import TCVN3, VNI, Change, repair

ROOT = Path(__file__).parent
SAMPLES = yaml.safe_load((ROOT / "corpus/encodings/samples.yaml").read_text(encoding="utf-8"))
TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
VOWELS = "a ă â e ê i o ô ơ u ư y".split()
LETTERS = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES] + ["đ"]

# Inverse tables: Unicode letter -> legacy characters (TCVN3 keeps the Latin-1 byte, not its μ twin).
TO_TCVN3 = {letter: key for key, letter in TCVN3.items() if key != "\u03bc"}
TO_VNI = {letter: key for key, letter in VNI.items()}


def to_tcvn3(text: str) -> str:
    """Each line as .VnTime, or as .VnTimeH (capitals at the small letters' code points) when all capitals."""
    def line(value: str) -> str:
        if value.isupper():
            return "".join(c if c.isascii() else TO_TCVN3.get(c.lower(), c) for c in value)
        return "".join(TO_TCVN3.get(c, c) for c in value)

    return "\n".join(line(value) for value in text.split("\n"))


def to_vni(text: str) -> str:
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[0]
        out.append(TO_VNI.get(char, char) if char not in "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý" or base in "iI" else TO_VNI[char])
    return "".join(out)


def tcvn3_can_write(line: str) -> bool:
    """Whether a line fits .VnTime (capitals with marks other than Ă Â Ê Ô Ơ Ư Đ need .VnTimeH)."""
    return line.isupper() or all(c.isascii() or c in TO_TCVN3 or not c.isalpha() for c in line)


def test_tcvn3_table_matches_glibc():
    """Each TCVN3 entry is the letter glibc's TCVN5712-1 converter gives for that byte."""
    for key, letter in TCVN3.items():
        if key == "\u03bc":
            continue
        byte = bytes([ord(key)])
        assert subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=byte, capture_output=True, check=True).stdout.decode() == letter, key


def test_every_letter_with_every_tone_round_trips():
    """All 12 vowels x 6 tones and đ, small and capital, come back from TCVN3 (.VnTime and .VnTimeH) and VNI."""
    words = [f"b{letter}n" for letter in LETTERS]  # a consonant frame keeps each a syllable-like word
    small = " ".join(words)
    capital = small.upper()
    assert len(LETTERS) * 2 == 146
    for text in (small, capital):
        assert repair(to_vni(text)).text == text
    assert repair(to_tcvn3(small)).text == small
    assert repair(to_tcvn3(capital)).text == capital


def test_real_samples_are_repaired():
    """Excerpts found on the web (tests/corpus/encodings/samples.yaml) repair to the Unicode they mean."""
    for sample in SAMPLES:
        assert repair(sample["raw"]).text == sample["unicode"], sample["nguon"]


def test_one_tcvn3_header_line_in_a_unicode_page():
    """Only the legacy line changes; the change names the line, the encoding and the capitals decision."""
    result = repair(SAMPLES[0]["raw"])
    assert result.changes == (
        Change(3, "TCVN3", "phßng GD & ®t viÖt yªn", "PHÒNG GD & ĐT VIỆT YÊN",
               "phông chữ hoa (.VnTimeH)? dòng ngắn ở phần đầu văn bản mở bằng chữ thường: đã đổi thành chữ hoa"),
    )
    assert result.suspects == ()


def test_small_letters_far_from_a_header_stay_small_with_a_note():
    """Past the head of a text, a line opening with small letters is kept small and the note says it cannot be known."""
    text = "\n".join(["Nội dung."] * 12 + ["vÒ viÖc söa ®æi møc thuÕ suÊt cña mét sè mÆt hµng trong n¨m tíi cña bé"])
    (change,) = repair(text).changes
    assert change.after.startswith("về việc sửa đổi")
    assert "có thể gõ bằng phông chữ hoa (.VnTimeH); đã giữ chữ thường" in change.note


def test_lost_soft_hyphen_is_put_back_only_where_vietnamese_needs_it():
    """'trêng' (trường without its soft-hyphen ư) becomes trường; 'ngêi' (người or ngời) is left as is."""
    result = repair("Tr­êng tiÓu häc, trêng häc vµ ngêi d©n ®îc khen")
    assert result.text == "Trường tiểu học, trường học và ngời dân được khen"
    assert "đã thêm chữ ư bị mất" in result.changes[0].note


def test_context_converts_a_short_line_next_to_a_converted_one():
    """'Sè: 12/Q§-UBND' alone is a suspect; after a TCVN3 header it follows that encoding."""
    alone = repair("Sè: 12/Q§-UBND")
    assert alone.text == "Sè: 12/Q§-UBND"
    assert [(s.line, s.encoding, s.words) for s in alone.suspects] == [(1, "TCVN3", ("Q§",))]
    assert repair("Céng hoµ x· héi chñ nghÜa ViÖt Nam\nSè: 12/Q§-UBND").text == "Cộng hoà xã hội chủ nghĩa Việt Nam\nSố: 12/QĐ-UBND"


@pytest.mark.parametrize(
    "text",
    [
        "Café crème à côté, déjà vu, São Paulo, Besançon",
        "Microsoft® Office © 2024, Nhãn hiệu® đã đăng ký",
        "José Muñoz, señor Núñez, El niño está en la ciudad",
        "Müller, Größe, Österreich, Zürich; Guðrún Ðórsdóttir",
        "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc",
        "Nhiệt độ 30°C · «Dạy tốt» ± 2 ½ ¼ ¾ µm §3 ¶ ¿Qué? ¡Olé!",
        "Ã©Ã¨ UTF-8 Ä‘á»™c láº­p misread as cp1252",
        "\u00bf\u00a1\u00b5\u00b8 \u00fe\u00df\u00d7 \u00f7\u00a7\u00ae\u00a9 !@#$ 1234",
    ],
)
def test_other_languages_symbols_and_unicode_stay_untouched(text):
    """French, Spanish, German, Icelandic words, ®/©, Unicode Vietnamese and random symbols are never converted."""
    result = repair(text)
    assert result.text == text
    assert not [c for c in result.changes if c.encoding in ("TCVN3", "VNI")]


def test_look_alike_eth_only_inside_vietnamese_words():
    """Ð/ð become Đ/đ in 'Ðào', 'NÐ-CP', 'ðồng', never in 'Guðrún'."""
    result = repair("Ðào Thị Hà, Nghị định 98/2023/NÐ-CP, 5 triệu ðồng, Guðrún")
    assert result.text == "Đào Thị Hà, Nghị định 98/2023/NĐ-CP, 5 triệu đồng, Guðrún"
    assert [c.encoding for c in result.changes] == ["Đ"]


def test_decomposed_text_is_composed_and_reported():
    """NFD letters (from macOS, PDF) come back in NFC, with the line reported."""
    text = unicodedata.normalize("NFD", "Ngô Quyền\nTrường THPT")
    result = repair(text)
    assert result.text == "Ngô Quyền\nTrường THPT"
    assert [(c.line, c.encoding) for c in result.changes] == [(1, "NFD"), (2, "NFD")]


def test_latin1_reading_of_the_control_range_becomes_punctuation():
    """Text read as Latin-1 holds U+0096 for the en dash: in a converted line it becomes '–'."""
    assert repair("§éc lËp \u0096 Tù do \u0096 H¹nh phóc").text == "Độc lập – Tự do – Hạnh phúc"


def _round_trip(lines: list[str], encode) -> tuple[int, int]:
    """Lines restored and lines listed as suspects; fails on any line changed wrongly or left silently."""
    result = repair(encode("\n".join(lines)))
    suspects = {s.line for s in result.suspects}
    restored = 0
    for number, (got, want) in enumerate(zip(result.text.split("\n"), lines, strict=True), start=1):
        if got == want:
            restored += 1
        else:
            assert number in suspects and got == unicodedata.normalize("NFC", encode(want)), (number, got, want)
    return restored, len(suspects)


def test_round_trip_over_real_unicode_documents():
    """Every line of the real documents in tests/corpus/van-ban, written in VNI or TCVN3, is restored or listed as suspect."""
    # Documents typed in Unicode: the corpus also holds copies with old-font leftovers or letters a PDF lost.
    unicode_texts = [
        path for path in sorted((ROOT / "corpus/van-ban").glob("*.txt"))
        if not {"tcvn3", "vni", "chu_mat_dau"} & set(yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))["hinh_dang"])
    ]
    found = [line for path in unicode_texts for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in found if not any(unicodedata.combining(char) for char in line)]  # marks a PDF left apart
    restored, suspects = _round_trip(lines, to_vni)
    assert len(lines) > 400 and restored >= 0.98 * len(lines), (restored, suspects)
    written = [line for line in lines if tcvn3_can_write(line) and not line.strip()[:1].islower()]
    restored, suspects = _round_trip(written, to_tcvn3)
    assert len(written) > 300 and restored >= 0.98 * len(written), (restored, suspects)


def test_first_legacy_word_points_at_the_telling_word():
    """The word reported to an editor is the first one with a legacy mark, at its offset."""
    assert vnencodings.first_legacy_word("x\ntrich_yeu: Céng hoµ x· héi") == (18, "hoµ")
    assert vnencodings.first_legacy_word("chuc_vu: Giáo viên To\u00adán") == (19, "To\u00adán")
    assert vnencodings.first_legacy_word("José Muñoz, Microsoft®, Café") is None
