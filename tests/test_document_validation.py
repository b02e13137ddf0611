"""Documents: each editor's mistake gives its exact message at its exact line (the loading table)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import write_files
from guongsang.project import ProjectPaths, load_project
from samples import DOCUMENT, required_data

P = "content/van-ban/mau.md"

BASE = DOCUMENT


def check(tmp_path: Path, files: dict[str, str | bytes]) -> list[str]:
    """The diagnostic lines `make check` prints for a project holding ``files``."""
    write_files(tmp_path, {**required_data(), **files})
    report = load_project(ProjectPaths.at(tmp_path)).report
    return [str(d) for d in report.diagnostics]


def edited(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def test_base_document_is_valid(tmp_path):
    """The table's starting point loads without any message."""
    assert check(tmp_path, {P: BASE}) == []


CASES = [
    (
        "wrong type",
        edited("trich_yeu: Thử nghiệm kiểm tra", "trich_yeu: [a, b]"),
        [f"{P}:8:12: lỗi: trường 'trich_yeu' (Trích yếu): cần một đoạn chữ, nhưng gặp một danh sách"],
    ),
    (
        "missing field",
        edited("dia_danh: Mẫu Sơn\n", ""),
        [f"{P}:2:1: lỗi: thiếu trường 'dia_danh' (Địa danh); thêm dòng 'dia_danh: …'. Ví dụ: Cần Thơ."],
    ),
    (
        "misspelt key",
        edited("dia_danh:", "dia_dan:"),
        [f"{P}:6:1: lỗi: trường 'dia_dan' không có trong mẫu; có phải ý bạn là 'dia_danh'? (tên trường viết thường, không dấu)"],
    ),
    (
        "key written with diacritics",
        edited("so_ky_hieu: 12", "số_ký_hiệu: 12"),
        [f"{P}:5:1: lỗi: trường 'số_ký_hiệu' không có trong mẫu; có phải ý bạn là 'so_ky_hieu'? (tên trường viết thường, không dấu)"],
    ),
    (
        "unknown key in a nested group",
        edited("  ho_ten: Nguyễn Văn A", "  ho_ten: Nguyễn Văn A\n  ghi_chu: có"),
        [f"{P}:18:3: lỗi: trường 'ghi_chu' không có trong mẫu; các trường được dùng: tham_quyen, cap_tren, ky_thay, chuc_vu, ho_ten"],
    ),
    (
        "duplicate key",
        edited("dia_danh: Mẫu Sơn\n", "dia_danh: Mẫu Sơn\ndia_danh: Cần Thơ\n"),
        [f"{P}:7:1: lỗi: trường 'dia_danh' được khai báo hai lần (lần đầu ở dòng 6); giữ một lần và xóa lần còn lại"],
    ),
    (
        "date not on the calendar",
        edited("ngay_ban_hanh: 2024-03-05", "ngay_ban_hanh: 2024-02-30"),
        [f"{P}:7:16: lỗi: trường 'ngay_ban_hanh' (Ngày ban hành): ngày '2024-02-30' không có thật trên lịch"],
    ),
    (
        "date not readable",
        edited("ngay_ban_hanh: 2024-03-05", "ngay_ban_hanh: hôm qua"),
        [f"{P}:7:16: lỗi: trường 'ngay_ban_hanh' (Ngày ban hành): không đọc được ngày 'hôm qua'; viết dạng NNNN-TT-NN (ví dụ 2020-01-21) hoặc NN/TT/NNNN (ví dụ 21/01/2020)"],
    ),
    (
        "published with only a year",
        edited("ngay_ban_hanh: 2024-03-05", "ngay_ban_hanh: 2024"),
        [f"{P}:7:16: lỗi: trường 'ngay_ban_hanh' (Ngày ban hành): văn bản đã ban hành cần đủ ngày, tháng, năm, nhưng chỉ có '2024'; chỉ dự thảo mới được để trống ngày; nếu văn bản đã ban hành mà bản bạn có không ghi số hoặc ngày, đặt 'trang_thai: ban_hanh_thieu_so_ngay'"],
    ),
    (
        "number not in the official form",
        edited("so_ky_hieu: 12/KH-SGDĐT", "so_ky_hieu: KH12"),
        [f"{P}:5:13: lỗi: trường 'so_ky_hieu' (Số, ký hiệu): 'KH12' không đúng dạng số/ký hiệu, ví dụ '237/KH-SGDĐT' (dự thảo: '/KH-SGDĐT')"],
    ),
    (
        "symbol of another document type",
        edited("so_ky_hieu: 12/KH-SGDĐT", "so_ky_hieu: 12/QĐ-SGDĐT"),
        [f"{P}:5:13: lỗi: trường 'so_ky_hieu' (Số, ký hiệu): ký hiệu 'QĐ' không khớp loại KẾ HOẠCH; văn bản loại này dùng 'KH', ví dụ '237/KH-SGDĐT'"],
    ),
    (
        "published without a number",
        edited("so_ky_hieu: 12/KH-SGDĐT", "so_ky_hieu: /KH-SGDĐT"),
        [f"{P}:5:13: lỗi: trường 'so_ky_hieu' (Số, ký hiệu): văn bản đã ban hành phải có số, ví dụ '237/KH-SGDĐT'; nếu chưa có số thì đặt 'trang_thai: du_thao'; nếu văn bản đã ban hành mà bản bạn có không ghi số hoặc ngày, đặt 'trang_thai: ban_hanh_thieu_so_ngay'"],
    ),
    (
        "draft with a number",
        edited("trang_thai: ban_hanh", "trang_thai: du_thao"),
        [f"{P}:5:13: lỗi: trường 'so_ky_hieu' (Số, ký hiệu): dự thảo chưa có số, nhưng gặp '12/KH-SGDĐT'; để trống số ('/KH-SGDĐT') hoặc, nếu văn bản đã được cấp số, đặt 'trang_thai: ban_hanh'"],
    ),
    (
        "issued text without its number given a draft's blank number",
        edited("so_ky_hieu: 12/KH-SGDĐT", "so_ky_hieu: /KH-SGDĐT").replace("trang_thai: ban_hanh", "trang_thai: ban_hanh_thieu_so_ngay"),
        [f"{P}:5:13: lỗi: trường 'so_ky_hieu' (Số, ký hiệu): '/KH-SGDĐT' là số để trống của dự thảo; văn bản đã ban hành mà bản bạn có không ghi số thì xóa dòng 'so_ky_hieu', trang sẽ ghi số không rõ"],
    ),
    (
        "issued-without-number-or-date state with both given",
        edited("trang_thai: ban_hanh", "trang_thai: ban_hanh_thieu_so_ngay"),
        [f"{P}:21:13: lỗi: trường 'trang_thai': 'ban_hanh_thieu_so_ngay' dành cho bản thiếu số, ngày, nơi nhận hoặc người ký, nhưng văn bản này có đủ số '12/KH-SGDĐT', ngày 05/3/2024, nơi nhận và người ký; đặt 'trang_thai: ban_hanh'"],
    ),
    (
        "issued document without recipients",
        edited('noi_nhan:\n  - Các đơn vị;\n  - "Lưu: VT."\n', ""),
        [f"{P}:2:1: lỗi: thiếu 'noi_nhan' (Nơi nhận): cần ít nhất một dòng, dòng cuối là 'Lưu: VT, …'; nếu văn bản đã ban hành mà bản bạn có mất phần này, đặt 'trang_thai: ban_hanh_thieu_so_ngay'"],
    ),
    (
        "issued document without signature block",
        edited("nguoi_ky:\n  tham_quyen: KT.\n  cap_tren: GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC\n  ho_ten: Nguyễn Văn A\n", ""),
        [f"{P}:2:1: lỗi: thiếu 'nguoi_ky' (Người ký): ghi 'chuc_vu' và 'ho_ten', ví dụ 'nguoi_ky: {{chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A}}'; nếu văn bản đã ban hành mà bản bạn có mất phần này, đặt 'trang_thai: ban_hanh_thieu_so_ngay'"],
    ),
    (
        "copy that lost its recipients and signature block, said so",
        edited("nguoi_ky:\n  tham_quyen: KT.\n  cap_tren: GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC\n  ho_ten: Nguyễn Văn A\n", "")
        .replace('noi_nhan:\n  - Các đơn vị;\n  - "Lưu: VT."\n', "").replace("trang_thai: ban_hanh", "trang_thai: ban_hanh_thieu_so_ngay"),
        [],
    ),
    (
        "yearly milestone ending before it starts",
        edited("trang_thai: ban_hanh", 'trang_thai: ban_hanh\nhang_nam:\n  - {ngay: "11/6", tu_nam: 2025, den_nam: 2022, noi_dung: Biểu dương}'),
        [f"{P}:23:43: lỗi: mốc hằng năm thứ 1: 'den_nam' (2022) đứng trước 'tu_nam' (2025)"],
    ),
    (
        "yearly milestone on a day not in every year",
        edited("trang_thai: ban_hanh", 'trang_thai: ban_hanh\nhang_nam:\n  - {ngay: "29/2", tu_nam: 2022, den_nam: 2025, noi_dung: Biểu dương}'),
        [f"{P}:23:12: lỗi: trường 'hang_nam[1].ngay' (Ngày, tháng): ngày hằng năm '29/2' không có mỗi năm trên lịch"],
    ),
    (
        "KT. signer with the superior's own position",
        edited("  chuc_vu: PHÓ GIÁM ĐỐC", "  chuc_vu: Giám đốc"),
        [f"{P}:16:12: lỗi: trường 'nguoi_ky.chuc_vu': ký thay (KT.) là cấp phó ký thay cấp trưởng; 'chuc_vu' là chức vụ của người ký (ví dụ PHÓ GIÁM ĐỐC, THỨ TRƯỞNG), khác 'cap_tren', nhưng cả hai đều là 'Giám đốc'"],
    ),
    (
        "KT. line written under KT.",
        edited("  cap_tren: GIÁM ĐỐC", "  cap_tren: GIÁM ĐỐC\n  ky_thay: GIÁM ĐỐC"),
        [f"{P}:16:12: lỗi: trường 'nguoi_ky.ky_thay' chỉ dùng cho dòng 'KT.' dưới dòng TM., TL. hoặc TUQ. (ví dụ TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH); với 'tham_quyen: KT.' chức vụ được ký thay ghi ở 'cap_tren'; xóa 'ky_thay'"],
    ),
    (
        "KT. line without an authority",
        edited("  tham_quyen: KT.\n  cap_tren: GIÁM ĐỐC", "  ky_thay: GIÁM ĐỐC"),
        [f"{P}:14:12: lỗi: trường 'nguoi_ky.ky_thay' chỉ dùng cho dòng 'KT.' dưới dòng TM., TL. hoặc TUQ. (ví dụ TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH); xóa 'ky_thay' hoặc ghi 'tham_quyen'"],
    ),
    (
        "TM. and KT. with the head's own position",
        edited("  tham_quyen: KT.\n  cap_tren: GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC", "  tham_quyen: TM.\n  cap_tren: Ủy ban nhân dân\n  ky_thay: CHỦ TỊCH\n  chuc_vu: Chủ tịch"),
        [f"{P}:17:12: lỗi: trường 'nguoi_ky.chuc_vu': người ký thay (dòng 'KT. CHỦ TỊCH') là cấp phó; 'chuc_vu' ghi chức vụ của người ký (ví dụ PHÓ CHỦ TỊCH), khác 'ky_thay'"],
    ),
    (
        "authority written into the superior",
        edited("  cap_tren: GIÁM ĐỐC", "  cap_tren: KT. GIÁM ĐỐC"),
        [f"{P}:15:13: lỗi: trường 'nguoi_ky.cap_tren': 'KT. GIÁM ĐỐC' bắt đầu bằng 'KT'; thẩm quyền ký ghi ở 'tham_quyen' (dòng 'KT.' dưới TM., TL., TUQ. ghi ở 'ky_thay'), ở đây chỉ ghi 'GIÁM ĐỐC'"],
    ),
    (
        "Q. with a superior",
        edited("  tham_quyen: KT.", "  tham_quyen: Q."),
        [f"{P}:15:13: lỗi: trường 'nguoi_ky.cap_tren' chỉ dùng khi ký TM., KT., TL. hoặc TUQ.; hãy ghi 'tham_quyen' hoặc xóa 'cap_tren'"],
    ),
    (
        "TL. without the head signed for",
        edited("  tham_quyen: KT.\n  cap_tren: GIÁM ĐỐC\n", "  tham_quyen: TL.\n"),
        [f"{P}:14:15: lỗi: trường 'nguoi_ky.cap_tren': ký 'TL.' cần ghi chức vụ hoặc tập thể được ký thay, ví dụ 'cap_tren: GIÁM ĐỐC' (dòng 'TL. GIÁM ĐỐC')"],
    ),
    (
        "công văn subject written with V/v",
        edited("loai: KẾ HOẠCH", "loai: CÔNG VĂN").replace("12/KH-SGDĐT", "12/SGDĐT-VP").replace("trich_yeu: Thử nghiệm kiểm tra", "trich_yeu: V/v thử nghiệm kiểm tra"),
        [f"{P}:8:12: lỗi: trường 'trich_yeu' (Trích yếu): công văn ghi nội dung sau 'V/v' mà không ghi 'V/v' (trang tự in 'V/v'); viết 'thử nghiệm kiểm tra'"],
    ),
    (
        "issuing authority line on a plan",
        edited("trich_yeu: Thử nghiệm kiểm tra", "trich_yeu: Thử nghiệm kiểm tra\ntham_quyen_ban_hanh: GIÁM ĐỐC SỞ"),
        [f"{P}:9:22: lỗi: trường 'tham_quyen_ban_hanh' (Thẩm quyền ban hành) chỉ có ở quyết định và nghị quyết, không ở KẾ HOẠCH; xóa dòng này"],
    ),
    (
        "former abbreviation after Nghị định 30/2020",
        edited("loai: KẾ HOẠCH", "loai: GIẤY ỦY QUYỀN").replace("12/KH-SGDĐT", "12/UQ-SGDĐT"),
        [f"{P}:5:13: cảnh báo: trường 'so_ky_hieu' (Số, ký hiệu): 'UQ' là chữ viết tắt của GIẤY ỦY QUYỀN theo Thông tư 01/2011/TT-BNV; từ ngày 05/3/2020 Nghị định 30/2020 dùng 'GUQ'; nếu văn bản in đúng '12/UQ-SGDĐT' thì giữ nguyên"],
    ),
    (
        "abbreviation of another type on a memorandum",
        edited("loai: KẾ HOẠCH", "loai: BẢN GHI NHỚ"),
        [f"{P}:5:13: lỗi: trường 'so_ky_hieu' (Số, ký hiệu): ký hiệu 'KH' không khớp loại BẢN GHI NHỚ; văn bản loại này dùng 'BGN', ví dụ '237/BGN-SGDĐT'"],
    ),
    (
        "addressees written as one line",
        edited("trich_yeu: Thử nghiệm kiểm tra", "trich_yeu: Thử nghiệm kiểm tra\nkinh_gui: Các trường"),
        [f"{P}:9:11: lỗi: trường 'kinh_gui' (Kính gửi): cần một danh sách (mỗi mục một dòng bắt đầu bằng '- '), nhưng gặp 'Các trường'"],
    ),
    (
        "KT. without the superior's position",
        edited("  cap_tren: GIÁM ĐỐC\n", ""),
        [f"{P}:14:15: lỗi: trường 'nguoi_ky.cap_tren': ký 'KT.' cần ghi chức vụ hoặc tập thể được ký thay, ví dụ 'cap_tren: GIÁM ĐỐC' (dòng 'KT. GIÁM ĐỐC')"],
    ),
    (
        "superior without an authority",
        edited("  tham_quyen: KT.\n", ""),
        [f"{P}:14:13: lỗi: trường 'nguoi_ky.cap_tren' chỉ dùng khi ký TM., KT., TL. hoặc TUQ.; hãy ghi 'tham_quyen' hoặc xóa 'cap_tren'"],
    ),
    (
        "unknown authority",
        edited("  tham_quyen: KT.", "  tham_quyen: Thay"),
        [f"{P}:14:15: lỗi: trường 'nguoi_ky.tham_quyen' (Thẩm quyền ký): giá trị 'Thay' không hợp lệ; chọn một trong: 'TM.', 'KT.', 'TL.', 'TUQ.' hoặc 'Q.'"],
    ),
    (
        "last recipient is not the archive",
        edited('  - Các đơn vị;\n  - "Lưu: VT."', '  - "Lưu: VT."\n  - Các đơn vị.'),
        [f"{P}:20:5: lỗi: trường 'noi_nhan' (Nơi nhận): dòng cuối phải bắt đầu bằng 'Lưu' (ví dụ 'Lưu: VT, VP.'), nhưng gặp 'Các đơn vị.'"],
    ),
    (
        "recipients written as one line",
        edited('noi_nhan:\n  - Các đơn vị;\n  - "Lưu: VT."', "noi_nhan: Các đơn vị"),
        [f"{P}:18:11: lỗi: trường 'noi_nhan' (Nơi nhận): cần một danh sách (mỗi mục một dòng bắt đầu bằng '- '), nhưng gặp 'Các đơn vị'"],
    ),
    (
        "signer written as one line",
        edited("nguoi_ky:\n  tham_quyen: KT.\n  cap_tren: GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC\n  ho_ten: Nguyễn Văn A", "nguoi_ky: Nguyễn Văn A"),
        [f"{P}:13:11: lỗi: trường 'nguoi_ky' (Người ký): cần một nhóm trường con (mỗi dòng 'trường: giá trị', thụt vào), nhưng gặp 'Nguyễn Văn A'"],
    ),
    (
        "unknown status",
        edited("trang_thai: ban_hanh", "trang_thai: da_ky"),
        [f"{P}:21:13: lỗi: trường 'trang_thai' (Trạng thái): giá trị 'da_ky' không hợp lệ; chọn một trong: 'du_thao', 'ban_hanh', 'ban_hanh_thieu_so_ngay' hoặc 'het_hieu_luc'"],
    ),
    (
        "published without the signer's name",
        edited("  ho_ten: Nguyễn Văn A\n", ""),
        [f"{P}:13:1: lỗi: thiếu 'nguoi_ky.ho_ten': văn bản đã ban hành phải ghi họ tên người ký"],
    ),
    (
        "unknown document type",
        edited("loai: KẾ HOẠCH", "loai: KẾ HOẶCH"),
        [f"{P}:2:7: lỗi: trường 'loai' (Loại văn bản): 'KẾ HOẶCH' không phải loại văn bản theo Nghị định 30/2020; dùng một trong: NGHỊ QUYẾT, QUYẾT ĐỊNH, CHỈ THỊ, QUY CHẾ, QUY ĐỊNH, THÔNG CÁO, THÔNG BÁO, HƯỚNG DẪN, CHƯƠNG TRÌNH, KẾ HOẠCH, PHƯƠNG ÁN, ĐỀ ÁN, DỰ ÁN, BÁO CÁO, BIÊN BẢN, TỜ TRÌNH, HỢP ĐỒNG, CÔNG ĐIỆN, BẢN GHI NHỚ, BẢN THỎA THUẬN, GIẤY ỦY QUYỀN, GIẤY MỜI, GIẤY GIỚI THIỆU, GIẤY NGHỈ PHÉP, PHIẾU GỬI, PHIẾU CHUYỂN, PHIẾU BÁO, CÔNG VĂN"],
    ),
    (
        "legal basis with neither number nor title",
        edited("    so_ky_hieu: 06/2022/QH15\n", ""),
        [f"{P}:10:5: lỗi: căn cứ thứ 1 cần 'so_ky_hieu' hoặc 'trich_yeu' để người đọc tìm được văn bản"],
    ),
    (
        "legal basis with a malformed number",
        edited("    so_ky_hieu: 06/2022/QH15", "    so_ky_hieu: Luật 06"),
        [f"{P}:11:17: lỗi: căn cứ thứ 1: số, ký hiệu 'Luật 06' không đúng dạng, ví dụ '194/HD-BTĐKT', '98/2023/NĐ-CP' hoặc '34-CT/TW'"],
    ),
    (
        "legal basis dated after the document",
        edited("    ngay: 2022-06-15", "    ngay: 2025-06-15"),
        [f"{P}:12:11: cảnh báo: căn cứ thứ 1 ban hành ngày 15/6/2025, sau chính văn bản này (05/3/2024); kiểm tra lại ngày"],
    ),
    (
        "YAML value with an unquoted colon",
        edited("trich_yeu: Thử nghiệm kiểm tra", "trich_yeu: Thử nghiệm: kiểm tra"),
        [f"{P}:8:22: lỗi: dấu ':' đặt sai chỗ; nếu giá trị có dấu ':' thì đặt cả giá trị trong ngoặc kép"],
    ),
    (
        "YAML indented with a tab",
        edited("  chuc_vu: PHÓ GIÁM ĐỐC", "\tchuc_vu: PHÓ GIÁM ĐỐC"),
        [f"{P}:16:1: lỗi: có ký tự Tab; thụt lề YAML chỉ dùng dấu cách"],
    ),
    (
        "empty front matter",
        "---\n---\nNội dung.\n",
        [f"{P}:2:1: lỗi: phần khai báo phải gồm các dòng 'trường: giá trị', nhưng gặp ô để trống"],
    ),
    (
        "no front matter",
        "Nội dung không có phần khai báo.\n",
        [f"{P}:1:1: lỗi: tệp phải bắt đầu bằng phần khai báo giữa hai dòng '---' (loai, so_ky_hieu, …)"],
    ),
    (
        "legacy TCVN3 text",
        edited("trich_yeu: Thử nghiệm kiểm tra", "trich_yeu: Céng hoµ x· héi"),
        [f"{P}:8:17: lỗi: chữ 'hoµ' có dấu hiệu gõ bằng bảng mã cũ (TCVN3/VNI) rồi dán vào; hãy chuyển đoạn văn sang Unicode (Unikey: Công cụ chuyển mã, nguồn TCVN3 hoặc VNI, đích Unicode)"],
    ),
    (
        "roman-numeral section written as a paragraph",
        BASE.replace("## I. MỤC ĐÍCH", "II. TỔ CHỨC THỰC HIỆN"),
        [f"{P}:24:1: cảnh báo: dòng 'II. TỔ CHỨC THỰC HIỆN' giống đề mục lớn; viết '## II. TỔ CHỨC THỰC HIỆN…' để nó thành tiêu đề có mục lục"],
    ),
    (
        "level-1 heading that opens no appendix",
        BASE.replace("## I. MỤC ĐÍCH", "# I. MỤC ĐÍCH"),
        [f"{P}:24:1: cảnh báo: đề mục cấp 1 '# I. MỤC ĐÍCH' chỉ dùng để mở một phụ lục ('# PHỤ LỤC I'): tên văn bản đã là đề mục cấp 1 của trang; viết '## I. MỤC ĐÍCH…'"],
    ),
    (
        "signed PDF that is not there",
        edited("trang_thai: ban_hanh", "trang_thai: ban_hanh\nban_ky_so: pdf/mau.pdf"),
        [f"{P}:22:12: lỗi: trường 'ban_ky_so': không thấy tệp 'pdf/mau.pdf' (đường dẫn tính từ thư mục của văn bản này)"],
    ),
]


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_document(tmp_path, source, expected):
    """One mistake, one Vietnamese message naming the file, line, column, field and fix."""
    assert check(tmp_path, {P: source}) == expected


