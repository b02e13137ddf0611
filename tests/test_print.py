"""Print media in Debian's headless Chromium: A4 portrait, the offline serif, no site chrome."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import CHROMIUM_ARGS
from pypdf import PdfReader

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def served_demo(demo_site: Path, serve) -> str:
    """The built demo site served on a loopback port for the browser."""
    return serve(demo_site)


def squash(text: str) -> str:
    """Text without white space: the PDF splits Vietnamese words where the font subsets change."""
    return unicodedata.normalize("NFC", "".join(text.split()))


def print_to_pdf(url: str, target: Path) -> PdfReader:
    chromium = shutil.which("chromium")
    assert chromium, "Chromium is installed by `make test` (scripts/install-chromium.sh)"
    profile = target.parent / "profile"
    subprocess.run(
        [chromium, "--headless", *CHROMIUM_ARGS, f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={target}", url],
        check=True, capture_output=True, timeout=120,
    )
    return PdfReader(target)


@pytest.fixture(scope="module")
def printed_237(served_demo: str, tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    return print_to_pdf(f"{served_demo}van-ban/2020-237-kh-sgddt/", tmp_path_factory.mktemp("print") / "237.pdf")


def test_pages_are_a4_portrait(printed_237):
    """Every printed page is A4 portrait (595 × 842 pt)."""
    assert len(printed_237.pages) >= 3
    for page in printed_237.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5


def test_only_the_offline_serif_is_embedded(printed_237):
    """The text is set in Tinos (metric-compatible with Times New Roman), shipped with the site."""
    fonts = set()
    for page in printed_237.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts and all(name.startswith("Tinos") for name in fonts), fonts


def test_first_page_carries_the_official_header_and_no_chrome(printed_237):
    """Page 1 starts with the two-column header; the site's menus, search and info box are hidden."""
    first = squash(printed_237.pages[0].extract_text())
    assert first.startswith(squash("UBND THÀNH PHỐ CẦN THƠ SỞ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    assert squash("Số: 237/KH-SGDĐT") in first
    assert squash("Cần Thơ, ngày 21 tháng 01 năm 2020") in first
    everything = squash("".join(page.extract_text() for page in printed_237.pages))
    for chrome in ("Tìm kiếm", "Trang chủ", "Thông tin văn bản", "Mục lục"):
        assert squash(chrome) not in everything


def test_page_numbers_from_page_two(printed_237):
    """The page number stands at the top of page 2 onwards, not on page 1."""
    first_line = [page.extract_text().strip().splitlines()[0].strip() for page in printed_237.pages]
    assert first_line[0] != "1"
    assert first_line[1:] == [str(n) for n in range(2, len(printed_237.pages) + 1)]


def test_signature_on_the_last_page(printed_237):
    """The closing block (recipients and signature) is printed, unsplit, on the last page."""
    last = squash(printed_237.pages[-1].extract_text())
    assert squash("Nơi nhận:") in last and squash("GIÁM ĐỐC") in last and squash("Trần Hồng Thắm") in last
