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


def person_sort_key(given: str, middle: str, family: str, override: str | None = None) -> tuple[bytes, ...]:
    """Vietnamese order of people: given name (the last word), then middle name, then family name.

    ``override`` is the record's own sort key, for names that do not follow the family-first order.
    """
    if override:
        return (sort_key(override),)
    return (sort_key(given), sort_key(middle), sort_key(family))
