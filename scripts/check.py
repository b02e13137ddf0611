"""Check every input exactly as the build loads it; print every problem; exit 1 on any error.

Usage: python scripts/check.py [--root PROJECT]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from guongsang.project import ProjectPaths, load_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kiểm tra dữ liệu và văn bản, đúng như khi dựng trang.")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1], help="thư mục dự án")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    loaded = load_project(ProjectPaths.at(args.root))
    print(loaded.report.render(), file=sys.stderr)
    if loaded.site is not None:
        site = loaded.site
        counts = (
            f"{len(site.documents)} văn bản, {len(site.units)} đơn vị, {len(site.campaigns)} phong trào,"
            f" {len(site.criteria_sets)} bộ tiêu chí, {len(site.award_types)} danh hiệu, {len(site.honorees)} hồ sơ, {len(site.conferences)} hội nghị"
        )
        print(f"Đã kiểm tra {counts} trong {time.perf_counter() - started:.2f} giây.", file=sys.stderr)
    return 0 if loaded.report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
