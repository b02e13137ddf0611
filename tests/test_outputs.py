"""The files written after the pages (output/): every kind registered once, pages at old addresses kept inside
the site, the Atom feed's choice of stories."""

from __future__ import annotations

import ast
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT, make_project
from guongsang.output import feeds, redirects, run
from guongsang.output.context import OutputContext, OutputError
from guongsang.project import ProjectPaths, load_project
from guongsang.settings import Settings
from jinja2 import Environment, FileSystemLoader

OUTPUT = ROOT / "hooks" / "guongsang" / "output"


def test_every_kind_of_file_is_written():
    """A module of output/ with ``write(site_dir, context)`` is a kind of file: run.py must run it."""
    kinds = sorted(
        path.stem for path in OUTPUT.glob("*.py")
        if any(isinstance(node, ast.FunctionDef) and node.name == "write" for node in ast.parse(path.read_text(encoding="utf-8")).body)
    )
    assert sorted(writer.__module__.rsplit(".", 1)[1] for writer in run.WRITERS) == kinds
    assert len(set(run.WRITERS)) == len(run.WRITERS)


def _context(tmp_path: Path, redirects_by_old: dict[str, str], taken_down: list[str]) -> OutputContext:
    site = SimpleNamespace(redirects=redirects_by_old)
    return OutputContext(
        site=site, settings=Settings(site_name="Gương sáng", site_url="https://so.example.vn/guong-sang/"),  # type: ignore[arg-type]
        env=Environment(loader=FileSystemLoader(ROOT / "overrides"), autoescape=False), config={"site_name": "Gương sáng"},
        built_at=datetime(2025, 1, 1), cache_dir=tmp_path / "cache", taken_down=taken_down, cards=SimpleNamespace(),  # type: ignore[arg-type]
    )


def test_old_addresses_get_a_redirect_or_a_neutral_page(tmp_path):
    site_dir = tmp_path / "site"
    redirects.write(site_dir, _context(tmp_path, {"guong/ten-cu/": "guong/ten-moi/"}, ["cau-chuyen/da-go/"]))
    moved = (site_dir / "guong/ten-cu/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=https://so.example.vn/guong-sang/guong/ten-moi/">' in moved
    gone = (site_dir / "cau-chuyen/da-go/index.html").read_text(encoding="utf-8")
    assert "Nội dung không còn được công bố - Gương sáng" in gone and "ten-moi" not in gone


@pytest.mark.parametrize("taken", [False, True], ids=["redirect", "takedown"])
def test_an_old_address_never_writes_outside_the_site(tmp_path, taken):
    """Whatever a check misses, an address leading out of site/ stops the build with the editor's message."""
    address = "../ra-ngoai/"
    context = _context(tmp_path, {} if taken else {address: "guong/"}, [address] if taken else [])
    with pytest.raises(OutputError, match=r"^địa chỉ '\.\./ra-ngoai/' không được ghi: '\.\./ra-ngoai/index\.html' nằm ngoài thư mục site/$"):
        redirects.write(tmp_path / "site", context)
    assert not (tmp_path / "ra-ngoai").exists()


def _story(number: int, day: date) -> str:
    return f"---\ntieu_de: Câu chuyện số {number}\nngay: {day.isoformat()}\ntac_gia: Văn phòng Sở\nguong: []\nthe: [Học sinh]\n---\n\nNội dung {number}.\n"


def test_feed_carries_the_newest_stories(tmp_path):
    """Of 52 stories, the newest FEED_SIZE, newest first, each dated at midnight UTC of its day; the feed
    changed when its newest story did."""
    first = date(2024, 3, 1)
    files = {f"content/cau-chuyen/so-{n:02d}.md": _story(n, first + timedelta(days=n)) for n in range(1, 53)}
    root = make_project(tmp_path / "p", seeds=False, files=files)
    site = load_project(ProjectPaths.at(root)).site
    feed = feeds.story_feed(site, "https://so.example.vn/", "Gương sáng")
    assert feeds.FEED_SIZE == 50
    assert [e.title for e in feed.entries] == [f"Câu chuyện số {n}" for n in range(52, 2, -1)]
    assert feed.updated == feed.entries[0].updated == "2024-04-22T00:00:00Z"
    assert feed.entries[-1].updated == "2024-03-04T00:00:00Z"
    assert feed.entries[0].url == "https://so.example.vn/cau-chuyen/so-52/"
    assert (feed.title, feed.url, feed.self_url) == (
        "Gương sáng: Người tốt, việc tốt", "https://so.example.vn/cau-chuyen/", "https://so.example.vn/cau-chuyen/feed.xml",
    )


def test_feed_without_stories_has_a_fixed_date(tmp_path):
    """No story yet: no entry, and a fixed 'updated' (the same bytes every build)."""
    site = load_project(ProjectPaths.at(make_project(tmp_path / "p", seeds=False))).site
    feed = feeds.story_feed(site, "https://so.example.vn/", "Gương sáng")
    assert (feed.entries, feed.updated) == ([], "2000-01-01T00:00:00Z")
