"""Bring office files into the project: a plan written in Word, or a list of honorees from a spreadsheet.

  python scripts/import.py van-ban KE-HOACH.docx [--co-quan-chu-quan "UBND TỈNH …"] [--ra content/van-ban/….md]
      a plan (.docx, .txt, .md) becomes a document file with its front matter filled; what the text does
      not say is listed, and the file is kept only if it is valid
  python scripts/import.py danh-sach DANH-SACH.xlsx [--ghi] [--ghi-de]
      a list of honorees (.xlsx, .csv) becomes one YAML file per honoree; without --ghi it only shows the changes

Which file formats each import reads is decided in hooks/guongsang/office/formats.py.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from guongsang.lang.dates import parse_full_date
from guongsang.office import planimport, rosterimport
from guongsang.office.plansource import PlanFileError
from guongsang.office.rosterrows import RowDefaults
from guongsang.office.rostersheet import SheetError
from guongsang.project import ProjectPaths
from guongsang.records import consent
from guongsang.records.models import SubjectType

T = TypeVar("T")


def checked(read: Callable[[str], T]) -> Callable[[str], T]:
    """An option's reader whose ValueError argparse shows as it is (the reason, in Vietnamese)."""

    def parse(value: str) -> T:
        try:
            return read(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


# ---- van-ban: a plan ----


def plan_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("tep", type=Path, help="tệp kế hoạch: .docx, .txt hoặc .md")
    for key, (flag, label, example) in planimport.SUPPLIED.items():
        parser.add_argument(
            flag, dest=key, type=checked(planimport.issued_value) if key == "ngay_ban_hanh" else str,
            help=f"{label} khi văn bản không ghi, ví dụ {example}",
        )
    parser.add_argument("--ra", help="tệp sẽ tạo, tính từ thư mục dự án (mặc định content/van-ban/<năm>-<số hoặc trích yếu>.md)")


def import_plan(args: argparse.Namespace, paths: ProjectPaths) -> int:
    supplied = {key: getattr(args, key) for key in planimport.SUPPLIED if getattr(args, key) is not None}
    try:
        result = planimport.import_plan(paths, planimport.PlanOptions(args.tep, supplied, args.ra))
    except PlanFileError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    print(result.summary, file=sys.stderr)
    if result.new_file is None:
        print(
            f"lỗi: chưa tạo tệp: văn bản không ghi {', '.join(result.missing_required)}; thêm các tùy chọn gợi ý ở trên rồi chạy lại",
            file=sys.stderr,
        )
        return 1
    messages = result.new_file.messages(
        taken="chọn tên khác với --ra", fix="bổ sung các giá trị trên (xem các tùy chọn --co-quan-chu-quan, --dia-danh…) rồi chạy lại"
    )
    print("\n".join(messages), file=sys.stderr)
    return int(result.new_file.status)


# ---- danh-sach: a list of honorees ----


def list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("tep", metavar="TỆP", help="danh sách .xlsx hoặc .csv (UTF-8 hoặc Windows-1258, dấu phân cách ',' hoặc ';')")
    parser.add_argument("--trang", help="tên trang tính trong tệp .xlsx (mặc định: trang đầu)")
    parser.add_argument("--ghi", action="store_true", help="ghi các tệp (mặc định chỉ chạy thử và hiện thay đổi)")
    parser.add_argument("--ghi-de", action="store_true", help="lấy giá trị trong danh sách khi khác với tệp đã có (mặc định giữ như tệp)")
    parser.add_argument("--cong-khai", action="store_true", help="công khai ngay hồ sơ mới của người lớn và tập thể (không bao giờ với học sinh)")
    parser.add_argument("--doi-tuong", choices=[s.value for s in SubjectType], help="đối tượng của mọi dòng không có cột 'Đối tượng'")
    parser.add_argument("--nam-hoc", type=checked(rosterimport.school_year), help="năm học của mọi dòng không ghi năm học, ví dụ 2023-2024")
    parser.add_argument("--nam", type=int, help="năm của mọi dòng không ghi năm học hay năm, ví dụ 2024")
    parser.add_argument("--so-quyet-dinh", type=checked(rosterimport.reference_number), help="số quyết định của mọi dòng không ghi, ví dụ 812/QĐ-SGDĐT")
    parser.add_argument("--ngay-quyet-dinh", type=checked(parse_full_date), help="ngày quyết định của mọi dòng không ghi, ví dụ 15/08/2024")
    parser.add_argument("--co-quan", help="cơ quan ban hành quyết định của mọi dòng không ghi")
    parser.add_argument("--phong-trao", help="mã hoặc tên phong trào thi đua của mọi dòng không ghi")


_FAILED = "Có lỗi: chưa ghi tệp nào. Sửa danh sách (hoặc tệp) theo các dòng trên rồi chạy lại."


def import_list(args: argparse.Namespace, paths: ProjectPaths) -> int:
    """Show (and with --ghi, write) the files a list makes; 0 when it can be (or was) imported, 1 when not."""
    defaults = RowDefaults(
        subject=SubjectType(args.doi_tuong) if args.doi_tuong else None, school_year=args.nam_hoc, year=args.nam,
        decision_number=args.so_quyet_dinh, decision_date=args.ngay_quyet_dinh, issuer=args.co_quan, campaign=args.phong_trao,
    )
    options = rosterimport.RosterOptions(
        Path(args.tep), args.tep, args.trang, write=args.ghi, overwrite=args.ghi_de, publish=args.cong_khai, defaults=defaults
    )
    try:
        result = rosterimport.import_list(paths, options)
    except SheetError as exc:
        print(exc.diagnostic, file=sys.stderr)
        print(_FAILED, file=sys.stderr)
        return 1
    for change in result.changed:
        sys.stdout.writelines(change.diff())
    sys.stdout.flush()
    if result.diagnostics:
        print("\n".join(str(d) for d in result.diagnostics), file=sys.stderr)
    new = sum(c.old is None for c in result.changed)
    print(
        f"{result.label}: {result.rows} dòng, {result.honorees} hồ sơ. Mới: {new} · Cập nhật: {len(result.changed) - new}"
        f" · Không đổi: {result.unchanged} · Xung đột: {result.conflicts} · Lỗi: {len(result.errors)}",
        file=sys.stderr,
    )
    if result.new_students:
        print(
            f"{result.new_students} hồ sơ học sinh mới để chưa công khai (cong_khai: false), kể cả khi có --cong-khai: hồ sơ học sinh"
            f" chỉ được công khai khi có sự đồng ý của cha, mẹ hoặc người giám hộ và của em từ đủ 7 tuổi ({consent.CHILD_LAW});"
            " ghi mục 'dong_y' vào tệp rồi đổi thành cong_khai: true (xem Hướng dẫn → Sự đồng ý).",
            file=sys.stderr,
        )
    if not result.ok:
        print(_FAILED, file=sys.stderr)
        return 1
    if not result.changed:
        print("Không có thay đổi.", file=sys.stderr)
    elif not result.written:
        print("Chạy thử: chưa ghi tệp nào. Xem thay đổi ở trên rồi chạy lại với --ghi để ghi.", file=sys.stderr)
    else:
        print(f"Đã ghi {len(result.changed)} tệp. Chạy make check hoặc make serve để xem.", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Nhập văn bản (Word, văn bản thường) và danh sách khen thưởng (Excel, CSV).")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1], help="thư mục dự án")
    commands = parser.add_subparsers(dest="command", required=True)
    plan_arguments(commands.add_parser("van-ban", help="nhập một kế hoạch, văn bản (.docx, .txt, .md)"))
    list_arguments(commands.add_parser("danh-sach", help="nhập danh sách khen thưởng (.xlsx, .csv)"))
    args = parser.parse_args(argv)
    paths = ProjectPaths.at(args.root)
    run = import_plan if args.command == "van-ban" else import_list
    return run(args, paths)


if __name__ == "__main__":
    sys.exit(main())
