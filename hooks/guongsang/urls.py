"""Every URL of the site is decided here, once. URLs are relative to the site root, ASCII, with '/' at the end."""

from __future__ import annotations

import posixpath

from guongsang.lang import text

DOCUMENTS = "van-ban/"
HONOREES = "guong/"
STORIES = "cau-chuyen/"
CAMPAIGNS = "phong-trao/"
CRITERIA = "tieu-chi/"
CONFERENCES = "hoi-nghi/"
CALENDAR = "lich/"
STATISTICS = "thong-ke/"
CALENDAR_FEED = "lich/lich.ics"
OPEN_DATA = "du-lieu-mo/"
ACCESSIBILITY = "kha-nang-tiep-can/"
GUIDES = "huong-dan/"
"""Editors' guides: the search shows them as 'Hướng dẫn'."""
ADMIN = "admin/"
"""The web editor (output/cms.py): no editor's file may sit there."""
"""The accessibility statement (an editor's page, content/kha-nang-tiep-can.md), linked from every footer."""
STORY_FEED = "cau-chuyen/feed.xml"
SITEMAP = "sitemap.xml"
SEARCH = "tim-kiem/"
SEARCH_ENGINE = "pagefind/pagefind.js"
"""Pagefind's script (its index sits beside it): loaded by the search page and warmed up by the header box."""
SEARCHABLE_PAGES = "**/index.html"
"""The pages Pagefind reads; it indexes those marked data-pagefind-body (searchpages.py decides which)."""

# Facets of the honoree indexes: path segment under guong/ -> what it groups by.
FACETS = {"don-vi": "unit", "nam": "year", "phong-trao": "campaign", "danh-hieu": "award", "doi-tuong": "subject", "a-z": "letter"}
PAGE = "trang"
RESERVED_HONOREE_IDS = frozenset(FACETS) | {PAGE}
"""Honoree ids that would collide with an index page under guong/."""

# Vietnamese letters as URL segments, written the Telex way so Ă, Â and A stay apart.
_LETTER_SLUGS = {"Ă": "aw", "Â": "aa", "Đ": "dd", "Ê": "ee", "Ô": "oo", "Ơ": "ow", "Ư": "uw"}


def markdown_url(src_uri: str) -> str:
    """The page of a Markdown file: its path without '.md' ('van-ban/2020-237-kh-sgddt/')."""
    if src_uri.endswith("index.md"):
        return src_uri.removesuffix("index.md")
    return f"{src_uri.removesuffix('.md')}/"


def document_url(src_uri: str) -> str:
    return markdown_url(src_uri)


def file_url(src_uri: str, relative: str) -> str:
    """A file named relative to the Markdown file at ``src_uri`` ('pdf/a.pdf' -> 'van-ban/pdf/a.pdf')."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), relative))


def documents_by_year_url(year: int) -> str:
    return f"{DOCUMENTS}nam/{year}/"


def documents_by_issuer_url(issuer: str) -> str:
    return f"{DOCUMENTS}co-quan/{text.slugify(issuer)}/"


def honoree_url(honoree_id: str) -> str:
    """A profile's permanent address: from its id only, so renaming a person changes nothing."""
    return f"{HONOREES}{honoree_id}/"


def campaign_url(campaign_id: str) -> str:
    return f"{CAMPAIGNS}{campaign_id}/"


def criteria_url(subject: str) -> str:
    """The criteria page of a subject type ('giao_vien' -> 'tieu-chi/giao-vien/')."""
    return f"{CRITERIA}{subject.replace('_', '-')}/"


def criteria_set_url(subject: str, set_id: str) -> str:
    """A criteria set on the criteria page of a subject type ('tieu-chi/giao-vien/#ct-2019-chung')."""
    return f"{criteria_url(subject)}#{set_id}"


def campaign_feed_url(campaign_id: str) -> str:
    return f"{CAMPAIGNS}{campaign_id}/lich.ics"


def conference_url(conference_id: str) -> str:
    return f"{CONFERENCES}{conference_id}/"


def share_card_url(honoree_id: str) -> str:
    return f"{HONOREES}{honoree_id}/the-chia-se.png"


DEFAULT_SHARE_CARD = "assets/the-chia-se.png"
"""The preview image of pages that have no card of their own."""


OTHER_LETTER = "khac"
"""The A–Z group of names starting with a letter outside the Latin alphabet ('Ωmega')."""


def letter_slug(letter: str) -> str:
    return _LETTER_SLUGS.get(letter) or text.slugify(letter) or OTHER_LETTER


def facet_url(facet: str, key: str) -> str:
    """An honoree index: 'guong/don-vi/thpt-a/', 'guong/nam/2024/', 'guong/a-z/dd/'."""
    return f"{HONOREES}{facet}/{key}/"


def paged(url: str, page: int) -> str:
    """Page ``page`` (1-based) of a paginated listing at ``url``."""
    return url if page == 1 else f"{url}{PAGE}/{page}/"


def story_tag_url(slug: str) -> str:
    return f"{STORIES}the/{slug}/"


def open_data_file(collection: str) -> str:
    return f"{OPEN_DATA}{collection}.json"


def absolute(site_url: str, url: str) -> str:
    """``url`` (relative to the site root) under the configured public address of the site."""
    return f"{site_url.rstrip('/')}/{url}"


def is_outside(address: str) -> bool:
    """An address of another site ('https://…'), where a redirect may lead; any other is of this site."""
    return address[:8].lower() == "https://"


def redirect_target(site_url: str, address: str) -> str:
    """Where a redirect sends a reader: an outside address as it is, a page of the site under ``site_url``."""
    return address if is_outside(address) else absolute(site_url, address)


def normalize(url: str) -> str:
    """An editor's address as a site URL: no leading '/', a '/' at the end of a page address."""
    url = url.strip().lstrip("/")
    return url if url.endswith("/") or "." in url.rsplit("/", 1)[-1] else f"{url}/"


def src_uri(url: str) -> str:
    """The Markdown path MkDocs maps to ``url`` ('van-ban/nam/2020/' -> 'van-ban/nam/2020/index.md')."""
    return f"{url}index.md"
