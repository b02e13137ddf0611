"""The ledger of published addresses: a shared link never breaks without someone deciding it should.

data/dia-chi-da-cong-bo.txt lists, one per line, every permanent address the site has published
(profiles, stories, documents). `make build` adds new addresses after a successful build. An address
in the ledger must still lead somewhere: to its page, to a redirect (an honoree's 'ma_cu', or
data/chuyen-huong.yaml), or be marked taken down ('go-xuong <date>'), which serves a neutral page.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from guongsang import urls
from guongsang.diagnostics import Report
from guongsang.lang.dates import parse_full_date
from guongsang.paths import site_address_problem
from guongsang.records.dataset import SYMLINK_REFUSED
from guongsang.records.sourcefile import read_text
from guongsang.site.linking import SiteModel

HEADER = """\
# Các địa chỉ trang đã công bố. `make build` tự thêm địa chỉ mới; đừng xóa dòng nào.
# Một địa chỉ không còn trang thì phải: chuyển hướng (ghi mã cũ vào 'ma_cu' của hồ sơ, hoặc thêm vào
# data/chuyen-huong.yaml), hoặc được gỡ xuống có chủ ý: viết thêm "go-xuong NGÀY" sau địa chỉ,
# ví dụ: guong/nguyen-van-a/ go-xuong 2026-01-15
"""
_LINE = re.compile(r"^(?P<url>\S+)(?:\s+go-xuong\s+(?P<date>\S+))?\s*$")


@dataclass(frozen=True)
class LedgerEntry:
    url: str
    line: int
    taken_down: date | None = None


def permanent_urls(site: SiteModel) -> set[str]:
    """The addresses people share and keep: profiles, stories, documents, campaigns, conferences."""
    return (
        {p.url for p in site.profiles} | {s.url for s in site.stories} | {d.url for d in site.documents}
        | {c.url for c in site.campaign_views} | {c.url for c in site.conferences}
    )


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
        match = _LINE.match(line.strip())
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


def check_ledger(site: SiteModel, ledger: dict[str, LedgerEntry], rel: str, pages: set[str], report: Report) -> None:
    """Every published address still leads somewhere; a takedown never hides a page of the build.

    ``pages`` are the addresses of every page the build writes.
    """
    live = permanent_urls(site)
    for entry in ledger.values():
        if entry.taken_down and entry.url in pages and entry.url not in live:
            report.error(rel, entry.line, 1, f"địa chỉ '{entry.url}' đang có trang nên không gỡ xuống được; bỏ 'go-xuong' ở dòng này")
            continue
        if entry.taken_down or entry.url in live or entry.url in site.redirects or entry.url in site.withdrawn:
            continue
        if entry.url.startswith(urls.HONOREES):
            moved = "nếu hồ sơ đổi mã, ghi mã cũ vào 'ma_cu' của hồ sơ"
        else:
            moved = "nếu trang đổi địa chỉ (đổi tên tệp), thêm vào data/chuyen-huong.yaml"
        report.error(
            rel, entry.line, 1,
            f"địa chỉ '{entry.url}' đã công bố nhưng không còn trang nào: {moved};"
            f" nếu gỡ xuống có chủ ý, viết '{entry.url} go-xuong NGÀY' ở dòng này",
        )


def check_history(root: Path, rel: str, ledger: dict[str, LedgerEntry], report: Report) -> None:
    """A line the ledger ever held is still there: deleting a page together with its line would break
    the link silently. The history comes from Git (nothing is checked outside a repository)."""
    result = subprocess.run(
        ["git", "log", "--format=%x00%h %cs", "-p", "--no-color", "--unified=0", "--", rel],
        cwd=root, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        return
    recorded: dict[str, str] = {}
    for commit in result.stdout.split("\0")[1:]:  # newest first: keep the oldest commit of each address
        header, _, diff = commit.partition("\n")
        for line in diff.splitlines():
            match = _LINE.match(line[1:].strip()) if line.startswith("+") and not line.startswith("+++") else None
            if match and not line[1:].lstrip().startswith("#"):
                recorded[urls.normalize(match.group("url"))] = header.strip()
    for url, commit in sorted(recorded.items()):
        if url not in ledger:
            short, day = commit.split(" ")
            report.error(
                rel, 0, 0,
                f"địa chỉ '{url}' đã được ghi vào sổ (lần lưu {short} ngày {day}) nhưng dòng đó đã bị xóa: người đã có"
                f" liên kết sẽ gặp trang lỗi; khôi phục dòng '{url}', thêm 'go-xuong NGÀY' nếu trang được gỡ có chủ ý",
            )


def takedowns(site: SiteModel, ledger: dict[str, LedgerEntry], pages: set[str]) -> list[str]:
    """Addresses taken down (on purpose, or consent withdrawn) and not live again: each serves a neutral page."""
    down = {e.url for e in ledger.values() if e.taken_down} | set(site.withdrawn)
    return sorted(url for url in down if url not in pages and url not in site.redirects)


def updated_ledger(path: Path, site: SiteModel) -> str | None:
    """The ledger with the site's new addresses added and withdrawn ones marked taken down; None if unchanged."""
    existing = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    lines = existing.splitlines()
    head = [line for line in lines if line.lstrip().startswith("#") or not line.strip()]
    entries: dict[str, str] = {}
    for line in lines:
        match = _LINE.match(line.strip()) if line.strip() and not line.lstrip().startswith("#") else None
        if match:
            entries[urls.normalize(match.group("url"))] = line.strip()
    for url in permanent_urls(site) - set(entries):
        entries[url] = url
    for url, day in site.withdrawn.items():
        if url in entries and "go-xuong" not in entries[url]:
            entries[url] = f"{url} go-xuong {day.isoformat()}"
    text = "\n".join([*head, *(entries[url] for url in sorted(entries))]) + "\n"
    return None if text == existing else text
