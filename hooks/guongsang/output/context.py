"""What every kind of output file is written from: the linked site, the settings and the theme's templates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from jinja2 import Environment

    from guongsang.settings import Settings
    from guongsang.site.linking import SiteModel


class OutputError(Exception):
    """A file that cannot be written; the message is for the editor, and nothing is published."""


class CardDrawing(Protocol):
    """The share cards being drawn since the records were loaded (cards.Workshop)."""

    def cards_ready(self) -> list[Path]:
        """The image of each card, in the order they were asked for, once drawn."""
        ...


@dataclass(frozen=True)
class OutputContext:
    site: SiteModel
    settings: Settings
    env: Environment
    """The theme's templates (overrides/ before Material's)."""
    config: Mapping[str, Any]
    """MkDocs's configuration, as the theme's templates read it (config.site_name)."""
    built_at: datetime
    """The build's time (the last commit's with SOURCE_DATE_EPOCH): two builds of one input, one output."""
    cache_dir: Path
    """Files kept between builds, safe to delete (drawn cards, the scanner's clean pages)."""
    taken_down: list[str]
    """Addresses taken down on purpose (ledger), each to serve a neutral page."""
    cards: CardDrawing
    produced: set[Path] = field(default_factory=set)
    """Every file the writers made, changed or not: a rebuild removes those it no longer makes."""
    written: list[Path] = field(default_factory=list)
    """The files whose bytes changed: a rebuild scans only these."""

    def write_text(self, path: Path, content: str, encoding: str = "utf-8") -> None:
        self.write_bytes(path, content.encode(encoding))

    def write_bytes(self, path: Path, data: bytes) -> None:
        self.produced.add(path)
        if write_if_changed(path, data):
            self.written.append(path)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` unless the file holds exactly that already: a rebuild leaves unchanged files as they
    were (their time too, so a browser's or a server's cache of them stays good). True if written."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True