def test_decomposed_text_is_normalized_with_a_warning(tmp_path):
    """NFD text (pasted from Word or macOS) loads as NFC, with a warning at the first decomposed letter."""
    source = edited("trich_yeu: Thử nghiệm kiểm tra", "trich_yeu: " + unicodedata.normalize("NFD", "Thử nghiệm"))
    assert check(tmp_path, {P: source}) == [
        f"{P}:8:14: cảnh báo: chữ tiếng Việt ở dạng tổ hợp (NFD, thường gặp khi dán từ Word, PDF hoặc macOS);"
        " đã tự chuẩn hóa về dạng dựng sẵn (NFC), nên lưu lại tệp ở dạng NFC"
    ]
    document = load_project(ProjectPaths.at(tmp_path)).site.documents[0]
    assert document.meta.title == "Thử nghiệm"


def test_file_in_a_legacy_encoding(tmp_path):
    """A file saved as Windows-1258 is refused with the way to fix it."""
    source = BASE.replace("Mẫu Sơn", "Hà Nội").encode("utf-8").replace("Hà".encode("utf-8"), b"H\xe0")
    assert check(tmp_path, {P: source}) == [
        f"{P}:6:12: lỗi: tệp không ở bảng mã UTF-8 (có thể là TCVN3, VNI hoặc Windows-1258); hãy lưu lại tệp"
        " với bảng mã UTF-8 (Unikey: Công cụ chuyển mã → Unicode)"
    ]


