"""Each header and ending shape the issue lists, read by the importer's recogniser."""

from __future__ import annotations

from datetime import date

import pytest
from guongsang.office import docparts, planimport


def _parts(written: str) -> docparts.Parts:
    return docparts.parse(written.split("\n"))


def test_columns_flattened_by_spaces_values_on_the_next_line_and_a_broken_date() -> None:
    parts = _parts(
        "PHÒNG GD – ĐT LÝ NHÂN        CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TRƯỜNG MẦM NON NHÂN KHANG        Độc lập - Tự do - Hạnh phúc\n"
        "Số:\n122/KH-TMNVK\nNhân Khang, ngày 03\ntháng 06 năm 2014\n"
        "KẾ HOẠCH\nTổ chức hội nghị điển hình tiên tiến\n"
        "A. NHỮNG CĂN CỨ XÂY DỰNG KẾ HOẠCH\nCăn cứ Kế hoạch số 12/KH-PGDĐT ngày 2/3/2014 của Phòng GD&ĐT;\n"
        "B. NỘI DUNG\n1. Tổ chức\nNơi nhận:\n- Phòng GD&ĐT (b/c);\n- Lưu: VT.\nHIỆU TRƯỞNG\n(Đã ký)\nTrần Thị Mai"
    )
    assert (parts.parent_body, parts.issuing_body) == ("PHÒNG GD – ĐT LÝ NHÂN", "TRƯỜNG MẦM NON NHÂN KHANG")
    assert (parts.number, parts.place, parts.issued) == ("122/KH-TMNVK", "Nhân Khang", date(2014, 6, 3))
    assert (parts.doc_type, parts.title) == ("KẾ HOẠCH", "Tổ chức hội nghị điển hình tiên tiến")  # not 'A. NHỮNG CĂN CỨ…'
    assert len(parts.bases) == 1
    assert parts.recipients == ["Phòng GD&ĐT (b/c);", "Lưu: VT."]
    assert (parts.signature, parts.signer_name) == (["HIỆU TRƯỞNG"], "Trần Thị Mai")
    assert parts.notes == []


def test_pipe_cells_a_name_over_two_lines_a_blank_day_spaces_in_the_number_and_recipients_beside_the_signature() -> None:
    parts = _parts(
        "UBND HUYỆN VIỆT YÊN\n|\nPHÒNG GIÁO DỤC\nVÀ ĐÀO TẠO\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n"
        "Độc lập – Tự do – Hạnh phúc\nSố: 39 /KH- THHL                  Việt Yên, ngày      tháng 11 năm 2020\n"
        "KẾ HOẠCH\nThực hiện phong trào thi đua\n"
        "Thực hiện Kế hoạch số 10/KH-SGDĐT ngày 1/9/2020 của Sở GDĐT Bắc Giang, Phòng GDĐT xây dựng kế hoạch như sau:\n"
        "I. MỤC ĐÍCH\n"
        "Nơi nhận:                                          TM. ỦY BAN NHÂN DÂN\n"
        "- Như trên;                                        KT. CHỦ TỊCH\n"
        "- Lưu: VT.                                         PHÓ CHỦ TỊCH\n"
        "                                                   Nguyễn Văn An"
    )
    assert (parts.parent_body, parts.issuing_body) == ("UBND HUYỆN VIỆT YÊN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")
    assert (parts.number, parts.place, parts.issued) == ("39/KH-THHL", "Việt Yên", "2020-11")
    assert parts.title == "Thực hiện phong trào thi đua"
    assert len(parts.bases) == 1
    assert parts.recipients == ["Như trên;", "Lưu: VT."]
    assert parts.signature == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert parts.signer_name == "Nguyễn Văn An"
    signer = planimport.signer(parts.signature, parts.signer_name)
    assert signer == {"tham_quyen": "TM.", "cap_tren": "ỦY BAN NHÂN DÂN", "ky_thay": "CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH", "ho_ten": "Nguyễn Văn An"}


