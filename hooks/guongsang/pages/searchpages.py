"""How the site search finds a page: the kind each result shows, how strongly its title counts, and the
words it must also match. Each page kind says its own (``search`` of the classes in pages/).

A reader looks for the page about a thing: a profile, a document, a story, a campaign, a conference, a
criteria page, the list of a unit, award, subject type, year or campaign, the story listing, a guide
page. Left out: the home page and the search page (they name everything), pages 2, 3… of a listing
(the same heading as page 1, and their cards are not indexed anyway: a name finds its profile, not
the lists it sits in), the A–Z lists (a letter is not a thing readers search for), and pages outside
the theme (redirects, taken-down addresses, the editor).
"""

from __future__ import annotations

from dataclasses import dataclass

from guongsang.lang import text

ABOUT = 10
"""Weight of the title of a page about one thing (a person, a campaign, a unit's list…): Pagefind's highest."""
MENTIONS = 7
"""Weight of the title of a page that names things it is not about: a document, a guide, a section's index."""
AGGREGATE = 5
"""Weight of the title of a list that repeats the title of the page about its subject (the honorees of a
campaign, the stories of a tag): below that page."""

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


def entry(title: str, kind: str, weight: int, keys: str = "") -> SearchEntry:
    """The entry of a page titled ``title``, with the d-spellings of its title and keys."""
    keys = keys.strip()
    return SearchEntry(title, kind, f"{title} {text.d_twins(title)}".strip(), weight, f"{keys} {text.d_twins(keys)}".strip())
