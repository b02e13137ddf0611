"""Documents of every office in the forms of Nghị định 30/2020 (Phụ lục I): công văn with 'Kính gửi', a
decision with its articles and appendices, every signature authority, a body without a parent line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_script
from lxml import html
from readers_check import problems


def document(front: str, body: str = "Nội dung.\n") -> str:
    return f"---\n{front.strip()}\n---\n\n{body}"


# A Bộ's công văn: no parent line, one addressee on the 'Kính gửi:' line, signed TL.
CONG_VAN_BO = document("""
loai: CÔNG VĂN
co_quan_ban_hanh: BỘ GIÁO DỤC VÀ ĐÀO TẠO
so_ky_hieu: 3234/BGDĐT-GDCN
dia_danh: Hà Nội
ngay_ban_hanh: 2013-05-16
trich_yeu: báo cáo tình hình mở ngành, đào tạo và sử dụng giáo viên tiểu học TCCN
kinh_gui: ["Sở Giáo dục và Đào tạo các tỉnh, thành phố"]
nguoi_ky: {tham_quyen: TL., cap_tren: BỘ TRƯỞNG, chuc_vu: VỤ TRƯỞNG VỤ GIÁO DỤC CHUYÊN NGHIỆP, ho_ten: Hoàng Ngọc Vinh}
noi_nhan: [Như trên;, "Lưu: VT, Vụ GDCN."]
trang_thai: ban_hanh
""")

# A Sở's công văn to several addressees, citing the decision below.
CONG_VAN_SO = document("""
loai: Công văn
co_quan_chu_quan: UBND THÀNH PHỐ HỒ CHÍ MINH
co_quan_ban_hanh: SỞ GIÁO DỤC VÀ ĐÀO TẠO
so_ky_hieu: 2865/GDĐT-TC
dia_danh: Thành phố Hồ Chí Minh
ngay_ban_hanh: 2023-08-14
trich_yeu: góp ý dự thảo quy chế thi
kinh_gui:
  - Trưởng phòng Giáo dục và Đào tạo thành phố Thủ Đức và các quận, huyện
  - Hiệu trưởng các trường trung học phổ thông
can_cu:
  - {loai: Quyết định, so_ky_hieu: 962/QĐ-UBND, ngay: 2023-05-16}
nguoi_ky: {tham_quyen: KT., cap_tren: GIÁM ĐỐC, chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Nguyễn Văn Hiếu}
noi_nhan: [Như trên;, "Lưu: VT, TC."]
trang_thai: ban_hanh
""")

# A UBND tỉnh's decision: issuing authority line, articles, the enacting line, two appendices, TM. + KT.
QUYET_DINH = document("""
loai: QUYẾT ĐỊNH
co_quan_ban_hanh: ỦY BAN NHÂN DÂN TỈNH VĨNH LONG
so_ky_hieu: 962/QĐ-UBND
dia_danh: Vĩnh Long
ngay_ban_hanh: 2023-05-16
trich_yeu: Về việc ban hành Kế hoạch phổ cập giáo dục
tham_quyen_ban_hanh: Ủy ban nhân dân tỉnh Vĩnh Long
can_cu:
  - {loai: Công văn, so_ky_hieu: 3234/BGDĐT-GDCN, ngay: 2013-05-16, co_quan: Bộ Giáo dục và Đào tạo}
nguoi_ky:
  tham_quyen: TM.
  cap_tren: Ủy ban nhân dân
  ky_thay: Chủ tịch
  chuc_vu: Phó Chủ tịch
  ho_ten: Lê Thanh Xuân
noi_nhan: [Như Điều 3;, "Lưu: VT."]
trang_thai: ban_hanh
""", """\
Căn cứ Công văn số 3234/BGDĐT-GDCN;

QUYẾT ĐỊNH:

**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch (Phụ lục I) và danh sách (Phụ lục II).

