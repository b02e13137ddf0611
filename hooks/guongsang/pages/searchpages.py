"""Which pages the site search finds, the kind of page each result shows, and the words it must also match.

A reader looks for the page about a thing: a profile, a document, a story, a campaign, a conference, a
criteria page, the list of a unit, award, subject type, year or campaign, the story listing, a guide
page. Left out: the home page and the search page (they name everything), pages 2, 3… of a listing
(the same heading as page 1, and their cards are not indexed anyway: a name finds its profile, not
the lists it sits in), the A–Z lists (a letter is not a thing readers search for), and pages outside
the theme (redirects, taken-down addresses, the editor).
"""

from __future__ import annotations

from dataclasses import dataclass

from guongsang import urls
from guongsang.lang import text

ABOUT = 10
"""Weight of the title of a page about one thing (a person, a campaign, a unit's list…): Pagefind's highest."""
MENTIONS = 7
"""Weight of the title of a page that names things it is not about: a document, a guide, a section's index."""
AGGREGATE = 5
"""Weight of the title of a list that repeats the title of the page about its subject (the honorees of a
campaign, the stories of a tag): below that page."""

_KINDS = {
    "honoree.html": "Gương điển hình",
    "document.html": "Văn bản",
    "story.html": "Câu chuyện",
    "campaign.html": "Phong trào thi đua",
    "campaign-index.html": "Phong trào thi đua",
    "conference.html": "Hội nghị",
    "conference-index.html": "Hội nghị",
    "criteria.html": "Tiêu chí",
    "honoree-home.html": "Gương điển hình",
    "story-index.html": "Câu chuyện",
    "document-index.html": "Văn bản",
    "calendar.html": "Lịch",
    "statistics.html": "Thống kê",
    "open-data.html": "Dữ liệu mở",
}
# Lists of honorees, by the facet they group by (urls.FACETS); the A–Z lists are not searched.
_FACET_KINDS = {
    "don-vi": "Đơn vị",
    "danh-hieu": "Danh hiệu",
    "doi-tuong": "Đối tượng",
    "nam": "Năm khen thưởng",
    "phong-trao": "Phong trào thi đua",
}
_GUIDE = "huong-dan/"
_ABOUT_TEMPLATES = {"honoree.html", "story.html", "campaign.html", "conference.html", "criteria.html", "honoree-index.html", "calendar.html", "statistics.html", "open-data.html"}


@dataclass(frozen=True)
class SearchEntry:
    """How a page appears in search results: its title, its kind, and the words readers type for it.

    ``title_keys`` are the title and the d-spellings of its words ('Đổi mới' -> 'Dổi'), weighted
    ``title_weight``: Pagefind folds diacritics but not đ, so 'doi moi' would miss 'Đổi mới' without
    them, and the weight puts the page about a thing above the pages that mention it. ``keys`` are other
    words of the record (a document's number, a profile's unit) and their d-spellings. Both are
    indexed, hidden from view, and left out of the excerpt the search page shows (``hidden_words``).
    """

    title: str
    kind: str
    title_keys: str
    title_weight: int
    keys: str

    @property
    def hidden_words(self) -> str:
        return f"{self.title_keys} {self.keys}".strip()


def kind_of(url: str, template: str | None, facet: str | None = None, page_number: int = 1) -> str | None:
    """The kind shown with a result, or None for a page the search leaves out."""
    if url in ("", urls.SEARCH) or page_number > 1:
        return None
    if template == "honoree-index.html":
        return _FACET_KINDS.get(facet or "")
    if template in _KINDS:
        return _KINDS[template]
    if template in (None, "main.html"):  # an editor's own Markdown page
        return "Hướng dẫn" if url.startswith(_GUIDE) else "Trang"
    return None


def title_weight(template: str | None, facet: str | None = None, tag: bool = False) -> int:
    """How strongly a page's title counts (see ABOUT, MENTIONS, AGGREGATE)."""
    if (template == "honoree-index.html" and facet == "phong-trao") or (template == "story-index.html" and tag):
        return AGGREGATE
    if template in _ABOUT_TEMPLATES or template == "story-index.html":
        return ABOUT
    return MENTIONS


def entry(title: str, kind: str, weight: int, keys: str = "") -> SearchEntry:
    keys = keys.strip()
    return SearchEntry(title, kind, f"{title} {text.d_twins(title)}".strip(), weight, f"{keys} {text.d_twins(keys)}".strip())
