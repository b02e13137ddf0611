"""Vietnamese text helpers: official dates, slugs, legacy-encoding detection, number keys."""

from __future__ import annotations

from datetime import date

import pytest
from guongsang.lang import numbers, text
from guongsang.lang.dates import PartialDate, parse_partial_date
from guongsang.lang.text import sort_key


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((2020, 1, 21), "Cần Thơ, ngày 21 tháng 01 năm 2020"),
        ((2021, 9, 17), "Cần Thơ, ngày 17 tháng 9 năm 2021"),
        ((2024, 2, 5), "Cần Thơ, ngày 05 tháng 02 năm 2024"),
        ((2024, 3, 5), "Cần Thơ, ngày 05 tháng 3 năm 2024"),
        ((2024, 12, 31), "Cần Thơ, ngày 31 tháng 12 năm 2024"),
        ((2024, None, None), "Cần Thơ, ngày \u2002\u2002\u2002\u2002 tháng \u2002\u2002\u2002\u2002 năm 2024"),
    ],
)
def test_official_date_line(parts, expected):
    """Days below 10 and months 1-2 are zero-padded; blank parts of a draft stay blank."""
    assert PartialDate(*parts).official_line("Cần Thơ") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Đổi mới sáng tạo", "doi-moi-sang-tao"),
        ("ĐẶNG Thị Ánh", "dang-thi-anh"),
        ("I. MỤC ĐÍCH, YÊU CẦU", "i-muc-dich-yeu-cau"),
        ("Trường THPT Ngô Quyền", "truong-thpt-ngo-quyen"),
        ("Ðào (Icelandic eth)", "dao-icelandic-eth"),
    ],
)
def test_slugify_maps_d_stroke_to_d(value, expected):
    """Slugs are ASCII, with đ/Đ as d (never 'dj', never dropped)."""
    assert text.slugify(value) == expected


@pytest.mark.parametrize("value", ["Céng hoµ x· héi", "Coäng hoøa xaõ hoäi", "Së Gi¸o dôc", "C\u00adêng", "T©n Tiªn", "C«ng"])
def test_mojibake_is_detected(value):
    """TCVN3 and VNI text read as Unicode is recognised."""
    assert text.find_mojibake(value) is not None


@pytest.mark.parametrize("value", ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Nhiệt độ 30°C · «Dạy tốt»", "Số 12 © 2024", "A · B"])
def test_proper_vietnamese_is_not_mojibake(value):
    """Ordinary Vietnamese, with common symbols, is not flagged."""
    assert text.find_mojibake(value) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("98/2023/NĐ-CP", "98/2023/NĐCP"),
        ("98/2023/NĐ-CP", "98/2023/N\u00d0-CP"),
        ("237/KH-SGDĐT", "237 / KH - SGDĐT"),
        ("01/KH-HĐTĐKT", "1/KH-HĐTĐKT"),
        ("237/KH-SGDĐT", "Số 237/KH-SGDĐT"),
    ],
)
def test_number_keys_tolerate_spacing_dashes_and_eth(a, b):
    """Two spellings of one number compare equal."""
    assert numbers.key(a) == numbers.key(b)


def test_number_keys_keep_different_numbers_apart():
    """Different numbers or symbols do not collide."""
    assert numbers.key("237/KH-SGDĐT") != numbers.key("237/KH-UBND")
    assert numbers.key("237/KH-SGDĐT") != numbers.key("23/KH-SGDĐT")


def test_partial_dates_parse_both_forms():
    """ISO and Vietnamese day/month/year forms, and year-only drafts."""
    assert parse_partial_date("21/01/2020") == PartialDate(2020, 1, 21)
    assert parse_partial_date("2020-01-21").as_date() == date(2020, 1, 21)
    assert parse_partial_date(2024) == PartialDate(2024)
    assert parse_partial_date("11/2024") == PartialDate(2024, 11)
    with pytest.raises(ValueError, match="không có thật"):
        parse_partial_date("30/02/2024")


def test_vietnamese_collation():
    """ICU's Vietnamese order: Ă after A, Đ after D, tones after letters."""
    names = ["Đặng", "Dương", "Ân", "Ă", "Ánh", "An", "Hạ", "Hà"]
    assert sorted(names, key=sort_key) == ["An", "Ánh", "Ă", "Ân", "Dương", "Đặng", "Hà", "Hạ"]


@pytest.mark.parametrize(
    "number",
    ["237/KH-SGDĐT", "12/2010/QĐ-UBND", "3420/THPT", "3358/SGD&ĐT", "4144/GDĐT–VP", "1855/BTĐKT-VụII", "14/TTr-ĐK1", "06/2022/QH15", "34-CT/TW"],
)
def test_numbers_as_real_offices_print_them_are_numbers(number: str) -> None:
    """Old single-part symbols, an en dash between parts and marked letters in a unit's name are lawful forms."""
    assert numbers.is_reference_number(number)


@pytest.mark.parametrize("number", ["KH12", "QĐ 300", "237KH-SGDĐT", "237/", "/", "237/KH--SGDĐT", "237/KH_SGDĐT"])
def test_what_is_not_a_number_stays_refused(number: str) -> None:
    assert not numbers.is_reference_number(number)