def test_oversized_file(tmp_path):
    """A file over the size cap is refused before it is parsed."""
    source = BASE + ("Nội dung rất dài. " * 70_000)
    lines = check(tmp_path, {P: source})
    assert len(lines) == 1
    assert lines[0].startswith(f"{P}:0:0: lỗi: tệp nặng ")
    assert "quá giới hạn 1,000,000 byte; hãy chia nhỏ tệp" in lines[0]


def test_file_name_with_accents(tmp_path):
    """A file name becomes the page URL, so it must be an ASCII slug; the fix is suggested."""
    assert check(tmp_path, {"content/van-ban/Kế hoạch số 12.md": BASE}) == [
        "content/van-ban/Kế hoạch số 12.md:0:0: lỗi: tên tệp 'Kế hoạch số 12.md' sẽ thành địa chỉ trang;"
        " chỉ dùng chữ thường không dấu, số và dấu '-', ví dụ 'ke-hoach-so-12.md'"
    ]


def test_duplicate_numbers_name_both_places(tmp_path):
    """Two documents of one issuer with the same number in the same year: both places are named."""
    other = BASE.replace("12/KH-SGDĐT", "012/KH-SGDĐT")
    # Files load in path order: 'mau-2.md' sorts before 'mau.md'.
    assert check(tmp_path, {P: BASE, "content/van-ban/mau-2.md": other}) == [
        f"{P}:5:1: lỗi: trùng số, ký hiệu '12/KH-SGDĐT' năm 2024 của cùng cơ quan"
        " (đã khai báo ở content/van-ban/mau-2.md:5); mỗi văn bản một số"
    ]


