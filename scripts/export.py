"""Office tables as XLSX and CSV, written to a folder you name (never into the published site).

  python scripts/export.py trich-ngang <mã hội nghị> --ra THƯ_MỤC
      achievement summary ("trích ngang thành tích") of the delegates a conference sends above
  python scripts/export.py thong-ke --tu 2020 --den 2025 --ra THƯ_MỤC
      Appendix 02 award statistics of a period

These tables cover every record, published or not: keep them in the office.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guongsang.office import exports
from guongsang.project import ProjectPaths, load_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Xuất bảng trích ngang thành tích và thống kê khen thưởng (XLSX, CSV).")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1], help="thư mục dự án")
    commands = parser.add_subparsers(dest="command", required=True)
    summary = commands.add_parser("trich-ngang", help="trích ngang thành tích đại biểu cử đi dự cấp trên của một hội nghị")
    summary.add_argument("hoi_nghi", help="mã hội nghị trong data/hoi-nghi/")
    summary.add_argument("--ra", type=Path, required=True, help="thư mục ghi tệp (ngoài trang công khai)")
    statistics = commands.add_parser("thong-ke", help="Phụ lục 02: thống kê số liệu khen thưởng của một giai đoạn")
    statistics.add_argument("--tu", type=int, required=True, help="năm đầu, ví dụ 2020")
    statistics.add_argument("--den", type=int, required=True, help="năm cuối, ví dụ 2025")
    statistics.add_argument("--ra", type=Path, required=True, help="thư mục ghi tệp (ngoài trang công khai)")
    args = parser.parse_args(argv)

    paths = ProjectPaths.at(args.root)
    target = args.ra.resolve()
    try:
        exports.check_folder(paths, target)
    except exports.ExportError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    loaded = load_project(paths)
    if loaded.site is None or not loaded.report.ok:
        print(loaded.report.render(), file=sys.stderr)
        print("lỗi: dữ liệu còn lỗi; sửa theo các dòng trên rồi xuất lại", file=sys.stderr)
        return 1
    try:
        if args.command == "trich-ngang":
            written = exports.summary_files(loaded.site, args.hoi_nghi, target)
        else:
            written = exports.statistics_files(loaded.site, args.tu, args.den, target)
    except exports.ExportError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"Đã ghi {path}", file=sys.stderr)
    return 0

if __name__ == "__main__":
    sys.exit(main())
