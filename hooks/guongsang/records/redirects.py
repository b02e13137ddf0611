"""A redirect asked for: an honoree's old id ('ma_cu') or a line of data/chuyen-huong.yaml, with the
place that asks for it (for messages). site/redirects.py collects them; checks/redirects.py checks them."""

from __future__ import annotations

from dataclasses import dataclass

from guongsang import urls


@dataclass(frozen=True)
class Redirect:
    old: str
    """A site address ('guong/ma-cu/')."""
    new: str
    """A site address, or an outside 'https://' address."""
    path: str
    """The file that asks for it, and where: for messages."""
    line: int
    col: int

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def external(self) -> bool:
        return urls.is_outside(self.new)