def test_every_error_of_a_run_is_reported_sorted(tmp_path):
    """All mistakes of all files come out in one run, sorted by file and line."""
    bad_b = edited("trang_thai: ban_hanh", "trang_thai: x").replace("dia_danh:", "dia_dan:")
    bad_a = edited("ngay_ban_hanh: 2024-03-05", "ngay_ban_hanh: 2024-13-01")
    lines = check(tmp_path, {"content/van-ban/b.md": bad_b, "content/van-ban/a.md": bad_a})
    assert [line.split(": ")[0] for line in lines] == [
        "content/van-ban/a.md:7:16",
        "content/van-ban/b.md:6:1",
        "content/van-ban/b.md:21:13",
    ]


def test_drafts_may_leave_number_day_and_name_blank(tmp_path):
    """A draft keeps its blanks: number, day and month, signer's name (seed 001)."""
    draft = (
        BASE.replace("12/KH-SGDĐT", "/KH-SGDĐT")
        .replace("ngay_ban_hanh: 2024-03-05", "ngay_ban_hanh: 2024")
        .replace("  ho_ten: Nguyễn Văn A\n", "")
        .replace("trang_thai: ban_hanh", "trang_thai: du_thao")
        .replace("    ngay: 2022-06-15\n", "")
    )
    assert check(tmp_path, {P: draft}) == []


