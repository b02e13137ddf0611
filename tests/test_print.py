"""Print media in Debian's headless Chromium: A4 portrait, the offline serif, no site chrome."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import CHROMIUM_ARGS, make_project, run_script
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


LONG_PROFILE = "data/guong/to-toan-tin-thpt-le-quy-don.yaml"
LONG_SUMMARY = " ".join(["Nhà trường triển khai dạy học theo dự án và sinh hoạt chuyên môn liên môn, số hóa hồ sơ chuyên môn."] * 49)


@pytest.fixture(scope="module")
def committed_site(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    """The demo in a Git repository (so pages carry "Cập nhật ngày …"), one profile with the longest summary allowed."""
    profile = (Path(__file__).parents[1] / LONG_PROFILE).read_text(encoding="utf-8")
    profile = profile.split("tom_tat:")[0] + f"tom_tat: {LONG_SUMMARY}\n" + "cong_khai:" + profile.split("cong_khai:", 1)[1]
    profile = profile.replace("ten_tap_the: Tổ Toán - Tin\n", "ten_tap_the: Tổ Toán - Tin học - Vật lý - Công nghệ và Hoạt động trải nghiệm, hướng nghiệp (khối 10, 11, 12)\n")
    root = make_project(tmp_path_factory.mktemp("committed"), files={LONG_PROFILE: profile})
    git = ["git", "-c", "user.name=Văn phòng", "-c", "user.email=vp@example.org"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Dữ liệu"]):
        subprocess.run([*git, *command], cwd=root, check=True, capture_output=True, env={"GIT_COMMITTER_DATE": "2026-03-02T08:00:00", "PATH": "/usr/bin:/bin"})
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    assert "Cập nhật ngày" in (root / "site/van-ban/2020-237-kh-sgddt/index.html").read_text(encoding="utf-8")
    assert len(LONG_SUMMARY) > 4_500 and LONG_SUMMARY[:200] in (root / "site/guong/to-toan-tin-thpt-le-quy-don/index.html").read_text(encoding="utf-8")
    return serve(root / "site")


def test_plan_printout_ends_at_its_signature(committed_site, tmp_path):
    """Nothing follows the signer's name: no "Cập nhật ngày …" line, no edit link under the signature."""
    printed = print_to_pdf(f"{committed_site}van-ban/2020-237-kh-sgddt/", tmp_path / "237.pdf")
    last = squash(printed.pages[-1].extract_text())
    assert last.endswith(squash("GIÁM ĐỐC Trần Hồng Thắm")), last[-200:]
    everything = squash("".join(page.extract_text() for page in printed.pages))
    assert squash("Cập nhật ngày") not in everything and squash("Sửa trang này") not in everything


@pytest.mark.parametrize("profile", ["truong-thpt-hoang-hoa-tham", "dang-van-khoa-thpt-le-quy-don", "to-toan-tin-thpt-le-quy-don", "bui-van-hung-thpt-hoang-hoa-tham"])
def test_profile_card_is_one_a4_sheet(committed_site, tmp_path, profile):
    """A profile prints on one A4 sheet with its name, the QR code's caption and the page's address, even
    with a 4,900-character summary and a two-line name (cut short on paper, whole on the page)."""
    printed = print_to_pdf(f"{committed_site}guong/{profile}/", tmp_path / "card.pdf")
    assert len(printed.pages) == 1
    page = printed.pages[0]
    assert abs(float(page.mediabox.width) - 595.3) < 1.5 and abs(float(page.mediabox.height) - 841.9) < 1.5
    text = squash(page.extract_text())
    assert squash("Quét mã để mở trang hồ sơ") in text and f"/guong/{profile}/" in text
    assert squash("Cập nhật ngày") not in text


def test_long_summary_gives_way_by_whole_lines(committed_site, browser):
    """Laid out for print at the width of an A4 sheet's text (160 mm), the longest summary under a five-line
    name is cut after whole lines (the paragraph ends inside its section, not halfway through a line), and
    the QR code and the page's address stay whole inside the card."""
    page = browser.new_page(viewport={"width": 605, "height": 971})
    page.emulate_media(media="print")
    page.goto(f"{committed_site}guong/to-toan-tin-thpt-le-quy-don/")
    boxes = page.evaluate("""() => Object.fromEntries(Object.entries({card: '.gs-ho-so', section: '.gs-ho-so__muc', summary: '.gs-ho-so__muc p',
        qr: '.gs-qr', address: '.gs-in-url', name: 'h1'}).map(([key, selector]) => [key, document.querySelector(selector).getBoundingClientRect().toJSON()]))""")
    page.close()
    assert boxes["name"]["height"] > 4 * 30, "the name takes several lines"
    assert boxes["summary"]["height"] < 10 * 30, "the summary is cut short"
    assert boxes["summary"]["bottom"] <= boxes["section"]["bottom"] + 1
    for part in ("qr", "address"):
        assert boxes["card"]["top"] < boxes[part]["top"] and boxes[part]["bottom"] <= boxes["card"]["bottom"]
    assert boxes["card"]["height"] <= 250 * 96 / 25.4 + 1


def test_a_guide_page_prints_its_tables_inside_the_text_width(served_demo, browser):
    """Material pulls a table's scroll box past the text edge; on an A4 sheet's text width (160 mm) the
    editors' guide to documents, with its wide tables of types and signature forms, stays inside the page."""
    page = browser.new_page(viewport={"width": 605, "height": 971})
    page.emulate_media(media="print")
    page.goto(f"{served_demo}huong-dan/van-ban/")
    wrappers = page.evaluate("() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(e => e.getBoundingClientRect().toJSON())")
    page.close()
    assert len(wrappers) >= 2
    assert all(box["left"] >= 0 and box["right"] <= 605 for box in wrappers), wrappers
