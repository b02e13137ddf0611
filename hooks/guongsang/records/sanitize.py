"""Editors' Markdown may carry raw HTML: it is reduced to an allow list, so no script ever reaches a reader."""

from __future__ import annotations

import re

import nh3

_ALLOWED_TAGS = nh3.ALLOWED_TAGS - {"area", "map"}
_ALLOWED_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"class", "id", "title", "lang"},
    "a": {"href", "title", "class", "id", "hreflang", "download"},
    "img": {"src", "alt", "width", "height", "loading", "srcset", "sizes", "class"},
    "td": {"colspan", "rowspan", "align", "class"},
    "th": {"colspan", "rowspan", "align", "scope", "class"},
}
_SCHEMES = {"http", "https", "mailto", "tel"}
SCRIPT_LINK = re.compile(r"(?:\]\(\s*|(?:href|src)\s*=\s*[\"']?\s*)(?P<scheme>javascript|vbscript|data)\s*:", re.I)
RAW_HTML = re.compile(r"<\s*(script|iframe|object|embed|style|form|input|button)\b|\son[a-z]+\s*=", re.I)


def clean_html(fragment: str) -> str:
    """The page body with only allowed tags, attributes and link schemes ('javascript:' links removed)."""
    return nh3.clean(fragment, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES, url_schemes=_SCHEMES, link_rel="noopener")
