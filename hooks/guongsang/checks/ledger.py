"""The ledger (records/ledger.py) against the build: every published address still leads somewhere, a
takedown never hides a page, and no line the ledger ever held was deleted."""

from __future__ import annotations

import subprocess
from collections.abc import Collection
from pathlib import Path

from guongsang import urls
from guongsang.diagnostics import Report
from guongsang.records.ledger import LINE, LedgerEntry


def check_ledger(
    ledger: dict[str, LedgerEntry], rel: str, pages: set[str], permanent: set[str], redirects: Collection[str],
    withdrawn: Collection[str], report: Report,
) -> None:
    """Every published address still leads somewhere; a takedown never hides a page of the build.

    ``pages`` are the addresses of every page the build writes, ``permanent`` those people share and keep,
    ``redirects`` the old addresses that lead on, ``withdrawn`` those down because consent was withdrawn.
    """
    for entry in ledger.values():
        if entry.taken_down and entry.url in pages and entry.url not in permanent:
            report.error(rel, entry.line, 1, f"địa chỉ '{entry.url}' đang có trang nên không gỡ xuống được; bỏ 'go-xuong' ở dòng này")
            continue
        if entry.taken_down or entry.url in permanent or entry.url in redirects or entry.url in withdrawn:
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
            match = LINE.match(line[1:].strip()) if line.startswith("+") and not line.startswith("+++") else None
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