def test_issued_text_may_lack_number_day_and_name(tmp_path):
    """Seeds 002 and 003: issued, but the text we hold has no number line, no date line, no signer's name."""
    issued = (
        BASE.replace("so_ky_hieu: 12/KH-SGDĐT\n", "")
        .replace("ngay_ban_hanh: 2024-03-05", "ngay_ban_hanh: 2024")
        .replace("  ho_ten: Nguyễn Văn A\n", "")
        .replace("trang_thai: ban_hanh", "trang_thai: ban_hanh_thieu_so_ngay")
        .replace("    ngay: 2022-06-15\n", "")
    )
    assert check(tmp_path, {P: issued}) == []


ISSUER = "ma: so-gddt-quang-nam\nten: Sở Giáo dục và Đào tạo tỉnh Quảng Nam\nloai: so\ntinh: Quảng Nam\nden_ngay: 2025-06-30\n"
"""A department that ended on 30/6/2025 (Quảng Nam merged into Đà Nẵng)."""


@pytest.mark.parametrize(("issuing", "date", "expected"), [
    ("so-gddt-quang-nam", "2024-03-05", []),
    ("so-gddt-quang-nam", "2024", []),
    ("so-gddt-quang-nam", "2025", []),  # any day of 2025 up to 30/6 may be the date: not refused
    ("so-gddt-quangnam", "2024-03-05", [
        f"{P}:5:18: lỗi: không có đơn vị mã 'so-gddt-quangnam' trong data/don-vi/; có phải ý bạn là 'so-gddt-quang-nam'?"
    ]),
    ("so-gddt-quang-nam", "2025-09-12", [
        f"{P}:5:18: lỗi: văn bản ban hành ngày 12/9/2025 có sau ngày đơn vị 'so-gddt-quang-nam' ngừng hoạt động"
        " (30/6/2025, 'den_ngay' trong data/don-vi/so-gddt-quang-nam.yaml); kiểm tra ngày hoặc đơn vị"
    ]),
    ("so-gddt-quang-nam", "2026", [
        f"{P}:5:18: lỗi: văn bản ban hành năm 2026 có sau ngày đơn vị 'so-gddt-quang-nam' ngừng hoạt động"
        " (30/6/2025, 'den_ngay' trong data/don-vi/so-gddt-quang-nam.yaml); kiểm tra ngày hoặc đơn vị"
    ]),
], ids=["valid", "year only", "year of the end", "unknown id", "dated after the end", "year after the end"])
def test_issuing_unit_exists_on_the_documents_date(tmp_path, issuing, date, expected):
    """'don_vi_ban_hanh' names a unit of data/don-vi/ that existed on the document's date (every day it may be)."""
    status = "trang_thai: ban_hanh" if len(date) > 4 else "trang_thai: ban_hanh_thieu_so_ngay"
    source = edited("SỞ GIÁO DỤC VÀ ĐÀO TẠO\n", f"SỞ GIÁO DỤC VÀ ĐÀO TẠO\ndon_vi_ban_hanh: {issuing}\n")
    source = source.replace("ngay_ban_hanh: 2024-03-05", f"ngay_ban_hanh: {date}").replace("trang_thai: ban_hanh", status)
    if len(date) == 4:
        source = source.replace("so_ky_hieu: 12/KH-SGDĐT\n", "")
    assert check(tmp_path, {P: source, "data/don-vi/so-gddt-quang-nam.yaml": ISSUER}) == expected


