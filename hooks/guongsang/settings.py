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
ORGANIZATION_FILE = "data/to-chuc.yaml"
MISPLACED_AGENCY_KEYS = {("copyright",): "giay_phep", ("extra", "co_quan"): "ten, lien_he, nguoi_chiu_trach_nhiem, giay_phep"}
"""Keys of mkdocs.yml where Material (copyright) or an editor might put the agency's details, and the
fields of data/to-chuc.yaml that hold them instead: the agency is written in one place, the file the web
editor can change and the checks read with its lines."""


@dataclass(frozen=True)
class Problem:
    """A setting that cannot be used: its line in mkdocs.yml (0 when unknown) and what to do, for the editor."""

    line: int
    message: str


@dataclass(frozen=True)
class Settings:
    """What the checks read from mkdocs.yml."""

    nav_pages: frozenset[str] | None = None
    """Markdown files named in 'nav:' (paths under content/); None without 'nav:', when MkDocs puts
    every page in the navigation itself."""
    not_in_nav: str = ""
    """The 'not_in_nav:' patterns (gitignore style): pages meant to stay out of the navigation."""
    external_redirect_hosts: frozenset[str] = frozenset()
    problems: tuple[Problem, ...] = field(default=())
    """Settings that could not be used, in words for the editor."""

    @classmethod
    def from_config(cls, config: Mapping[str, Any], lines: Mapping[tuple[str, ...], int] | None = None) -> Settings:
        """The settings of a loaded mkdocs.yml; ``lines`` (key path -> line) is read from MkDocs's
        config file when not given."""
        if lines is None:
            path = getattr(config, "config_file_path", None)
            lines = key_lines(Path(path).read_text(encoding="utf-8")) if path and Path(path).is_file() else {}
        extra = config.get("extra") or {}
        hosts = extra.get(EXTERNAL_REDIRECTS) or []
        problems = []
        if not isinstance(hosts, list) or not all(isinstance(h, str) and _HOST.match(h.lower()) for h in hosts):
            problems.append(Problem(
                lines.get(("extra", EXTERNAL_REDIRECTS), 0),
                f"extra.{EXTERNAL_REDIRECTS} phải là danh sách tên máy chủ được phép chuyển hướng tới,"
                " ví dụ ['sgddt.hungyen.gov.vn']",
            ))
            hosts = []
        for keys, fields in MISPLACED_AGENCY_KEYS.items():
            owner = extra if keys[0] == "extra" else config
            if owner.get(keys[-1]):
                problems.append(Problem(
                    lines.get(keys, 0),
                    f"'{'.'.join(keys)}': thông tin cơ quan chỉ ghi một chỗ, trong {ORGANIZATION_FILE} (sửa được trên web,"
                    f" hiện ở đầu và chân mọi trang); chuyển nội dung này sang {fields} của {ORGANIZATION_FILE}"
                    " rồi xóa khỏi mkdocs.yml",
                ))
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
    source = path.read_text(encoding="utf-8")
    return Settings.from_config(yaml.load(source, Loader=_ConfigLoader) or {}, key_lines(source))


def key_lines(source: str) -> dict[tuple[str, ...], int]:
    """The line (from 1) of each top-level key of mkdocs.yml and of each key under 'extra:'."""
    try:
        root = yaml.compose(source, Loader=_ConfigLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[tuple[str, ...], int] = {}
    for key, value in root.value if isinstance(root, yaml.MappingNode) else []:
        lines[(key.value,)] = key.start_mark.line + 1
        if key.value == "extra" and isinstance(value, yaml.MappingNode):
            lines |= {("extra", sub.value): sub.start_mark.line + 1 for sub, _ in value.value}
    return lines


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
