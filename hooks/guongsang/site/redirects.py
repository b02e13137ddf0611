"""Redirects asked for by the records, in file order: an honoree's old ids ('ma_cu') and
data/chuyen-huong.yaml (checked in checks/redirects.py)."""

from __future__ import annotations

from guongsang import urls
from guongsang.records.dataset import DataSet
from guongsang.records.redirects import Redirect
from guongsang.site.profiles import Profile


def collect_redirects(profiles: list[Profile], data: DataSet) -> list[Redirect]:
    """Every redirect asked for, in file order."""
    found = []
    for profile in profiles:
        entry = data.honorees[profile.id]
        for i, old in enumerate(profile.honoree.old_ids):
            mark = entry.mark("ma_cu", i)
            found.append(Redirect(urls.honoree_url(old), profile.url, entry.path, mark.line, mark.col))
    if data.redirects:
        entry = data.redirects
        for i, redirect in enumerate(entry.record.redirects):
            mark = entry.mark("chuyen_huong", i, "tu")
            new = redirect.new if urls.is_outside(redirect.new) else urls.normalize(redirect.new)
            found.append(Redirect(urls.normalize(redirect.old), new, entry.path, mark.line, mark.col))
    return found
