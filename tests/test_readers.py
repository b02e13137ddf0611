"""What readers see on every built page: one heading, a title, no leaked values, links that resolve,
unique ids, images with alt text, Vietnamese declared; and the check itself catches each defect."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import make_project, run_script
from readers_check import page_problems, problems

DEMO_URL = "http://127.0.0.1:8000/"


def test_every_demo_page_reads_right(demo_site: Path):
    assert problems(demo_site, DEMO_URL) == []


def test_every_page_of_a_project_without_records_reads_right(tmp_path: Path):
    root = make_project(tmp_path / "p", seeds=False)
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    assert problems(root / "site", DEMO_URL) == []


def test_a_project_without_an_accessibility_statement_links_to_none(tmp_path: Path):
    root = make_project(tmp_path / "p", seeds=False)
    (root / "content" / "kha-nang-tiep-can.md").unlink()
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Khả năng tiếp cận: kha-nang-tiep-can.md\n", ""), encoding="utf-8")
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    assert problems(root / "site", DEMO_URL) == []
    assert "Khả năng tiếp cận</a>" not in (root / "site" / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def damaged(demo_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built demo for the check to be tried on."""
    copy = tmp_path_factory.mktemp("damaged") / "site"
    shutil.copytree(demo_site, copy)
    return copy


def _profile_page(site: Path, pattern: str = "") -> str:
    """The first profile page (in file order) where ``pattern`` is found."""
    return next(
        page.relative_to(site).as_posix() for page in sorted(site.glob("guong/*/index.html"))
        if 'class="gs-ho-so"' in (text := page.read_text(encoding="utf-8")) and re.search(pattern, text, re.S)
    )


def _damage(site: Path, rel: str, pattern: str, replacement: str) -> str:
    """Apply one change to one page of ``site`` and return the page as it was."""
    page = site / rel
    original = page.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, replacement, original, count=1, flags=re.S)
    assert count == 1, f"{pattern} not found in {rel}"
    page.write_text(changed, encoding="utf-8")
    return original


DAMAGES = {
    "h1 rỗng": (r"(<h1\b[^>]*>).*?(</h1>)", r"\1\2"),
    "2 thẻ h1": (r"(<h1\b[^>]*>.*?</h1>)", r"\1<h1>Lặp</h1>"),
    "không có <title>": (r"<title>.*?</title>", "<title> </title>"),
    "giá trị rò rỉ 'None'": (r"(<h1\b[^>]*>)", r"\1None "),
    "giá trị rò rỉ '{{'": (r"(<h1\b[^>]*>)", r"\1{{ profile.name }} "),
    "liên kết hỏng: ../khong-co-trang-nay/": (r'href="\.\./"', 'href="../khong-co-trang-nay/"'),
    "liên kết tới mục không có: #khong-co-muc": (r'(<a\b[^>]*href=")#noi-dung"', r'\1#khong-co-muc"'),
    'id="noi-dung" dùng 2 lần': (r"(<h1\b[^>]*>)", r'\1<span id="noi-dung"></span>'),
    "ảnh không có alt": (r"(<h1\b[^>]*>)", r'\1<img src="../../assets/the-chia-se.png">'),
    '<html lang="en">': (r'<html lang="vi"', '<html lang="en"'),
}


@pytest.mark.parametrize("expected", DAMAGES)
def test_the_check_finds_each_defect_on_the_page_it_is_on(damaged: Path, expected: str):
    pattern, replacement = DAMAGES[expected]
    rel = _profile_page(damaged, pattern)
    original = _damage(damaged, rel, pattern, replacement)
    try:
        found = page_problems(damaged, DEMO_URL, rel)
    finally:
        (damaged / rel).write_text(original, encoding="utf-8")
    assert any(expected in problem for problem in found), found


def test_one_emptied_heading_or_one_broken_link_fails_the_whole_site(damaged: Path):
    rel = _profile_page(damaged)
    originals = {rel: _damage(damaged, rel, r"(<h1\b[^>]*>).*?(</h1>)", r"\1\2")}
    home = "index.html"
    originals[home] = _damage(damaged, home, r'href="(guong/[^"#]+/)"', r'href="\1khong-co/"')
    try:
        found = problems(damaged, DEMO_URL)
    finally:
        for page, text in originals.items():
            (damaged / page).write_text(text, encoding="utf-8")
    assert len(found) == 2, found
    assert found[0].startswith(f"{rel}: h1 rỗng") or found[1].startswith(f"{rel}: h1 rỗng"), found
    assert any(p.startswith(f"{home}: liên kết hỏng: guong/") for p in found), found


def test_a_link_out_of_the_site_folder_on_its_host_is_broken(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="vi"><head><title>T</title></head><body><h1>T</h1>'
        '<a href="/ngoai/">ra ngoài</a><a href="https://example.org/x">nơi khác</a><a href="mailto:a@b.vn">thư</a></body></html>',
        encoding="utf-8",
    )
    assert problems(site, "https://so.example.gov.vn/guong-sang/") == ["index.html: liên kết ra ngoài thư mục của trang: /ngoai/"]
