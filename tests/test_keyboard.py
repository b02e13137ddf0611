"""A reader with a keyboard only: on each kind of page, Tab reaches every link of the main content."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def _first(site: Path, pattern: str, marker: str = "") -> str:
    """The address of the first page (in file order) matching ``pattern`` whose HTML holds ``marker``."""
    for page in sorted(site.glob(pattern)):
        if marker in page.read_text(encoding="utf-8"):
            return page.parent.relative_to(site).as_posix() + "/"
    raise AssertionError(f"no page {pattern} with {marker!r}")


PAGE_KINDS = {
    "trang chủ": lambda site: "",
    "gương điển hình": lambda site: "guong/",
    "hồ sơ": lambda site: _first(site, "guong/*/index.html", 'class="gs-ho-so"'),
    "trang đơn vị": lambda site: _first(site, "guong/don-vi/*/index.html", 'class="gs-the"'),
    "danh sách theo danh hiệu": lambda site: _first(site, "guong/danh-hieu/*/index.html"),
    "danh sách theo tên": lambda site: _first(site, "guong/a-z/*/index.html"),
    "câu chuyện": lambda site: "cau-chuyen/",
    "một câu chuyện": lambda site: _first(site, "cau-chuyen/*/index.html", "gs-truyen-trang"),
    "văn bản": lambda site: "van-ban/",
    "một văn bản": lambda site: _first(site, "van-ban/*/index.html", 'class="vb'),
    "phong trào": lambda site: _first(site, "phong-trao/*/index.html"),
    "hội nghị": lambda site: _first(site, "hoi-nghi/*/index.html"),
    "tiêu chí": lambda site: _first(site, "tieu-chi/**/index.html"),
    "thống kê": lambda site: "thong-ke/",
    "dữ liệu mở": lambda site: "du-lieu-mo/",
    "hướng dẫn": lambda site: "huong-dan/",
    "khả năng tiếp cận": lambda site: "kha-nang-tiep-can/",
    "kết quả tìm kiếm": lambda site: "tim-kiem/?q=nguyen",
    "lịch": lambda site: "lich/",
    "không tìm thấy": lambda site: "404.html",
}

# Links of the main content a reader is shown: all but those hidden on purpose (display: none, hidden,
# in a closed <details>). A link styled out of the box tree (display: contents) still counts.
_VISIBLE_LINKS = """() => [...document.querySelectorAll('.md-content a[href]')].filter(a => {
  if (a.closest('[hidden]') || (a.closest('details:not([open])') && !a.closest('summary'))) return false;
  for (let e = a; e; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
  }
  return true;
}).map(a => a.href)"""
# The element Tab moved to (its address, for a link), or null once focus leaves the page or comes back
# to an element already reached.
_FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e.dataset.gsReached) return null;
  e.dataset.gsReached = "1";
  return e.href || e.tagName;
}"""


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_tab_reaches_every_link_of_the_main_content(kind, demo_site: Path, serve, browser):
    base = serve(demo_site)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(base + PAGE_KINDS[kind](demo_site), wait_until="networkidle")  # search results arrive after load
        links = set(page.evaluate(_VISIBLE_LINKS))
        assert links, f"{kind}: no link in the main content"
        reached: set[str] = set()
        for _ in range(page.evaluate("document.querySelectorAll('a[href],button,input,select,textarea,summary,[tabindex]').length") + 5):
            page.keyboard.press("Tab")
            focused = page.evaluate(_FOCUSED)
            if focused is None:
                break
            reached.add(focused)
        assert links - reached == set(), f"{kind}: Tab never reaches {sorted(links - reached)[:5]}"
    finally:
        page.close()