@pytest.mark.parametrize(("kind", "number", "day"), [
    ("QUYẾT ĐỊNH", "962/QĐ-UBND", "2024-03-05"),
    ("TỜ TRÌNH", "14/TTr-ĐK1", "2024-03-05"),
    ("KẾ HOẠCH", "39/KH-THHL", "2024-03-05"),
    ("KẾ HOẠCH", "122/KH-TMNVK", "2024-03-05"),
    ("CÔNG VĂN", "3234/BGDĐT-GDCN", "2024-03-05"),
    ("Công văn", "2865/GDĐT-TC", "2024-03-05"),
    ("CÔNG VĂN", "1855/BTĐKT-VI", "2024-03-05"),
    ("QUYẾT ĐỊNH", "12/2010/QĐ-UBND", "2010-05-04"),
    ("QUY ĐỊNH", "3/QyĐ-SGDĐT", "2024-03-05"),
    ("QUY ĐỊNH", "3/QYĐ-SGDĐT", "2024-03-05"),
    ("BẢN THOẢ THUẬN", "5/BTT-SGDĐT", "2024-03-05"),
    ("Bản thỏa thuận", "5/BTT-SGDĐT", "2024-03-05"),
    ("GIẤY UỶ QUYỀN", "7/GUQ-SGDĐT", "2024-03-05"),
    ("GIẤY ỦY QUYỀN", "7/UQ-SGDĐT", "2015-01-02"),  # Thông tư 01/2011's abbreviation, before Nghị định 30/2020
    ("GIẤY NGHỈ PHÉP", "2/NP-SGDĐT", "2019-12-31"),
    ("BẢN GHI NHỚ", "1/BGN-SGDĐT", "2024-03-05"),
    ("GIẤY MỜI", "15/GM-SGDĐT", "2024-03-05"),
    ("PHIẾU CHUYỂN", "4/PC-SGDĐT", "2024-03-05"),
])
def test_real_numbers_match_their_type(tmp_path, kind, number, day):
    """Numbers as offices write them: a type abbreviation of any case, a drafting unit with digits, a công
    văn's body-unit symbol, an old number with its year; spelling variants of the type's name."""
    source = (
        edited("loai: KẾ HOẠCH", f"loai: {kind}").replace("12/KH-SGDĐT", number)
        .replace("2024-03-05", day).replace("    ngay: 2022-06-15\n", "")
    )
    assert check(tmp_path, {P: source}) == []


