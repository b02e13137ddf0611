"""Regenerate data/schemas/*.schema.json from the models (run after changing hooks/guongsang/records/models.py).

Usage: python scripts/schemas.py [--root PROJECT]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guongsang.project import ProjectPaths
from guongsang.records.schemas import write_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sinh lại các tệp JSON Schema trong data/schemas/ từ mô hình dữ liệu.")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1], help="thư mục dự án")
    args = parser.parse_args(argv)
    changed = write_schemas(ProjectPaths.at(args.root).data_dir)
    for path in changed:
        print(f"đã cập nhật {path.relative_to(args.root)}")
    print(f"{len(changed)} tệp thay đổi.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
