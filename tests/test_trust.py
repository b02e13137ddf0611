"""Takedown on withdrawal, the output scanner, reproducible builds."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import make_project, run_script
from guongsang.output import scanner

VINH = "le-quang-vinh-thpt-hoang-hoa-tham"
STORY = "nam-sinh-binh-tinh-cuu-em-nho-bi-duoi-nuoc"


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def withdrawn(tmp_path_factory) -> Path:
    """The demo built once, then built again after a student's guardian withdrew consent."""
    root = make_project(tmp_path_factory.mktemp("withdrawn"))
    assert run_script("build", root).returncode == 0
    record = root / f"data/guong/{VINH}.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("    ghi_chu: Phiếu đồng ý mẫu", "    rut_lai: 2026-01-10\n    ghi_chu: Phiếu đồng ý mẫu", 1),
        encoding="utf-8",
    )
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    assert "đã rút lại đồng ý ngày 10/01/2026: hồ sơ, ảnh và câu chuyện về người này được gỡ khỏi trang" in result.stderr
    return root


def test_withdrawn_record_disappears_everywhere(withdrawn):
    """One build removes the page, its card, the story about them, listings, feed, sitemap and open data."""
    site = withdrawn / "site"
    everything = "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".xml", ".json") and p.parent.name not in (VINH, STORY)
    )
    assert "Lê Quang Vinh" not in everything and VINH not in everything
    assert not (site / f"guong/{VINH}/the-chia-se.png").exists()
    assert STORY not in (site / "cau-chuyen/feed.xml").read_text(encoding="utf-8")
    assert VINH not in json.dumps(json.loads((site / "du-lieu-mo/guong.json").read_text(encoding="utf-8")))


def test_old_addresses_serve_a_neutral_page_and_the_ledger_says_why(withdrawn):
    """The profile's and the story's addresses answer with a page naming nobody; the ledger records the takedown."""
    for url in (f"guong/{VINH}", f"cau-chuyen/{STORY}"):
        page = read(withdrawn / "site", url)
        assert "Nội dung không còn được công bố" in page and "Vinh" not in page
    ledger = (withdrawn / "data/dia-chi-da-cong-bo.txt").read_text(encoding="utf-8")
    assert f"guong/{VINH}/ go-xuong 2026-01-10" in ledger
    assert f"cau-chuyen/{STORY}/ go-xuong 2026-01-10" in ledger


@pytest.mark.parametrize(
    ("text", "what", "col"),
    [
        ("Liên hệ em qua số 0912 345 678.", "số giống số điện thoại ('0912 345 678')", 19),
        ("Số CCCD 001203004567 của em.", "số giống số căn cước, chứng minh nhân dân ('001203004567')", 9),
        ("Em sinh ngày 05/03/2012 tại xã Tân Tiến.", "ngày sinh ('Em sinh ngày 05/03/2012')", 1),
        ("Thư gửi em.hoc.sinh@gmail.com nhé.", "địa chỉ thư điện tử không nằm trong danh sách được phép ('em.hoc.sinh@gmail.com')", 9),
        ("Gọi [cô](tel:%2B84912345678) nhé.", "số giống số điện thoại ('+84912345678')", 1),
        ("Gọi cô theo số 0912\n345 678 nhé.", "số giống số điện thoại ('0912 345 678')", 16),
    ],
    ids=["phone", "citizen id", "birth date", "e-mail", "phone in a tel: link", "phone over two lines"],
)
def test_personal_data_stops_check_and_build_at_its_line(tmp_path, text, what, col):
    """Personal data slipped into a story's text is an error of `check` at its line and column, and the
    build stops on it before anything is published."""
    story = f"---\ntieu_de: Một câu chuyện\nngay: 2025-03-01\ntac_gia: Văn phòng Sở\n---\n\n{text}\n"
    root = make_project(tmp_path / "p", seeds=False, files={"content/cau-chuyen/mot.md": story})
    expected = f"content/cau-chuyen/mot.md:7:{col}: lỗi: có {what}; dữ liệu cá nhân không được công khai"
    checked = run_script("check", root)
    assert checked.returncode == 1 and expected in checked.stderr
    result = run_script("build", root)
    assert result.returncode == 1
    assert expected in result.stderr
    assert not (root / "site").exists()


def test_organization_email_is_allowed(tmp_path):
    """The department's own public address may appear."""
    story = "---\ntieu_de: Một\nngay: 2025-03-01\ntac_gia: Văn phòng Sở\n---\n\nGóp ý gửi lienhe@guong-sang.example.\n"
    root = make_project(tmp_path / "p", seeds=False, files={"content/cau-chuyen/mot.md": story})
    assert run_script("build", root).returncode == 0


def digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    """The same input gives the same bytes, file for file (cards, feed, sitemap, open data included)."""
    root = make_project(tmp_path / "p")
    day = "1767225600"  # one build day for both (a Git project's builds take their last commit's)
    assert run_script("build", root, SOURCE_DATE_EPOCH=day).returncode == 0
    first = digest(root / "site")
    assert run_script("build", root, SOURCE_DATE_EPOCH=day).returncode == 0
    second = digest(root / "site")
    assert len(first) > 200
    assert first == second


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Gọi 0912345678 nhé", "0912345678"),
        ("Gọi +84 912 345 678.", "+84 912 345 678"),
        ("Gọi 0912.345.678", "0912.345.678"),
        ("CMND 123456789 cấp năm 2010", "123456789"),
        ("CCCD 001 203 004 567.", "001 203 004 567"),
        ("SINH 1 tháng 2 năm 2012", "SINH 1 tháng 2 năm 2012"),
        ("Sinh ngày 05-03-2012", "Sinh ngày 05-03-2012"),
        ("Kế hoạch 1729/KH-SGDĐT", None),
        ("mã 10.5281/123456789", None),
        ("học sinh 2024", None),
        ("họcsinh 05/03/2012", None),
        ("tổng 1.234.567.890 đồng", None),
        ("a0912345678", None),
        ("0912345678901234", None),
    ],
)
def test_scanner_patterns(tmp_path, text, found):
    """What the scanner takes for personal data, and look-alikes it leaves (document numbers, amounts, words)."""
    (tmp_path / "trang").mkdir()
    (tmp_path / "trang/index.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    excerpts = [finding.excerpt for finding in scanner.scan(tmp_path, set())]
    assert excerpts == ([found] if found else [])


def test_scanner_remembers_clean_pages_by_content(tmp_path):
    """A page found clean is not read again while its bytes stay the same; a change, or other rules, re-reads it."""
    site, cache = tmp_path / "site", tmp_path / "cache/scanned-clean.txt"
    (site / "a").mkdir(parents=True)
    page = site / "a/index.html"
    page.write_text("<p>Liên hệ: lienhe@so.example</p>", encoding="utf-8")
    assert scanner.scan(site, {"lienhe@so.example"}, cache) == []
    assert len(cache.read_text(encoding="utf-8").split()) == 2  # the rules, one clean page
    assert scanner.scan(site, {"lienhe@so.example"}, cache) == []
    assert [f.what for f in scanner.scan(site, set(), cache)] == ["địa chỉ thư điện tử không nằm trong danh sách được phép"]
    page.write_text("<p>Gọi 0912 345 678</p>", encoding="utf-8")
    assert [f.excerpt for f in scanner.scan(site, {"lienhe@so.example"}, cache)] == ["0912 345 678"]
    assert [f.excerpt for f in scanner.scan(site, {"lienhe@so.example"}, cache)] == ["0912 345 678"]
