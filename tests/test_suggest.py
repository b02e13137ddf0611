"""Did-you-mean: a suggestion only for a plausible mistake of a known id or key, else none (suggest.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from guongsang.lang.suggest import suggest
from guongsang.records.models import Award, Honoree, Signer
from pydantic import BaseModel

UNITS = ["thpt-le-quy-don", "thpt-ngo-quyen", "thcs-le-loi", "thpt-nguyen-du", "so-gddt-mau"]
HONOREES = [
    "nguyen-van-an-thpt-a", "nguyen-van-anh-thpt-a", "nguyen-thi-an-thpt-a", "le-an-thpt-a",
    "dang-van-khoa-thpt-le-quy-don", "tran-thi-binh-thcs-le-loi",
]
_VOCABULARY = yaml.safe_load((Path(__file__).parents[1] / "data/danh-hieu.yaml").read_text(encoding="utf-8"))
AWARD_TYPES = [award_type["ma"] for award_type in _VOCABULARY["danh_hieu"]]


def keys(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


# (typed, known, expected suggestion or None)
CASES = [
    # a slip of the keyboard: a letter added, dropped, changed, two neighbours swapped
    ("thpt-le-quy-donn", UNITS, "thpt-le-quy-don"),
    ("thpt-le-quy-dn", UNITS, "thpt-le-quy-don"),
    ("thpt-ngo-qyuen", UNITS, "thpt-ngo-quyen"),
    ("thcs-le-lo", UNITS, "thcs-le-loi"),
    ("nguyen-vna-an-thpt-a", HONOREES, "nguyen-van-an-thpt-a"),
    ("nguyen-van-an-thpt-b", HONOREES, "nguyen-van-an-thpt-a"),
    ("dang-van-khoa-thpt-le-quy-do", HONOREES, "dang-van-khoa-thpt-le-quy-don"),
    ("chien-si-thi-dua-coso", AWARD_TYPES, "chien-si-thi-dua-co-so"),
    ("huan-chuong-lao-dng", AWARD_TYPES, "huan-chuong-lao-dong"),
    ("khen_thuogn", keys(Honoree), "khen_thuong"),
    ("nam_hco", keys(Award), "nam_hoc"),
    # the same letters with accents, capitals or other separators
    ("họ_tên", keys(Signer), "ho_ten"),
    ("đơn_vị", keys(Honoree), "don_vi"),
    ("Thpt Lê Quý Đôn", UNITS, "thpt-le-quy-don"),
    ("thpt_ngo_quyen", UNITS, "thpt-ngo-quyen"),
    # the words of a name in another order (given name first)
    ("an-nguyen-van-thpt-a", HONOREES, "nguyen-van-an-thpt-a"),
    ("van-nguyen-an-thpt-a", HONOREES, "nguyen-van-an-thpt-a"),
    # words added or left out at either end, no more than those kept
    ("truong-thpt-le-quy-don", UNITS, "thpt-le-quy-don"),
    ("le-quy-don", UNITS, "thpt-le-quy-don"),
    ("nguyen-van-an", HONOREES, "nguyen-van-an-thpt-a"),
    ("lao-dong-xuat-sac", AWARD_TYPES, "tap-the-lao-dong-xuat-sac"),
    ("phong_trao_thi_dua", keys(Honoree), "phong_trao"),
    # unrelated, though they share long prefixes: no suggestion
    ("thpt-tran-phu", UNITS, None),
    ("thpt-nguyen-trai", UNITS, None),  # difflib: thpt-nguyen-du
    ("thpt-le-loi", UNITS, None),  # another school than thcs-le-loi (two letters of four changed), difflib suggested it
    ("nguyen-van-binh-thpt-a", HONOREES, None),  # difflib: nguyen-van-anh-thpt-a
    ("tran-van-an-thpt-a", HONOREES, None),  # difflib: nguyen-van-an-thpt-a
    ("ho-an-thpt-a", HONOREES, None),  # two edits, but the whole family name changed; difflib: le-an-thpt-a
    ("nguyen-van", HONOREES, None),  # more words missing than kept
    ("dang-van-khoa", HONOREES, None),  # half an id: the same name may be in another school
    ("bang-khen-giam-doc-so", AWARD_TYPES, None),  # bằng khen is not giấy khen; difflib: giay-khen-giam-doc-so
    ("giay-khen", AWARD_TYPES, None),
    ("pt-2024", ["pt"], None),  # more letters added than kept
    ("anh_dai_dien", keys(Honoree), None),
    ("ngay_sinh", keys(Honoree), None),
    ("x", ["y", "xy"], None),
    ("", UNITS, None),
    ("---", UNITS, None),
]


@pytest.mark.parametrize(("typed", "known", "expected"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_suggestion(typed, known, expected):
    """A known value only for a plausible mistake: typo, accents, word order, words added or dropped."""
    assert suggest(typed, known) == expected


def test_equally_close_values_give_the_first_in_order():
    """Ties are settled the same way whatever the order of the known values."""
    assert suggest("tc-9", ["tc-2", "tc-1"]) == suggest("tc-9", ["tc-1", "tc-2"]) == "tc-1"
    assert suggest("nguyen-van-an", ["nguyen-van-an-thpt-b", "nguyen-van-an-thpt-a"]) == "nguyen-van-an-thpt-a"


def test_closer_kind_wins_over_order():
    """A typo beats a reordering, which beats a word left out, whatever their alphabetical order."""
    assert suggest("an-nguyen-van", ["an-nguyen-vanh", "nguyen-van-an", "an-nguyen-van-thpt"]) == "an-nguyen-vanh"
    assert suggest("an-nguyen-van", ["nguyen-van-an", "an-nguyen-van-thpt"]) == "nguyen-van-an"
    assert suggest("thpt-le-quy-donn", ["thpt-le-quy-don-2", "thpt-le-quy-don"]) == "thpt-le-quy-don"


def test_thousands_of_known_ids_stay_fast():
    """Equal letters are passed over, not compared in a full table: 10,000 honorees answer well under a second."""
    families, middles, givens = ["nguyen", "tran", "le", "pham", "hoang"], ["van", "thi", "minh", "ngoc"], ["an", "binh", "hoa", "khoa", "yen"]
    known = [f"{f}-{m}-{g}-{n}-{u}" for f in families for m in middles for g in givens for n in range(20) for u in UNITS]
    assert len(known) == 10_000
    started = time.perf_counter()
    assert suggest("nguyen-van-binh-7-thpt-le-quy-dno", known) == "nguyen-van-binh-7-thpt-le-quy-don"
    assert suggest("vo-thi-lan-1-thcs-le-loi", known) is None
    assert time.perf_counter() - started < 2
