"""Stories ("người tốt, việc tốt"): pages, links to profiles, tags, pagination, Atom feed, bad input."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT, make_project, run_script, write_files
from guongsang.project import ProjectPaths, load_project
from samples import project_files

ATOM = "{http://www.w3.org/2005/Atom}"
STORY = "nam-sinh-binh-tinh-cuu-em-nho-bi-duoi-nuoc"
VINH = "le-quang-vinh-thpt-hoang-hoa-tham"


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def story_files() -> list[Path]:
    return sorted((ROOT / "content/cau-chuyen").glob("*.md"))


def test_listing_is_newest_first(demo_site):
    """The listing shows every story, newest first."""
    page = read(demo_site, "cau-chuyen")
    titles = re.findall(r'<h2 class="gs-truyen__tieu-de"><a href="([^"]+)/">', page)
    assert len(titles) == len(story_files()) == 8
    dates = re.findall(r'<p class="gs-dem">(\d{2})/(\d{1,2})/(\d{4}) ·', page)
    ordered = [(int(y), int(m), int(d)) for d, m, y in dates]
    assert ordered == sorted(ordered, reverse=True)


def test_story_links_its_honorees_and_the_profile_lists_the_story(demo_site):
    """Both directions: the story shows its honoree's card, the profile lists the story."""
    story = read(demo_site, f"cau-chuyen/{STORY}")
    assert f'href="../../guong/{VINH}/"' in story
    assert "Câu chuyện mẫu của bản trình diễn" in story
    profile = read(demo_site, f"guong/{VINH}")
    assert f'<a href="../../cau-chuyen/{STORY}/">' in profile.split('id="cau-chuyen"')[1]


def test_tags_have_ascii_pages(demo_site):
    """Each tag has a page at an ASCII address with đ as d, listing its stories."""
    page = read(demo_site, "cau-chuyen/the/nguoi-tot-viec-tot")
    assert "Câu chuyện: Người tốt, việc tốt" in page
    assert page.count('class="gs-truyen"') == 8
    assert (demo_site / "cau-chuyen/the/doi-moi-sang-tao/index.html").is_file()
    for path in (demo_site / "cau-chuyen").rglob("index.html"):
        relative = path.relative_to(demo_site).as_posix()
        assert relative.isascii(), relative
        ids = re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8"))
        assert all(i.isascii() for i in ids), (relative, ids)


def test_feed_is_valid_atom(demo_site):
    """The feed parses as XML, in the Atom namespace, one entry per story with absolute links."""
    root = ET.parse(demo_site / "cau-chuyen/feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 8
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href").startswith("http://127.0.0.1:8000/cau-chuyen/")
    assert first.find(f"{ATOM}updated").text.endswith("T00:00:00Z")
    assert first.find(f"{ATOM}summary").text
    story_titles = {re.search(r"^tieu_de: (.+)$", p.read_text(encoding="utf-8"), re.M).group(1).strip('"') for p in story_files()}
    assert {e.find(f"{ATOM}title").text for e in entries} == story_titles


def story(title: str, day: int, *, honorees: str = "[]", tags: str = "[Học sinh]") -> str:
    return f"---\ntieu_de: {title}\nngay: 2025-01-{day:02d}\ntac_gia: Văn phòng Sở\nguong: {honorees}\nthe: {tags}\n---\n\nNội dung {title}.\n"


def test_pagination_of_stories(tmp_path):
    """30 stories make two pages of 24 and 6, linked both ways, without JavaScript."""
    files = {f"content/cau-chuyen/cau-chuyen-so-{n:02d}.md": story(f"Câu chuyện số {n}", n) for n in range(1, 31)}
    root = make_project(tmp_path / "p", seeds=False, files=files)
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    first, second = read(root / "site", "cau-chuyen"), read(root / "site", "cau-chuyen/trang/2")
    assert first.count('class="gs-truyen"') == 24 and second.count('class="gs-truyen"') == 6
    assert '<a href="trang/2/" rel="next">Trang sau ›</a>' in first
    assert '<a href="../../" rel="prev">‹ Trang trước</a>' in second
    assert "Câu chuyện số 30" in first and "Câu chuyện số 1." in read(root / "site", "cau-chuyen/cau-chuyen-so-01")


P = "content/cau-chuyen/mot-cau-chuyen.md"


def check(root: Path, source: str) -> list[str]:
    write_files(root, {**project_files(), P: source})
    return [str(d) for d in load_project(ProjectPaths.at(root)).report.diagnostics]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (story("Một", 5, honorees="[le-cuongg]"), [f"{P}:5:9: lỗi: không có hồ sơ mã 'le-cuongg' trong data/guong/; có phải ý bạn là 'le-cuong'?"]),
        (story("Một", 5).replace("ngay: 2025-01-05", "ngay: 2025-02-30"), [f"{P}:3:7: lỗi: trường 'ngay' (Ngày đăng): ngày '2025-02-30' không có thật trên lịch"]),
        (story("Một", 5).replace("tieu_de: Một\n", ""), [f"{P}:2:1: lỗi: thiếu trường 'tieu_de' (Tiêu đề); thêm dòng 'tieu_de: …'."]),
        (story("Một", 5, tags="['!!!']"), [f"{P}:6:7: lỗi: thẻ '!!!' cần có ít nhất một chữ cái hoặc chữ số"]),
        (story("Một", 5).replace("tac_gia:", "tac_gia_bai:"), [f"{P}:4:1: lỗi: trường 'tac_gia_bai' không có trong mẫu; có phải ý bạn là 'tac_gia'? (tên trường viết thường, không dấu)"]),
        ("Không có phần khai báo.\n", [f"{P}:1:1: lỗi: tệp phải bắt đầu bằng phần khai báo giữa hai dòng '---' (tieu_de, ngay, tac_gia, …)"]),
    ],
    ids=["unknown honoree", "bad date", "missing title", "tag without letters", "misspelt key", "no front matter"],
)
def test_bad_story(tmp_path, source, expected):
    """Each mistake in a story's front matter: one message at its line."""
    assert check(tmp_path, source) == expected


def test_story_about_an_unpublished_honoree_warns(tmp_path):
    """A story may name an unpublished record, but gets no link to it, and the editor is told."""
    files = project_files()
    files["data/guong/le-cuong.yaml"] = files["data/guong/le-cuong.yaml"].replace("cong_khai: true", "cong_khai: false")
    write_files(tmp_path, {**files, P: story("Một", 5, honorees="[le-cuong]")})
    assert [str(d) for d in load_project(ProjectPaths.at(tmp_path)).report.diagnostics] == [
        f"{P}:5:9: cảnh báo: hồ sơ 'le-cuong' chưa công khai nên câu chuyện không liên kết tới hồ sơ đó"
    ]
