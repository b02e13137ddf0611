"""What a page is made from, as one digest: the values its template prints (the records and the views
made of them), its share preview, search entry and source, beside the templates and site-wide values the
adapter adds. Two builds give a page the same digest when they give its template the same inputs, so a
rebuild renders again only the pages whose digest changed.

A page's inputs are serialised (pickle, in C) and hashed. A record read from a file counts by its stamp
(records/filememo.py: the same while the file is unchanged) instead of its content; a view (a dataclass)
or a long list shared by many pages (a profile on every index page that lists it, the facets on every
index page) counts by its own digest, made once per rebuild.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from typing import Any

from guongsang.pages.base import SitePage

Stamp = Callable[[object], "str | None"]


class Undigestable(Exception):
    """A page's inputs hold a value that cannot be serialised: the page is rendered every time."""


class Digests:
    """Digests of pages, records counted by ``stamp``."""

    def __init__(self, stamp: Stamp) -> None:
        self._stamp = stamp
        self._shared: dict[int, tuple[object, str]] = {}
        self._seen: dict[int, object] = {}
        self._picklers: list[_Pickler] = []
        """One per level of nesting, reused: making a pickler costs more than most values."""
        self._depth = 0

    def page(self, page: SitePage, html_body: str, *extra: object) -> str:
        """The digest of what ``page`` prints with the Markdown's HTML ``html_body``, plus ``extra`` inputs
        (its source, the templates it uses, the site-wide values)."""
        parts = (type(page).__qualname__, page.url, page.front_matter, page.values(html_body), page.search(), page.preview(), page.needs_qr, extra)
        try:
            return self._digest(parts)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as exc:
            raise Undigestable(f"{page.url}: {exc}") from exc

    def _digest(self, value: object) -> str:
        if self._depth == len(self._picklers):
            self._picklers.append(_Pickler(self))
        pickler = self._picklers[self._depth]
        self._depth += 1
        try:
            return pickler.digest(value)
        finally:
            self._depth -= 1

    def reference(self, value: object, root: object) -> str | None:
        """What stands for ``value`` inside another value's serialisation (None: serialise it there)."""
        kind = type(value)
        if (stamp := self._stamp(value)) is not None:
            return stamp
        if value is root or not (hasattr(kind, "__dataclass_fields__") or (kind in (list, dict) and len(value) >= _LONG)):  # type: ignore[arg-type]
            return None
        key = id(value)
        kept = self._shared.get(key)
        if kept is not None and kept[0] is value:
            return kept[1]
        if kind not in (list, dict) and self._seen.get(key) is not value:
            # A view met for the first time is written out in place (most belong to one page); met again
            # (a profile on the index pages that list it), it gets a digest of its own, made once.
            self._seen[key] = value
            return None
        kept = (value, self._digest(value))
        self._shared[key] = kept
        return kept[1]


_ATOMS = frozenset({str, int, float, bool, type(None), bytes, tuple})
_LONG = 16
"""A list or dict this long counts by its own digest (shared lists are long: facets, listings)."""


class _Pickler(pickle.Pickler):
    def __init__(self, digests: Digests) -> None:
        self._buffer = io.BytesIO()
        super().__init__(self._buffer, protocol=pickle.HIGHEST_PROTOCOL)
        self._digests = digests
        self._root: object = None

    def digest(self, value: object) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self.clear_memo()
        self._root = value
        self.dump(value)
        return hashlib.blake2b(self._buffer.getbuffer(), digest_size=16).hexdigest()

    def persistent_id(self, value: Any) -> str | None:
        if type(value) in _ATOMS:  # most values: answered here, without a call
            return None
        return self._digests.reference(value, self._root)
