"""Accessibility (Nghị định 42/2022 asks portals for it): axe-core in headless Chromium, language, keyboard."""

from __future__ import annotations

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules/axe-core/axe.min.js"
PAGES = {
    "home": "",
    "document": "van-ban/2020-237-kh-sgddt/",
    "profile": "guong/nguyen-thi-thu-ha-thpt-hoang-hoa-tham/",
    "index": "guong/doi-tuong/giao-vien/",
    "story": "cau-chuyen/nam-sinh-binh-tinh-cuu-em-nho-bi-duoi-nuoc/",
    "document index": "van-ban/",
    "accessibility statement": "kha-nang-tiep-can/",
    "stories": "cau-chuyen/",
    "open data": "du-lieu-mo/",
    "campaign": "phong-trao/doi-moi-sang-tao-2021-2025/",
    "criteria": "tieu-chi/giao-vien/",
    "conference": "hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2025/",
    "calendar": "lich/",
    "statistics": "thong-ke/",
}


@pytest.fixture(scope="module")
def base(demo_site, serve) -> str:
    return serve(demo_site)


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_no_serious_axe_violation(browser, base, url):
    """axe-core (WCAG 2.1 A and AA rules) finds no serious or critical violation."""
    page = browser.new_page()
    page.goto(base + url, wait_until="load")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})")
    page.close()
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_language_is_vietnamese(browser, base, url):
    page = browser.new_page()
    page.goto(base + url)
    assert page.evaluate("document.documentElement.lang") == "vi"
    page.close()


def test_keyboard_reaches_the_content_first(browser, base):
    """The first Tab lands on the skip link, which takes the reader past the menus to the content."""
    page = browser.new_page()
    page.goto(base + PAGES["profile"])
    page.keyboard.press("Tab")
    first = page.evaluate("[document.activeElement.tagName, document.activeElement.getAttribute('href'), document.activeElement.textContent.trim()]")
    assert first[0] == "A" and first[1].startswith("#") and first[2] == "Chuyển đến nội dung chính"
    page.keyboard.press("Enter")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.md-content') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('.md-content') !== null")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none" or page.evaluate(
        "getComputedStyle(document.activeElement).boxShadow"
    ) != "none"
    page.close()
