"""Vietnamese alphabetical order (ICU's Vietnamese rules): a ă â b c d đ e ê …, tones after letters."""

from __future__ import annotations

from functools import lru_cache

import icu


@lru_cache(maxsize=1)
def _collator() -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("vi"))


def sort_key(value: str) -> bytes:
    """A key that sorts Vietnamese text in dictionary order (never by code point)."""
    return _collator().getSortKey(value)
