"""The settings of mkdocs.yml that the checks need, read the same way by the build and by `make check`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

EXTERNAL_REDIRECTS = "chuyen_huong_ra_ngoai"
"""extra.chuyen_huong_ra_ngoai: host names a redirect of data/chuyen-huong.yaml may lead to."""
_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")


@dataclass(frozen=True)
class Settings:
    """What the checks read from mkdocs.yml."""

    nav_pages: frozenset[str] | None = None
    """Markdown files named in 'nav:' (paths under content/); None without 'nav:', when MkDocs puts
    every page in the navigation itself."""
    not_in_nav: str = ""
    """The 'not_in_nav:' patterns (gitignore style): pages meant to stay out of the navigation."""
    external_redirect_hosts: frozenset[str] = frozenset()
    problems: tuple[str, ...] = field(default=())
    """Settings that could not be used, in words for the editor."""

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Settings:
        extra = config.get("extra") or {}
        hosts = extra.get(EXTERNAL_REDIRECTS) or []
        problems = []
        if not isinstance(hosts, list) or not all(isinstance(h, str) and _HOST.match(h.lower()) for h in hosts):
            problems.append(
                f"extra.{EXTERNAL_REDIRECTS} phải là danh sách tên máy chủ được phép chuyển hướng tới,"
                " ví dụ ['sgddt.hungyen.gov.vn']"
            )
            hosts = []
        return cls(
            nav_pages=frozenset(_nav_files(config["nav"])) if config.get("nav") else None,
            not_in_nav=str(config.get("not_in_nav") or ""),
            external_redirect_hosts=frozenset(h.lower() for h in hosts),
            problems=tuple(problems),
        )


def read_settings(root: Path) -> Settings:
    """The settings of ``root``/mkdocs.yml (empty settings when it has none)."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return Settings()
    return Settings.from_config(yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {})


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml names Python objects (!!python/name:…); the checks only need plain values."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _nav_files(nav: Iterable[Any]) -> Iterable[str]:
    """Every Markdown path in a 'nav:' tree (titles and external links left out)."""
    for item in nav:
        if isinstance(item, str):
            if item.endswith(".md"):
                yield item
        elif isinstance(item, Mapping):
            for value in item.values():
                if isinstance(value, str):
                    if value.endswith(".md"):
                        yield value
                elif isinstance(value, list):
                    yield from _nav_files(value)
