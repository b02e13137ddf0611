"""Bring office files into the project: a plan written in Word, or a list of honorees from a spreadsheet.

  python scripts/import.py van-ban KE-HOACH.docx [--co-quan-chu-quan "UBND TỈNH …"] [--ra content/van-ban/….md]
      a plan (.docx, .txt, .md) becomes a document file with its front matter filled; what the text does
      not say is listed, and the file is kept only if it is valid
  python scripts/import.py danh-sach DANH-SACH.xlsx [--ghi] [--ghi-de]
      a list of honorees (.xlsx, .csv) becomes one YAML file per honoree; without --ghi it only shows the changes
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guongsang.office import planimport, rosterimport
from guongsang.project import ProjectPaths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Nhập văn bản (Word, văn bản thường) và danh sách khen thưởng (Excel, CSV).")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1], help="thư mục dự án")
    commands = parser.add_subparsers(dest="command", required=True)
    planimport.add_arguments(commands.add_parser("van-ban", help="nhập một kế hoạch, văn bản (.docx, .txt, .md)"))
    rosterimport.add_arguments(commands.add_parser("danh-sach", help="nhập danh sách khen thưởng (.xlsx, .csv)"))
    args = parser.parse_args(argv)
    paths = ProjectPaths.at(args.root)
    module = planimport if args.command == "van-ban" else rosterimport
    return module.run(args, paths)


if __name__ == "__main__":
    sys.exit(main())