Điều 2. Quyết định có hiệu lực kể từ ngày ký; xem [Điều 1](#dieu-1) và [Phụ lục II](#phu-luc-ii).

Điều 3. Các đơn vị chịu trách nhiệm thi hành.

# PHỤ LỤC I

KẾ HOẠCH PHỔ CẬP GIÁO DỤC

(Kèm theo Quyết định số 962/QĐ-UBND ngày 16/5/2023 của Ủy ban nhân dân tỉnh)

## I. MỤC ĐÍCH

Nội dung phụ lục.

# PHỤ LỤC II

DANH SÁCH ĐƠN VỊ

| TT | Đơn vị | Chỉ tiêu năm 2023 | Chỉ tiêu năm 2024 | Chỉ tiêu năm 2025 | Ghi chú của phòng giáo dục và đào tạo |
|----|--------|-------------------|-------------------|-------------------|----------------------------------------|
| 1 | Thành phố Vĩnh Long | 98% | 99% | 100% | Hoàn thành sớm hơn kế hoạch của tỉnh |
""")

# A Bộ's tờ trình: KT. BỘ TRƯỞNG / THỨ TRƯỞNG (a deputy's title need not start with PHÓ).
TO_TRINH = document("""
loai: TỜ TRÌNH
co_quan_ban_hanh: BỘ GIÁO DỤC VÀ ĐÀO TẠO
so_ky_hieu: 14/TTr-BGDĐT
dia_danh: Hà Nội
ngay_ban_hanh: 2024-02-01
trich_yeu: Về việc đề nghị tặng Bằng khen
kinh_gui: [Thủ tướng Chính phủ]
nguoi_ky: {tham_quyen: KT, cap_tren: BỘ TRƯỞNG, chuc_vu: THỨ TRƯỞNG, ho_ten: Nguyễn Thị Nghĩa}
noi_nhan: [Như trên;, "Lưu: VT."]
trang_thai: ban_hanh
""")

# A Sở's notice signed TUQ., and a school's plan signed by its acting head (Q.).
THONG_BAO = document("""
loai: THÔNG BÁO
co_quan_chu_quan: UBND TỈNH HƯNG YÊN
co_quan_ban_hanh: SỞ GIÁO DỤC VÀ ĐÀO TẠO
so_ky_hieu: 7/TB-SGDĐT
dia_danh: Hưng Yên
ngay_ban_hanh: 2024-03-01
trich_yeu: Kết luận của Giám đốc Sở
nguoi_ky: {tham_quyen: TUQ., cap_tren: GIÁM ĐỐC, chuc_vu: CHÁNH VĂN PHÒNG, ho_ten: Trần Văn Bình}
noi_nhan: ["Lưu: VT."]
trang_thai: ban_hanh
""")

KE_HOACH = document("""
loai: KẾ HOẠCH
co_quan_chu_quan: PHÒNG GDĐT HUYỆN HÀM THUẬN
co_quan_ban_hanh: TRƯỜNG TIỂU HỌC HÀM LIÊM
so_ky_hieu: 39/KH-THHL
dia_danh: Hàm Liêm
ngay_ban_hanh: 2024-09-10
trich_yeu: Tổ chức Hội khỏe Phù Đổng cấp trường
nguoi_ky: {tham_quyen: Q., chuc_vu: HIỆU TRƯỞNG, ho_ten: Lê Thị Thuận}
noi_nhan: ["Lưu: VT."]
trang_thai: ban_hanh
""")

# A giấy mời from a department named in data/don-vi/ by its name on the day (renamed since), without
# its number and day in the text we hold.
GIAY_MOI = document("""
loai: GIẤY MỜI
co_quan_chu_quan: UBND TỈNH QUẢNG NAM
co_quan_ban_hanh: SỞ GIÁO DỤC VÀ ĐÀO TẠO
don_vi_ban_hanh: so-gddt
dia_danh: Tam Kỳ
ngay_ban_hanh: 2024
trich_yeu: Dự Hội nghị điển hình tiên tiến
kinh_gui: [Ông (bà) Hiệu trưởng các trường, Đại diện Công đoàn ngành]
nguoi_ky: {tham_quyen: TM., cap_tren: Ủy ban nhân dân tỉnh, chuc_vu: Chủ tịch}
noi_nhan: ["Lưu: VT."]
trang_thai: ban_hanh_thieu_so_ngay
""")

UNIT = """\
ma: so-gddt
ten: Sở Giáo dục và Đào tạo thành phố Đà Nẵng
loai: so
tinh: Đà Nẵng
ten_truoc:
  - {ten: Sở Giáo dục và Đào tạo tỉnh Quảng Nam, den_ngay: 2025-06-30}
"""

FILES = {
    "content/van-ban/cv-bo.md": CONG_VAN_BO,
    "content/van-ban/cv-so.md": CONG_VAN_SO,
    "content/van-ban/qd.md": QUYET_DINH,
    "content/van-ban/tt.md": TO_TRINH,
    "content/van-ban/tb.md": THONG_BAO,
    "content/van-ban/kh.md": KE_HOACH,
    "content/van-ban/gm.md": GIAY_MOI,
    "data/don-vi/so-gddt.yaml": UNIT,
}


@pytest.fixture(scope="module")
def forms_site(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("forms"), seeds=False, files=FILES)
    result = run_script("build", root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cảnh báo" not in result.stdout + result.stderr
    return root / "site"


def page(site: Path, slug: str) -> html.HtmlElement:
    return html.fromstring((site / "van-ban" / slug / "index.html").read_text(encoding="utf-8"))


def having(name: str) -> str:
    """XPath test for an element of class ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def all_of(tree: html.HtmlElement, tag: str, name: str) -> list[html.HtmlElement]:
    return tree.xpath(f".//{tag}[{having(name)}]")


def one(tree: html.HtmlElement, tag: str, name: str) -> html.HtmlElement:
    (found,) = all_of(tree, tag, name)
    return found


def words(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def signature(tree: html.HtmlElement) -> list[str]:
    return [words(s) for s in one(tree, "p", "vb-ky__chuc-danh").iter("strong")]


def test_every_page_passes_the_readers_check(forms_site):
    """One non-empty h1, every #fragment resolves (#dieu-1, #phu-luc-ii), no id twice, nothing leaked."""
    assert problems(forms_site, "http://127.0.0.1:8000/") == []


def test_cong_van_subject_under_its_number(forms_site):
    """No type line; 'V/v …' under the number is the heading, read whole; one addressee on the line."""
    tree = page(forms_site, "cv-bo")
    cell = one(tree, "td", "vb-so")
    (heading,) = tree.iter("h1")
    assert heading.getparent() is cell
    assert words(cell).startswith("Số: 3234/BGDĐT-GDCN")
    assert words(heading) == "Công văn số 3234/BGDĐT-GDCN V/v báo cáo tình hình mở ngành, đào tạo và sử dụng giáo viên tiểu học TCCN"
    assert heading.find("abbr").get("title") == "về việc"
    assert tree.findtext(".//title").startswith("Công văn số 3234/BGDĐT-GDCN về việc báo cáo tình hình")
    assert not all_of(tree, "*", "vb-ten-loai")
    addressees = one(tree, "div", "vb-kinh-gui")
    assert words(addressees) == "Kính gửi: Sở Giáo dục và Đào tạo các tỉnh, thành phố"
    assert not addressees.findall(".//li")
    assert signature(tree) == ["TL. BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ GIÁO DỤC CHUYÊN NGHIỆP"]


def test_body_without_parent_line(forms_site):
    """A Bộ prints no parent line: only the issuing body, also in the facts box."""
    tree = page(forms_site, "cv-bo")
    assert not all_of(tree, "*", "vb-chu-quan")
    assert words(one(tree, "td", "vb-dau__co-quan")) == "BỘ GIÁO DỤC VÀ ĐÀO TẠO"
    facts = [words(d) for d in one(tree, "aside", "vb-thong-tin").iter("dd")]
    assert "BỘ GIÁO DỤC VÀ ĐÀO TẠO" in facts


def test_several_addressees_as_a_list(forms_site):
    tree = page(forms_site, "cv-so")
    block = one(tree, "div", "vb-kinh-gui")
    assert words(one(block, "span", "vb-kinh-gui__nhan")) == "Kính gửi:"
    assert [words(li) for li in block.iter("li")] == [
        "Trưởng phòng Giáo dục và Đào tạo thành phố Thủ Đức và các quận, huyện",
        "Hiệu trưởng các trường trung học phổ thông",
    ]
    assert signature(tree) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


def test_decision_layout(forms_site):
    """Title, then the issuing authority in capitals; articles anchored; 'QUYẾT ĐỊNH:' centred; TM. + KT."""
    tree = page(forms_site, "qd")
    assert words(one(tree, "h1", "vb-ten")) == "QUYẾT ĐỊNH Về việc ban hành Kế hoạch phổ cập giáo dục"
    authority = one(tree, "p", "vb-tham-quyen")
    assert words(authority) == "ỦY BAN NHÂN DÂN TỈNH VĨNH LONG"
    assert authority.getprevious().tag == "h1"
    body = one(tree, "div", "vb-noi-dung")
    assert [words(p) for p in all_of(body, "p", "vb-quyet-dinh")] == ["QUYẾT ĐỊNH:"]
    articles = {p.get("id"): words(p)[:7] for p in body.xpath(".//p[starts-with(@id, 'dieu-')]")}
    assert articles == {"dieu-1": "Điều 1.", "dieu-2": "Điều 2.", "dieu-3": "Điều 3."}
    assert [a.get("href") for a in body.iter("a")] == ["#dieu-1", "#phu-luc-ii"]
    assert signature(tree) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_appendices_follow_the_signature(forms_site):
    """Each '# PHỤ LỤC' becomes its own section after the signature, with its anchor in the contents;
    the body's own text stays above the signature; the table keeps its rows."""
    tree = page(forms_site, "qd")
    article = one(tree, "article", "vb")
    parts = [child.get("class") for child in article]
    assert parts[-3:] == ["vb-cuoi", "vb-phu-luc vb-noi-dung", "vb-phu-luc vb-noi-dung"]
    first, second = all_of(article, "section", "vb-phu-luc")
    assert [(h.tag, h.get("id")) for h in (first[0], second[0])] == [("h2", "phu-luc-i"), ("h2", "phu-luc-ii")]
    assert words(first[0]).startswith("PHỤ LỤC I")
    assert words(one(first, "p", "vb-kem-theo")).startswith("(Kèm theo Quyết định số 962/QĐ-UBND")
    main = one(article, "div", "vb-noi-dung")
    assert not main.findall(".//h1") and not main.findall(".//table")
    assert [words(td) for td in second.iter("td")][:2] == ["1", "Thành phố Vĩnh Long"]
    contents = [a.get("href") for a in tree.xpath(f".//nav[{having('md-nav--secondary')}]//a")]
    assert contents == ["#phu-luc-i", "#i-muc-dich", "#phu-luc-ii"]


def test_legal_bases_link_both_ways(forms_site):
    """A decision citing a công văn and a công văn citing the decision link to each other's pages."""
    decision = page(forms_site, "qd")
    assert [a.get("href") for a in one(decision, "ol", "vb-can-cu").iter("a")] == ["../cv-bo/"]
    letter = page(forms_site, "cv-so")
    assert [a.get("href") for a in one(letter, "ol", "vb-can-cu").iter("a")] == ["../qd/"]
    cited = page(forms_site, "cv-bo")
    assert [words(a) for a in one(cited, "ul", "vb-duoc-can-cu").iter("a")] == ["Quyết định số 962/QĐ-UBND: Về việc ban hành Kế hoạch phổ cập giáo dục"]


@pytest.mark.parametrize(("slug", "lines"), [
    ("tt", ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]),
    ("tb", ["TUQ. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]),
    ("kh", ["Q. HIỆU TRƯỞNG"]),
    ("gm", ["TM. ỦY BAN NHÂN DÂN TỈNH", "CHỦ TỊCH"]),
])
def test_signature_blocks(forms_site, slug, lines):
    assert signature(page(forms_site, slug)) == lines


def test_invitation_without_number_named_as_on_its_day(forms_site):
    """A giấy mời whose number and day we lack: its type line, its addressees, its issuer's name on its day."""
    tree = page(forms_site, "gm")
    assert words(one(tree, "span", "vb-ten-loai")) == "GIẤY MỜI"
    assert [words(li) for li in one(tree, "div", "vb-kinh-gui").iter("li")] == ["Ông (bà) Hiệu trưởng các trường", "Đại diện Công đoàn ngành"]
    facts = [words(d) for d in one(tree, "aside", "vb-thong-tin").iter("dd")]
    assert "Sở Giáo dục và Đào tạo tỉnh Quảng Nam (nay là Sở Giáo dục và Đào tạo thành phố Đà Nẵng)" in facts
    assert "Không rõ số" in facts


def test_index_names_a_letter_by_its_subject(forms_site):
    index = html.fromstring((forms_site / "van-ban" / "index.html").read_text(encoding="utf-8"))
    titles = [words(a) for a in index.xpath(f".//table[{having('gs-van-ban')}]//a")]
    assert "V/v báo cáo tình hình mở ngành, đào tạo và sử dụng giáo viên tiểu học TCCN" in titles
    assert "Giấy mời Dự Hội nghị điển hình tiên tiến" in titles


def test_editors_forms_have_the_new_fields():
    """The web editor's form for a document offers the new keys, in Vietnamese, optional."""
    from guongsang.output import cms
    from guongsang.records.models import DocumentMeta

    form = {field["name"]: field for field in cms.fields(DocumentMeta)}
    assert form["co_quan_chu_quan"]["required"] is False
    assert (form["kinh_gui"]["label"], form["kinh_gui"]["widget"], form["kinh_gui"]["required"]) == ("Kính gửi", "list", False)
    assert form["tham_quyen_ban_hanh"]["label"] == "Thẩm quyền ban hành"
    assert "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO" in form["tham_quyen_ban_hanh"]["hint"]
    signer = {field["name"]: field for field in form["nguoi_ky"]["fields"]}
    assert list(signer) == ["tham_quyen", "cap_tren", "ky_thay", "chuc_vu", "ho_ten"]
    assert signer["ky_thay"]["label"] == "Cấp trưởng được ký thay (dòng KT.)"
