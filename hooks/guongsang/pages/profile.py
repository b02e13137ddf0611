"""An honoree's profile: one page per published honoree, out of the navigation, with its share card and QR code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guongsang.pages import searchpages
from guongsang.pages.base import Preview, SitePage
from guongsang.pages.searchpages import SearchEntry
from guongsang.site.linking import SiteModel
from guongsang.site.profiles import Profile


@dataclass(frozen=True)
class ProfilePage(SitePage):
    profile: Profile
    template = "honoree.html"
    share_type = "profile"
    needs_qr = True

    @property
    def url(self) -> str:
        return self.profile.url

    @property
    def title(self) -> str:
        return self.profile.name

    def values(self, html_body: str) -> dict[str, Any]:
        return {"profile": self.profile}

    def preview(self) -> Preview:
        return Preview(self.profile.name, self.profile.description, self.profile.card_url)

    def search(self) -> SearchEntry:
        return searchpages.entry(self.title, "Gương điển hình", searchpages.ABOUT, self.profile.search_names)


def profile_pages(site: SiteModel) -> list[SitePage]:
    return [ProfilePage(profile) for profile in site.profiles]
