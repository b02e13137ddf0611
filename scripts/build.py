"""Strict build into a temporary folder, swapped into site/ only on success.

A failed build, whatever fails, publishes nothing and leaves the previous site/ as it was.
Usage: python scripts/build.py [--root PROJECT] [--thu]

A build is for publishing: it refuses a site_url that readers cannot open (empty or loopback), unless
--thu asks for a build to look at on this machine only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from guongsang.mkdocs_adapter.buildrun import build_lock
from guongsang.settings import RECORD_ADDRESSES, TRIAL_BUILD


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Dựng trang vào site/ (nghiêm ngặt, không để lại bản dở dang).")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1], help="thư mục dự án")
    parser.add_argument("--thu", action="store_true", help="dựng để xem trên máy này (chấp nhận site_url là 127.0.0.1), không để xuất bản")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    with build_lock(root, lambda: print("Một lần dựng trang khác đang chạy trong thư mục này; chờ lần đó xong rồi dựng tiếp…", file=sys.stderr)):
        return _build(root, trial=args.thu)


def _build(root: Path, *, trial: bool) -> int:
    site, fresh, old = root / "site", root / ".site-tmp", root / ".site-old"
    shutil.rmtree(fresh, ignore_errors=True)
    started = time.perf_counter()
    # The build records newly published addresses in the ledger (`make serve` does not: it would
    # write into the folders it watches).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", RECORD_ADDRESSES: "1"}
    if trial:
        env[TRIAL_BUILD] = "1"
    # Dates written into the output (sitemap, gzip header) come from the last commit, not the clock,
    # so the same input builds to the same bytes on any day.
    if "SOURCE_DATE_EPOCH" not in env:
        commit_time = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=False)
        if commit_time.returncode == 0 and commit_time.stdout.strip():
            env["SOURCE_DATE_EPOCH"] = commit_time.stdout.strip()
    # Not --quiet: MkDocs would then drop its warnings before strict mode counts them.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(fresh)]
    result = subprocess.run(command, cwd=root, env=env, check=False)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print("Dựng trang thất bại: site/ cũ được giữ nguyên, chưa xuất bản gì.", file=sys.stderr)
        return result.returncode
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Đã dựng trang vào site/ trong {time.perf_counter() - started:.1f} giây.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
