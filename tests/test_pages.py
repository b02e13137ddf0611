"""Page kinds (hooks/guongsang/pages/): a new kind is one class and one entry in catalogue.KINDS, and the
build renders it with its template, title, share preview, search entry and sitemap line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from conftest import make_project
from guongsang.pages import catalogue, searchpages
from guongsang.pages.base import Preview, SitePage
from guongsang.pages.searchpages import SearchEntry
from guongsang.site.linking import SiteModel
from mkdocs.commands.build import build
from mkdocs.config import load_config

NOTICE_TEMPLATE = """{% extends "main.html" %}
{% block content %}<h1 id="noi-dung">{{ page.title }}</h1><p class="thong-bao">{{ agency_name | e }}</p>{% endblock %}
"""


@dataclass(frozen=True)
class Notice(SitePage):
    """A kind defined here only: the build knows nothing of it but its entry in catalogue.KINDS."""

    site: SiteModel
    url = "thong-bao/"
    title = "Thông báo & lịch trực"
    template = "notice.html"

    def values(self, html_body: str) -> dict[str, Any]:
        assert self.site.organization is not None
        return {"agency_name": self.site.organization.name}

    def preview(self) -> Preview:
        return Preview(self.title, "Lịch trực <tuần này>")

    def search(self) -> SearchEntry:
        return searchpages.entry(self.title, "Thông báo", searchpages.ABOUT)


def test_a_new_page_kind_is_one_class_and_one_entry(tmp_path, monkeypatch):
    root = make_project(tmp_path / "p", seeds=False, files={
        "overrides/notice.html": NOTICE_TEMPLATE,
        "content/huong-dan/dong-y.md": "---\ntitle: Đồng ý & rút lại\n---\n\nNội dung.\n",
    })
    monkeypatch.setattr(catalogue, "KINDS", [*catalogue.KINDS, lambda site: [Notice(site)]])
    monkeypatch.setenv("GUONGSANG_DUNG_THU", "1")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(root)
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True))

    page = (root / "site/thong-bao/index.html").read_text(encoding="utf-8")
    organization = re.search(r'<strong class="gs-chan-trang__ten">([^<]+)</strong>', page)
    assert organization and f'<p class="thong-bao">{organization.group(1)}</p>' in page
    assert '<h1 id="noi-dung">Thông báo &amp; lịch trực</h1>' in page
    assert "<title>Thông báo &amp; lịch trực - " in page
    assert '<meta property="og:title" content="Thông báo &amp; lịch trực">' in page
    assert '<meta property="og:description" content="Lịch trực &lt;tuần này&gt;">' in page
    assert '<meta property="og:type" content="website">' in page
    assert 'data-gs-loai="Thông báo"' in page and 'data-pagefind-weight="10">Thông báo &amp; lịch trực' in page
    assert "/thong-bao/</loc>" in (root / "site/sitemap.xml").read_text(encoding="utf-8")

    # An editor's own page: its title is escaped once in its share preview, as in its <title>.
    guide = (root / "site/huong-dan/dong-y/index.html").read_text(encoding="utf-8")
    assert "<title>Đồng ý &amp; rút lại - " in guide
    assert '<meta property="og:title" content="Đồng ý &amp; rút lại">' in guide
    assert 'data-gs-tieu-de="Đồng ý &amp; rút lại" data-gs-loai="Hướng dẫn"' in guide

