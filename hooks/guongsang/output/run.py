"""The files written after the pages, in this order. Each kind of file is one module of output/ with
``write(site_dir, context)``; a new kind is a new module, added here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from guongsang.output import calendars, cards, cms, feeds, opendata, redirects, statistics
from guongsang.output.context import OutputContext

WRITERS: tuple[Callable[[Path, OutputContext], None], ...] = (
    cards.write,
    redirects.write,
    feeds.write,
    cms.write,
    calendars.write,
    statistics.write,
    opendata.write,
)


def write_all(site_dir: Path, context: OutputContext) -> None:
    for write in WRITERS:
        write(site_dir, context)
