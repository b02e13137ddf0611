"""The site served under a sub-path of the department's portal (https://…/guong-sang/): links, assets,
feeds, calendars, share metadata and search all stay under it."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
from conftest import make_project, run_script
from readers_check import problems

pytestmark = pytest.mark.browser

PAGES = [
    "", "guong/dang-van-khoa-thpt-le-quy-don/", "guong/doi-tuong/giao-vien/", "van-ban/2020-237-kh-sgddt/",
    "cau-chuyen/", "phong-trao/doi-moi-sang-tao-2021-2025/", "hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2025/",
    "lich/", "thong-ke/", "tim-kiem/",
]


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    """The site built for …/guong-sang/ and served inside a bigger portal, at that sub-path only."""
    root = make_project(tmp_path_factory.mktemp("subpath") / "p")
    result = run_script("build", root, DIA_CHI_TRANG="http://127.0.0.1:8000/guong-sang/")
    assert result.returncode == 0, result.stderr
    assert problems(root / "site", "http://127.0.0.1:8000/guong-sang/") == []
    portal_dir = root / "cong-thong-tin"
    portal_dir.mkdir()
    (portal_dir / "guong-sang").symlink_to(root / "site")
    return serve(portal_dir) + "guong-sang/"


def test_every_link_and_asset_stays_under_the_sub_path(portal):
    checked = set()
    for page in PAGES:
        html = urlopen(portal + page).read().decode("utf-8")
        for target in re.findall(r'(?:href|src)="([^"#]+)"', html):
            url = urljoin(portal + page, target)
            if urlsplit(url).hostname != "127.0.0.1" or url in checked:
                continue  # another site
            checked.add(url)
            assert urlsplit(url).path.startswith("/guong-sang/"), (page, target)
            if urlsplit(url).netloc == urlsplit(portal).netloc:  # the public address (site_url) is not served here
                assert urlopen(url).status == 200, (page, target)
    assert len(checked) > 100


def test_absolute_addresses_name_the_sub_path(portal):
    profile = urlopen(portal + "guong/dang-van-khoa-thpt-le-quy-don/").read().decode("utf-8")
    assert '<meta property="og:url" content="http://127.0.0.1:8000/guong-sang/guong/dang-van-khoa-thpt-le-quy-don/">' in profile
    assert re.search(r'<meta property="og:image" content="http://127\.0\.0\.1:8000/guong-sang/[^"]+\.png">', profile)
    feed = urlopen(portal + "cau-chuyen/feed.xml").read().decode("utf-8")
    assert "http://127.0.0.1:8000/guong-sang/cau-chuyen/" in feed
    calendar = urlopen(portal + "lich/lich.ics").read().decode("utf-8").replace("\r\n ", "")
    assert "URL:http://127.0.0.1:8000/guong-sang/van-ban/" in calendar
    sitemap = urlopen(portal + "sitemap.xml").read().decode("utf-8")
    assert "<loc>http://127.0.0.1:8000/guong-sang/guong/dang-van-khoa-thpt-le-quy-don/</loc>" in sitemap


def test_search_results_link_under_the_sub_path(browser, portal):
    page = browser.new_page()
    page.goto(portal + "tim-kiem/?q=dang van khoa")
    page.wait_for_selector("#tim-kiem-ket-qua li a", timeout=30000)
    first = page.eval_on_selector("#tim-kiem-ket-qua li a", "e => e.href")
    page.close()
    assert first.endswith("/guong-sang/guong/dang-van-khoa-thpt-le-quy-don/")
    assert urlopen(first).status == 200
