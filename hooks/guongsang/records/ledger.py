"""The ledger of published addresses, read and written: a shared link never breaks without someone
deciding it should.

data/dia-chi-da-cong-bo.txt lists, one per line, every permanent address the site has published
(profiles, stories, documents). `make build` adds new addresses after a successful build. An address
in the ledger must still lead somewhere (checks/ledger.py): to its page, to a redirect (an honoree's
'ma_cu', or data/chuyen-huong.yaml), or be marked taken down ('go-xuong <date>'), which serves a neutral
page. The file is plain text, an address a line, not YAML.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from guongsang import urls
from guongsang.diagnostics import Report
from guongsang.lang.dates import parse_full_date
from guongsang.paths import site_address_problem
from guongsang.records.dataset import SYMLINK_REFUSED
from guongsang.records.sourcefile import read_text

HEADER = """\
# Các địa chỉ trang đã công bố. `make build` tự thêm địa chỉ mới; đừng xóa dòng nào.
# Một địa chỉ không còn trang thì phải: chuyển hướng (ghi mã cũ vào 'ma_cu' của hồ sơ, hoặc thêm vào
# data/chuyen-huong.yaml), hoặc được gỡ xuống có chủ ý: viết thêm "go-xuong NGÀY" sau địa chỉ,
# ví dụ: guong/nguyen-van-a/ go-xuong 2026-01-15
"""
LINE = re.compile(r"^(?P<url>\S+)(?:\s+go-xuong\s+(?P<date>\S+))?\s*$")
"""A line of the ledger: an address, maybe taken down on a date."""


@dataclass(frozen=True)
class LedgerEntry:
    url: str
    line: int
    taken_down: date | None = None


def read_ledger(path: Path, rel: str, report: Report) -> dict[str, LedgerEntry]:
    entries: dict[str, LedgerEntry] = {}
    if not path.is_file() and not path.is_symlink():
        return entries
    if path.is_symlink():
        report.error(rel, 0, 0, SYMLINK_REFUSED)
        return entries
    source = read_text(path, rel, report)
    if source is None:
        return entries
    for number, line in enumerate(source.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = LINE.match(line.strip())
        if not match:
            report.error(rel, number, 1, "dòng phải là một địa chỉ, có thể kèm 'go-xuong NGÀY', ví dụ 'guong/nguyen-van-a/ go-xuong 2026-01-15'")
            continue
        problem = site_address_problem(match.group("url"))
        if problem:
            report.error(rel, number, line.index(match.group("url")) + 1, f"địa chỉ '{match.group('url')}': {problem}")
            continue
        taken_down = None
        if match.group("date"):
            try:
                taken_down = parse_full_date(match.group("date"))
            except ValueError as exc:
                report.error(rel, number, line.index(match.group("date")) + 1, f"ngày gỡ xuống: {exc}")
                continue
        url = urls.normalize(match.group("url"))
        entries[url] = LedgerEntry(url, number, taken_down)
    return entries


def takedowns(ledger: dict[str, LedgerEntry], withdrawn: Collection[str], pages: set[str], redirects: Collection[str]) -> list[str]:
    """Addresses taken down (on purpose, or ``withdrawn`` consent) and not live again: each serves a neutral page."""
    down = {e.url for e in ledger.values() if e.taken_down} | set(withdrawn)
    return sorted(url for url in down if url not in pages and url not in redirects)


def updated_ledger(path: Path, permanent: Collection[str], withdrawn: Mapping[str, date]) -> str | None:
    """The ledger with the ``permanent`` addresses of a build added and the ``withdrawn`` ones (address →
    day consent was withdrawn) marked taken down; None if unchanged."""
    existing = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    lines = existing.splitlines()
    head = [line for line in lines if line.lstrip().startswith("#") or not line.strip()]
    entries: dict[str, str] = {}
    for line in lines:
        match = LINE.match(line.strip()) if line.strip() and not line.lstrip().startswith("#") else None
        if match:
            entries[urls.normalize(match.group("url"))] = line.strip()
    for url in set(permanent) - set(entries):
        entries[url] = url
    for url, day in withdrawn.items():
        if url in entries and "go-xuong" not in entries[url]:
            entries[url] = f"{url} go-xuong {day.isoformat()}"
    text = "\n".join([*head, *(entries[url] for url in sorted(entries))]) + "\n"
    return None if text == existing else text