SIGNER = "nguoi_ky:\n  tham_quyen: KT.\n  cap_tren: GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC\n  ho_ten: Nguyễn Văn A\n"


@pytest.mark.parametrize("block", [
    {"tham_quyen": "KT.", "cap_tren": "BỘ TRƯỞNG", "chuc_vu": "THỨ TRƯỞNG"},
    {"tham_quyen": "KT", "cap_tren": "TRƯỞNG BAN", "chuc_vu": "PHÓ TRƯỞNG BAN THƯỜNG TRỰC"},
    {"tham_quyen": "TM.", "cap_tren": "Ủy ban nhân dân tỉnh", "chuc_vu": "Chủ tịch"},
    {"tham_quyen": "TM.", "cap_tren": "ỦY BAN NHÂN DÂN", "ky_thay": "CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH"},
    {"tham_quyen": "TL.", "cap_tren": "BỘ TRƯỞNG", "ky_thay": "VỤ TRƯỞNG", "chuc_vu": "PHÓ VỤ TRƯỞNG"},
    {"tham_quyen": "TUQ.", "cap_tren": "GIÁM ĐỐC", "chuc_vu": "CHÁNH VĂN PHÒNG"},
    {"tham_quyen": "Q.", "chuc_vu": "GIÁM ĐỐC"},
    {"chuc_vu": "HIỆU TRƯỞNG"},
], ids=["KT. minister", "KT. deputy head", "TM. head", "TM. and KT.", "TL. and KT.", "TUQ.", "Q.", "head"])
def test_every_signature_authority_is_lawful(tmp_path, block):
    """Every form of Nghị định 30/2020, Điều 13 loads, written in capitals or as printed, without a parent line."""
    lines = "".join(f"  {key}: {value}\n" for key, value in block.items())
    source = edited(SIGNER, f"nguoi_ky:\n{lines}  ho_ten: Nguyễn Văn A\n").replace("co_quan_chu_quan: UBND TỈNH MẪU\n", "")
    assert check(tmp_path, {P: source}) == []


def test_old_and_new_tone_placement_name_one_body(tmp_path: Path) -> None:
    """'UỶ BAN' (old placement) and 'ỦY BAN' are one body: one list of its documents, no error."""
    first = BASE.replace("co_quan_chu_quan: UBND TỈNH MẪU", "co_quan_chu_quan: UỶ BAN NHÂN DÂN TỈNH MẪU")
    second = first.replace("12/KH-SGDĐT", "13/KH-SGDĐT").replace("UỶ BAN", "ỦY BAN")
    write_files(tmp_path, {**required_data(), P: first, "content/van-ban/khac.md": second})
    project = load_project(ProjectPaths.at(tmp_path))
    assert [str(d) for d in project.report.diagnostics] == []
    assert [len(group.documents) for group in project.site.issuers] == [2]