def test_a_cong_van_of_a_body_without_parent_line_with_its_subject_glued_date_and_addressees() -> None:
    parts = _parts(
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 1234/BGDĐT-TĐKT\nV/v hướng dẫn công tác thi đua,\nkhen thưởng năm học 2023-2024\n"
        "Hà Nội, ngày 5 tháng 9năm 2023\nKính gửi:\n- Các sở giáo dục và đào tạo;\n- Các đại học, trường đại học.\n"
        "Thực hiện Luật Thi đua, khen thưởng năm 2022, Bộ GDĐT hướng dẫn như sau:\n1. Nội dung\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, TĐKT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNgô Thị Minh"
    )
    assert (parts.parent_body, parts.issuing_body, parts.doc_type) == (None, "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "CÔNG VĂN")
    assert parts.title_lines == ["hướng dẫn công tác thi đua,", "khen thưởng năm học 2023-2024"]
    assert parts.issued == date(2023, 9, 5)
    assert parts.addressees == ["Các sở giáo dục và đào tạo;", "Các đại học, trường đại học."]
    signer = planimport.signer(parts.signature, parts.signer_name)
    assert signer == {"tham_quyen": "KT.", "cap_tren": "BỘ TRƯỞNG", "chuc_vu": "THỨ TRƯỞNG", "ho_ten": "Ngô Thị Minh"}


def test_number_and_date_on_one_line_a_decision_with_its_authority_line_and_an_acting_head() -> None:
    parts = _parts(
        "SỞ GD&ĐT HÀ NAM\nTRƯỜNG THPT A PHỦ LÝ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
        "Số: 05/QĐ-THPTA Phủ Lý, ngày 12 tháng 5 năm 2021\nQUYẾT ĐỊNH\nVề việc khen thưởng học sinh\n"
        "HIỆU TRƯỞNG TRƯỜNG THPT A PHỦ LÝ\nCăn cứ Điều lệ trường trung học;\nCăn cứ kết quả học tập;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Khen thưởng 10 học sinh.\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nQ. HIỆU TRƯỞNG\nLê Văn Bình"
    )
    assert (parts.number, parts.place, parts.issued) == ("05/QĐ-THPTA", "Phủ Lý", date(2021, 5, 12))
    assert (parts.title, parts.issuing_authority) == ("Về việc khen thưởng học sinh", "HIỆU TRƯỞNG TRƯỜNG THPT A PHỦ LÝ")
    assert len(parts.bases) == 2
    assert planimport.signer(parts.signature, parts.signer_name) == {"tham_quyen": "Q.", "chuc_vu": "HIỆU TRƯỞNG", "ho_ten": "Lê Văn Bình"}


@pytest.mark.parametrize(
    ("line", "number"),
    [("Số: 10./QĐ- MN", "10./QĐ-MN"), ("Số : 4144 /GDĐT – VP", "4144/GDĐT–VP"), ("Số:   /KH-SGDĐT", "/KH-SGDĐT"),
     ("Số: …/KH-PGDĐT", "/KH-PGDĐT"), ("Số: 1855/BTĐKT-Vụ II", "1855/BTĐKT-VụII"), ("Số: 62/2006/QĐ-UBND", "62/2006/QĐ-UBND")],
)
def test_numbers_as_offices_type_them(line: str, number: str) -> None:
    assert _parts(f"SỞ GIÁO DỤC VÀ ĐÀO TẠO\n{line}\nHà Nội, ngày 1 tháng 2 năm 2020\nKẾ HOẠCH\nTổ chức").number == number


def test_a_title_glued_to_its_type_and_a_place_cut_by_the_number() -> None:
    parts = _parts("SỞ GDĐT BÌNH ĐỊNH\nTRƯỜNG THPT VÕ GIỮ\nSố\n142/TB-VG Ân\nMỹ, ngày 8 tháng 12 năm 2022\nTHÔNG BÁO NGHỈ HỌC DO MƯA LŨ\n---\nTrong các ngày qua, mưa lớn.")
    assert (parts.number, parts.place, parts.doc_type, parts.title) == ("142/TB-VG", "Ân Mỹ", "THÔNG BÁO", "NGHỈ HỌC DO MƯA LŨ")


def test_what_is_not_recognised_is_listed_never_guessed() -> None:
    parts = _parts("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: abc\nxin chào các bạn\nHà Nội, ngày 31 tháng 2 năm 2020\nKẾ HOẠCH\nTổ chức")
    assert parts.number is None and parts.issued is None
    assert any("abc" in note for note in parts.notes)
    assert any("xin chào các bạn" in note for note in parts.notes)
    assert any("31/2/2020" in note for note in parts.notes)


def test_an_old_font_header_line_is_converted_and_the_conversion_listed_for_the_editor() -> None:
    parts = _parts(
        "phßng GD & ®t viÖt yªn\nTRƯỜNG TIỂU HỌC QUANG CHÂU\nSố:      /QĐ – THQC\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Quang Châu, ngày     tháng 5 năm 2021\nQUYẾT ĐỊNH\nVề việc khen thưởng học sinh\nHIỆU TRƯỞNG TRƯỜNG TIỂU HỌC QUANG CHÂU\n"
        "C¨n cø §iÒu lÖ tr\u00adêng tiÓu häc;\nQUYẾT ĐỊNH:"
    )
    assert (parts.parent_body, parts.issuing_body) == ("PHÒNG GD & ĐT VIỆT YÊN", "TRƯỜNG TIỂU HỌC QUANG CHÂU")
    assert (parts.number, parts.issued) == ("/QĐ–THQC", "2021-05")
    assert any(note.startswith("dòng 1: chữ TCVN3 đã đổi sang Unicode") for note in parts.notes)
    assert parts.bases == ["Căn cứ Điều lệ trường tiểu học;"]


def test_bases_a_copy_ran_together_count_apart_and_a_basis_deep_in_the_body_is_no_basis() -> None:
    glued = _parts(
        "HỘI ĐỒNG NHÂN DÂN QUẬN BÌNH THẠNH\nSố: 36/2006/NQ-HĐND\nBình Thạnh, ngày 19 tháng 7 năm 2006\nNGHỊ QUYẾT\n"
        "Về việc phê duyệt tờ trình\nHỘI ĐỒNG NHÂN DÂN QUẬN BÌNH THẠNH\n"
        "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003; Căn cứ Quyết định số "
        "54/2006/QĐ-UBND ngày 10 tháng 4 năm 2006 của Ủy ban nhân dân Thành phố,\nQUYẾT NGHỊ:\nĐiều 1. Phê duyệt."
    )
    assert len(glued.bases) == 2
    minutes = _parts(
        "TRƯỜNG MN MỸ HƯNG\nMỹ Hưng, ngày 25 tháng 5 năm 2021\nBIÊN BẢN\nHỌP BÌNH XÉT THI ĐUA\n"
        "Vào hồi 15h30 ngày 25/5/2021, tại văn phòng trường tổ chức họp.\nI Thành phần gồm có:\n1 Chủ toạ: Đ/c A.\n"
        "II Nội dung:\nTổ chức bình xét thi đua.\nCăn cứ vào tình hình thực tế của nhà trường, hội đồng thống nhất."
    )
    assert minutes.bases == []
