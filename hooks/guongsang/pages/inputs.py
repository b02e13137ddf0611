"""What a page is made from, as one digest: the values its template prints (the records and the views
made of them), its share preview, search entry and source, beside the templates and site-wide values the
adapter adds. Two builds give a page the same digest when they give its template the same inputs, so a
rebuild renders again only the pages whose digest changed.

A page's inputs are serialised (pickle, in C) and hashed. A record read from a file counts by its stamp
(records/filememo.py: the same while the file is unchanged) instead of its content; a view (a dataclass)
shared by many pages (a profile on every index page that lists it) counts by its own digest, made once
per rebuild.
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
        self._reducers = _Reducers(self)

    def page(self, page: SitePage, html_body: str, *extra: object) -> str:
        """The digest of what ``page`` prints with the Markdown's HTML ``html_body``, plus ``extra`` inputs
        (its source, the templates it uses, the site-wide values)."""
        parts = (type(page).__qualname__, page.url, page.front_matter, page.values(html_body), page.search(), page.preview(), page.needs_qr, extra)
        try:
            return self._digest(parts)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as exc:
            raise Undigestable(f"{page.url}: {exc}") from exc

    def _digest(self, value: object) -> str:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = self._reducers
        self._reducers.roots.append(value)
        try:
            pickler.dump(value)
        finally:
            self._reducers.roots.pop()
        return hashlib.blake2b(buffer.getbuffer(), digest_size=16).hexdigest()

    def reduce(self, value: Any) -> tuple[Any, ...]:
        """How an object (not a str, number, list, tuple or dict: those the pickler writes itself) is
        written: a record by its stamp, a view met again by its own digest, anything else as pickle does."""
        if (stamp := self._stamp(value)) is not None:
            return (_Reference, (stamp,))
        key = id(value)
        if hasattr(type(value), "__dataclass_fields__") and value is not self._reducers.roots[-1]:
            kept = self._shared.get(key)
            if kept is not None and kept[0] is value:
                return (_Reference, (kept[1],))
            if self._seen.get(key) is value:
                kept = (value, self._digest(value))
                self._shared[key] = kept
                return (_Reference, (kept[1],))
            # A view met for the first time is written out in place (most belong to one page); met again
            # (a profile on the index pages that list it), it gets a digest of its own, made once.
            self._seen[key] = value
        return value.__reduce_ex__(pickle.HIGHEST_PROTOCOL)  # type: ignore[no-any-return]


class _Reference(str):
    """A record's stamp or a view's digest, standing for it."""


class _Reducers(dict[type, Any]):
    """The pickler's dispatch table: asked only for types the pickler does not write itself, so strings,
    numbers and containers never call back into Python."""

    def __init__(self, digests: Digests) -> None:
        super().__init__()
        self._digests = digests
        self.roots: list[object] = []

    def __missing__(self, kind: type) -> Any:
        if issubclass(kind, type):  # a class (of a metaclass, e.g. a model's): pickled by name
            raise KeyError(kind)
        self[kind] = reduce = self._digests.reduce
        return reduce
