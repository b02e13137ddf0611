"""Start a new record: an honoree, a story, a document (draft) or a campaign, as a valid file.

  python scripts/new.py guong --doi-tuong giao_vien --ho Trần --ten-dem Thị --ten Bình --don-vi thpt-a
  python scripts/new.py cau-chuyen --tieu-de "Em Lan trả lại ví" --guong tran-thi-binh-thpt-a
  python scripts/new.py van-ban --loai "KẾ HOẠCH" --so-ky-hieu /KH-SGDĐT --trich-yeu "Về việc …"
  python scripts/new.py phong-trao --ma thi-dua-2026 --ten "Phong trào …" --tu-ngay 2026-01-01 --den-ngay 2026-12-31

A value not given as a flag is asked for (when run in a terminal). The file is checked exactly as the
build checks it; if it is not valid it is not kept. An existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from guongsang.lang.dates import parse_full_date
from guongsang.office import scaffold
from guongsang.project import ProjectPaths


def ask(args: argparse.Namespace, name: str, question: str, default: str | None = None) -> str:
    """The flag's value, else the answer typed in the terminal, else the default; else stop."""
    value = getattr(args, name)
    if value:
        return value
    if sys.stdin.isatty():
        shown = f" [{default}]" if default else ""
        answer = input(f"{question}{shown}: ").strip()
        if answer or default:
            return answer or default or ""
    elif default is not None:
        return default
    raise SystemExit(f"lỗi: thiếu --{name.replace('_', '-')} ({question})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tạo tệp mới hợp lệ: hồ sơ, câu chuyện, văn bản (dự thảo), phong trào.")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1], help="thư mục dự án")
    kinds = parser.add_subparsers(dest="kind", required=True)
    honoree = kinds.add_parser("guong", help="hồ sơ gương điển hình (chưa công khai)")
    for flag in ("doi-tuong", "don-vi", "ho", "ten-dem", "ten", "ten-tap-the", "chuc-vu"):
        honoree.add_argument(f"--{flag}")
    story = kinds.add_parser("cau-chuyen", help="câu chuyện người tốt, việc tốt")
    story.add_argument("--tieu-de")
    story.add_argument("--tac-gia")
    story.add_argument("--ngay")
    story.add_argument("--guong", nargs="*", default=[], help="mã các hồ sơ được kể")
    document = kinds.add_parser("van-ban", help="văn bản (dự thảo)")
    for flag in ("loai", "co-quan-chu-quan", "co-quan-ban-hanh", "so-ky-hieu", "dia-danh", "nam", "trich-yeu", "chuc-vu-nguoi-ky"):
        document.add_argument(f"--{flag}")
    campaign = kinds.add_parser("phong-trao", help="phong trào thi đua")
    for flag in ("ma", "ten", "hinh-thuc", "tu-ngay", "den-ngay"):
        campaign.add_argument(f"--{flag}")
    campaign.add_argument("--doi-tuong", nargs="*", default=[])
    args = parser.parse_args(argv)

    paths = ProjectPaths.at(args.root)
    if args.kind == "guong":
        subject = ask(args, "doi_tuong", "Đối tượng (tap_the, can_bo_quan_ly, giao_vien, nhan_vien, hoc_sinh)")
        unit = ask(args, "don_vi", "Mã đơn vị (trong data/don-vi/)")
        if subject == "tap_the":
            path, text = scaffold.honoree(subject, unit, collective=ask(args, "ten_tap_the", "Tên tập thể"))
        else:
            path, text = scaffold.honoree(
                subject, unit, family=ask(args, "ho", "Họ"), middle=ask(args, "ten_dem", "Tên đệm", ""),
                given=ask(args, "ten", "Tên"), position=ask(args, "chuc_vu", "Chức vụ, công việc", ""),
            )
    elif args.kind == "cau-chuyen":
        day = parse_full_date(ask(args, "ngay", "Ngày đăng", date.today().isoformat()))
        path, text = scaffold.story(ask(args, "tieu_de", "Tiêu đề"), day, ask(args, "tac_gia", "Tác giả", "Văn phòng Sở"), args.guong)
    elif args.kind == "van-ban":
        path, text = scaffold.document(
            ask(args, "loai", "Loại văn bản", "KẾ HOẠCH"), ask(args, "co_quan_chu_quan", "Cơ quan chủ quản (viết hoa)"),
            ask(args, "co_quan_ban_hanh", "Cơ quan ban hành (viết hoa)", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
            ask(args, "so_ky_hieu", "Số, ký hiệu (dự thảo: /KH-SGDĐT)"), ask(args, "dia_danh", "Địa danh"),
            int(ask(args, "nam", "Năm", str(date.today().year))), ask(args, "trich_yeu", "Trích yếu"),
            ask(args, "chuc_vu_nguoi_ky", "Chức vụ người ký", "GIÁM ĐỐC"),
        )
    else:
        path, text = scaffold.campaign(
            ask(args, "ma", "Mã phong trào (không dấu, nối bằng '-')"), ask(args, "ten", "Tên phong trào"),
            ask(args, "hinh_thuc", "Hình thức (thuong_xuyen hoặc chuyen_de)", "thuong_xuyen"),
            parse_full_date(ask(args, "tu_ngay", "Từ ngày")), parse_full_date(ask(args, "den_ngay", "Đến ngày")),
            args.doi_tuong or ["tap_the", "can_bo_quan_ly", "giao_vien", "nhan_vien"],
        )
    new_file = scaffold.write_new(paths, path, text)
    print("\n".join(new_file.messages(taken="mở tệp đó để sửa, hoặc chọn tên khác", fix="sửa các giá trị trên rồi chạy lại")), file=sys.stderr)
    return int(new_file.status)


if __name__ == "__main__":
    sys.exit(main())
