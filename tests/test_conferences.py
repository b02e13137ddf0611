"""Campaigns, criteria and conferences: the plan's rules checked from data, and the pages they make."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import write_files
from guongsang.project import ProjectPaths, load_project
from samples import project_files

H = "data/hoi-nghi/hn.yaml"
CONFERENCE = """\
ma: hn
cap: tren_co_so
ten: |
  HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN
  Giai đoạn 2020 - 2025
giai_doan: 2020-2025
don_vi: so-mau
van_ban: mau
quy_dinh:
  tong_dai_bieu_toi_da: 300
  ty_le_dien_hinh_toi_thieu: 70%
  doan_chu_tich_toi_thieu: 5
  doan_chu_tich_toi_da: 9
  doan_chu_tich_ty_le_dien_hinh: 1/3
  so_dai_bieu_cap_tren: 3
thanh_phan:
  dien_hinh: 210
  khach_moi_lanh_dao: 90
doan_chu_tich:
  - {ho_ten: Lê Văn Một, chuc_vu: Giám đốc Sở}
  - {ho_ten: Lê Văn Hai, chuc_vu: Phó Giám đốc Sở}
  - {ho_ten: Lê Văn Ba, chuc_vu: Chủ tịch Công đoàn ngành}
  - {ho_ten: Nguyễn Văn An, chuc_vu: Hiệu trưởng, dien_hinh: true, guong: nguyen-van-an}
  - {ho_ten: Trần Thị Bình, chuc_vu: Giáo viên, dien_hinh: true, guong: tran-thi-binh}
tham_luan:
  - {ten: Dạy học qua dự án, guong: tran-thi-binh}
dai_bieu_cap_tren: [nguyen-van-an, tran-thi-binh, truong-a-tap-the]
"""


def diagnostics(root: Path, conference: str) -> list[str]:
    write_files(root, {**project_files(), H: conference})
    return [str(d) for d in load_project(ProjectPaths.at(root)).report.diagnostics]


def edited(old: str, new: str) -> str:
    assert old in CONFERENCE, old
    return CONFERENCE.replace(old, new, 1)


def test_conference_within_the_plan_passes(tmp_path):
    """300 delegates of at most 300, exactly 70% exemplary, 5 in the presidium with 2 exemplary, 3 sent above."""
    assert diagnostics(tmp_path, CONFERENCE) == []


@pytest.mark.parametrize(
    ("conference",),
    [
        (edited("cap: tren_co_so", "cap: tren_co_so\nhinh_thuc: san_khau_hoa").split("doan_chu_tich:\n")[0]
         + "tham_luan:" + CONFERENCE.split("tham_luan:")[1],),
        (re.sub(r"quy_dinh:\n(  .*\n)+", "", CONFERENCE).replace("khach_moi_lanh_dao: 90", "khach_moi_lanh_dao: 900"),),
    ],
    ids=["staged format needs no presidium", "no rules in the file: numbers are not checked"],
)
def test_other_valid_conferences(tmp_path, conference):
    assert diagnostics(tmp_path, conference) == []


# (what is wrong, text replaced, replacement, the exact lines printed)
CASES = [
    (
        "too many delegates",
        "dien_hinh: 210", "dien_hinh: 211",
        ["data/hoi-nghi/hn.yaml:17:3: lỗi: hội nghị có 211 + 90 = 301 đại biểu, vượt mức tối đa 300 của kế hoạch ('tong_dai_bieu_toi_da'); giảm số đại biểu"],
    ),
    (
        "exemplary share below 70%",
        "dien_hinh: 210", "dien_hinh: 200",
        ["data/hoi-nghi/hn.yaml:17:14: lỗi: đại biểu điển hình tiên tiến mới chiếm 68,97% (200/290); kế hoạch yêu cầu ít nhất 70%: cần ít nhất 203 đại biểu điển hình"],
    ),
    (
        "presidium too small",
        "  - {ho_ten: Lê Văn Hai, chuc_vu: Phó Giám đốc Sở}\n  - {ho_ten: Lê Văn Ba, chuc_vu: Chủ tịch Công đoàn ngành}\n", "",
        ["data/hoi-nghi/hn.yaml:20:3: lỗi: đoàn chủ tịch có 3 người; kế hoạch yêu cầu ít nhất 5"],
    ),
    (
        "presidium too large",
        "doan_chu_tich_toi_da: 9", "doan_chu_tich_toi_da: 4",
        ["data/hoi-nghi/hn.yaml:20:3: lỗi: đoàn chủ tịch có 5 người; kế hoạch cho tối đa 4"],
    ),
    (
        "too few exemplary people in the presidium",
        "doan_chu_tich_ty_le_dien_hinh: 1/3", "doan_chu_tich_ty_le_dien_hinh: 1/2",
        ["data/hoi-nghi/hn.yaml:20:3: lỗi: đoàn chủ tịch có 2/5 người là anh hùng, chiến sĩ thi đua hoặc điển hình tiên tiến; kế hoạch yêu cầu ít nhất một nửa (3 người): ghi 'dien_hinh: true' cho người đủ điều kiện"],
    ),
    (
        "no presidium at a conference that is not staged",
        "doan_chu_tich:\n" + CONFERENCE.split("doan_chu_tich:\n")[1].split("tham_luan:")[0], "",
        ["data/hoi-nghi/hn.yaml:1:5: lỗi: đoàn chủ tịch có 0 người; kế hoạch yêu cầu ít nhất 5 (hội nghị sân khấu hóa, giao lưu trực tiếp thì ghi 'hinh_thuc: san_khau_hoa' và không cần đoàn chủ tịch)"],
    ),
    (
        "wrong number of delegates sent above",
        "dai_bieu_cap_tren: [nguyen-van-an, tran-thi-binh, truong-a-tap-the]", "dai_bieu_cap_tren: [nguyen-van-an, tran-thi-binh]",
        ["data/hoi-nghi/hn.yaml:27:20: lỗi: kế hoạch yêu cầu cử 3 đại biểu đi dự cấp trên; danh sách 'dai_bieu_cap_tren' có 2"],
    ),
    (
        "a delegate named twice",
        "[nguyen-van-an, tran-thi-binh, truong-a-tap-the]", "[nguyen-van-an, tran-thi-binh, nguyen-van-an]",
        ["data/hoi-nghi/hn.yaml:27:51: lỗi: hồ sơ 'nguyen-van-an' có tên hai lần trong danh sách đại biểu cử đi; xóa dòng lặp"],
    ),
    (
        "testimony by an unknown record",
        "{ten: Dạy học qua dự án, guong: tran-thi-binh}", "{ten: Dạy học qua dự án, guong: tran-thi-bin}",
        ["data/hoi-nghi/hn.yaml:26:37: lỗi: không có hồ sơ mã 'tran-thi-bin' trong data/guong/; có phải ý bạn là 'tran-thi-binh'?"],
    ),
    (
        "unknown organizer",
        "don_vi: so-mau", "don_vi: so-ma",
        ["data/hoi-nghi/hn.yaml:7:9: lỗi: không có đơn vị mã 'so-ma' trong data/don-vi/; có phải ý bạn là 'so-mau'?"],
    ),
    (
        "share in words",
        "ty_le_dien_hinh_toi_thieu: 70%", "ty_le_dien_hinh_toi_thieu: bảy mươi phần trăm",
        ["data/hoi-nghi/hn.yaml:11:30: lỗi: trường 'quy_dinh.ty_le_dien_hinh_toi_thieu' (Tỉ lệ đại biểu điển hình tối thiểu): tỉ lệ 'bảy mươi phần trăm' cần viết dạng phần trăm như '70%' hoặc phân số như '1/3'"],
    ),
    (
        "period backwards",
        "giai_doan: 2020-2025", "giai_doan: 2025-2020",
        ["data/hoi-nghi/hn.yaml:6:12: lỗi: trường 'giai_doan' (Giai đoạn): giai đoạn '2025-2020' cần viết dạng 'năm đầu-năm cuối', ví dụ '2020-2025'"],
    ),
]


@pytest.mark.parametrize(("what", "old", "new", "expected"), CASES, ids=[c[0] for c in CASES])
def test_conference_rule_breaks_give_the_line_and_the_fix(tmp_path, what, old, new, expected):
    assert diagnostics(tmp_path, edited(old, new)) == expected


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


SEEDS = Path(__file__).parent / "seeds"


def seed_agenda(seed: str) -> list[str]:
    """The programme items of a seed plan, as written, without the list punctuation."""
    text = (SEEDS / seed).read_text(encoding="utf-8")
    programme = re.search(r"Chương trình\*{0,2}\n\n((?:- .*\n)+)", text).group(1)
    return [line[2:].rstrip(";.") for line in programme.splitlines()]


def agenda(html: str) -> list[str]:
    programme = re.search(r'<h2 id="chuong-trinh">.*?</ol>', html, re.S).group()
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", programme)]


def rules(html: str) -> dict[str, list[str]]:
    """The quoted rules under each heading of the 'Quy định của kế hoạch' section."""
    section = re.search(r'<h2 id="quy-dinh">.*?(?=<h2 |\Z)', html, re.S).group()
    groups = re.findall(r"<h3 [^>]*>(.*?)</h3>\s*<ul[^>]*>(.*?)</ul>", section, re.S)
    return {unescape(re.sub(r"<.*", "", head)).strip(): [unescape(q) for q in re.findall(r"<q>(.*?)</q>", body, re.S)] for head, body in groups}


def test_2020_conference_has_the_nine_items_of_plan_237(demo_site):
    """Not a generic programme: plan 237's nine items, in its order and words."""
    html = page(demo_site, "hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2020")
    assert len(seed_agenda("000_29a00151044414fa.txt")) == 9
    assert agenda(html) == seed_agenda("000_29a00151044414fa.txt")
    assert rules(html)["Hội nghị điển hình tiên tiến ngành giáo dục và đào tạo thành phố Cần Thơ"] == [
        "Thời gian tổ chức: 1/2 ngày vào quý II năm 2020.",
        "Số lượng: tối đa 200 đại biểu (70% là đại biểu điển hình tiên tiến, 30% là đại biểu khách mời).",
    ]


def test_conference_without_an_agenda_shows_none_rather_than_a_made_up_one(tmp_path):
    from conftest import make_project, run_script

    source = (Path(__file__).parents[1] / "data/hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2020.yaml").read_text(encoding="utf-8")
    source = re.sub(r"chuong_trinh:\n(  - .*\n)+", "", source)
    root = make_project(tmp_path / "p", files={"data/hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2020.yaml": source})
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    html = page(root / "site", "hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2020")
    assert 'id="chuong-trinh"' not in html and "Tuyên bố lý do" not in html


def test_plan_001_rules_sit_at_their_level(demo_site):
    """School level: plenary under 300 staff, at most 200 delegates over 300, the pilot at THPT Ngô Quyền,
    03 delegates with their achievement summary sent up; department level: at most 300; each Phòng GDĐT
    nominates 01 collective and 01 individual. The seed's own words, under the level the seed puts them."""
    html = page(demo_site, "hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2025")
    seed = " ".join((SEEDS / "001_400c52ecf24991fe.txt").read_text(encoding="utf-8").split())
    found = rules(html)
    school = " ".join(found["Cấp cơ sở (các cơ sở giáo dục, các đơn vị trực thuộc Sở Giáo dục và Đào tạo)"])
    department = " ".join(found["Cấp trên cơ sở (Sở Giáo dục và Đào tạo)"])
    offices = " ".join(found["Các Phòng Giáo dục và Đào tạo quận/huyện"])
    assert "dưới 300 công chức, viên chức và người lao động thì tổ chức Hội nghị toàn thể" in school
    assert "không quá 200 đại biểu" in school and "Trường THPT Ngô Quyền" in school
    assert "trích ngang thành tích của đại biểu được cử dự Hội nghị cấp trên (03 đại biểu)" in school
    assert "Tối đa 300 đại biểu" in department and "03 đại biểu" not in department
    assert "mỗi Phòng Giáo dục và Đào tạo giới thiệu 01 tập thể và 01 cá nhân" in offices
    for quote in [q for quotes in found.values() for q in quotes]:
        for sentence in re.split(r"(?<=[.;]) ", quote):
            assert sentence.strip("().") in seed.replace("*", ""), sentence
    assert 'Cấp trên cơ sở (Sở Giáo dục và Đào tạo) <span class="gs-nhan">cấp của hội nghị này</span>' in html


def test_delegates_summary_gives_main_achievement_and_decision(demo_site):
    html = page(demo_site, "hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2025")
    above = html.split('<h2 id="cap-tren">')[1]
    row = re.search(r"<tr>\s*<th scope=\"row\"><a [^>]*>Ngô Thị Lan Anh</a></th>.*?</tr>", above, re.S).group()
    cells = [unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
    assert cells[2].startswith("Cô tổ chức câu lạc bộ đọc và viết cho học sinh")
    assert cells[4] == "3187/QĐ-UBND ngày 15/11/2024 của UBND thành phố Hải Phòng"


def test_conference_page_shows_the_programme_the_people_and_the_testimonies(demo_site):
    html = page(demo_site, "hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2025")
    assert '<h1 id="noi-dung" class="gs-phong"><span>HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN</span> <span>Giai đoạn 2020 - 2025</span></h1>' in html
    assert agenda(html) == seed_agenda("001_400c52ecf24991fe.txt")
    assert "<td>300 (tối đa 300)</td>" in html and "<td>72%</td>" in html
    presidium = re.search(r'<h2 id="doan-chu-tich">.*?</ul>', html, re.S).group()
    assert presidium.count("<li>") == 7 and presidium.count("điển hình tiên tiến</span>") == 3
    assert '<a href="../../guong/ngo-thi-lan-anh-thpt-hoa-phuong/">Ngô Thị Lan Anh</a>' in presidium
    testimonies = re.search(r'<h2 id="tham-luan">.*?</ol>', html, re.S).group()
    assert "<strong>Phòng thí nghiệm luôn sẵn sàng cho giờ thực hành</strong>: <a href=\"../../guong/dinh-thi-hue-thpt-hoa-phuong/\">" in testimonies
    above = html.split('<h2 id="cap-tren">')[1]
    assert above.count('<th scope="row"><a href="../../guong/') == 3
    index = page(demo_site, "hoi-nghi")
    assert index.index("hoi-nghi-dien-hinh-tien-tien-2025/") < index.index("hoi-nghi-dien-hinh-tien-tien-2020/")  # newest first


def test_campaign_page_has_its_timeline_documents_criteria_and_counts(demo_site):
    html = page(demo_site, "phong-trao/doi-moi-sang-tao-2021-2025")
    timeline = re.search(r'<ol class="gs-moc">.*?</ol>', html, re.S).group()
    assert re.findall(r"<strong>(.*?)</strong>", timeline) == ["Phát động", "Sơ kết", "Tổng kết", "Kết thúc"]
    assert '<time datetime="2023-11-20">20/11/2023</time>' in timeline
    assert 'href="../../van-ban/2021-1729-kh-sgddt/"' in html
    assert 'href="../../tieu-chi/giao-vien/#hy-2021-giao-vien"' in html
    assert "<caption>Số khen thưởng trong phong trào, theo năm và danh hiệu</caption>" in html
    assert 'href="../../guong/phong-trao/doi-moi-sang-tao-2021-2025/"' in html
    quang_nam = page(demo_site, "phong-trao/thi-dua-quang-nam-2024")
    assert "Đợt thứ nhất" in quang_nam and "Đợt thứ hai" in quang_nam


def test_criteria_page_gives_each_item_a_stable_anchor_and_its_source(demo_site):
    html = page(demo_site, "tieu-chi/giao-vien")
    assert '<li id="hy-2021-giao-vien--tc-1">' in html
    assert html.index('id="ct-2019-chung"') < html.index('id="hy-2021-giao-vien"')  # general sets first
    assert 'theo <a href="../../van-ban/2021-1729-kh-sgddt/">' in html
    assert "gương đạt tiêu chí này</summary>" in html
    assert not (demo_site / "tieu-chi/mam-non").exists()


def test_presidium_member_whose_record_is_not_public_shows_by_position_only(tmp_path):
    """The conference file names a teacher whose record is not published: the page keeps the seat, not the name."""
    from conftest import make_project, run_script

    conference = (Path(__file__).parents[1] / "data/hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2020.yaml").read_text(encoding="utf-8")
    conference = conference.replace(
        "  - ho_ten: Hồ Văn Sơn\n", "  - ho_ten: Phạm Minh Đức\n    chuc_vu: Giáo viên tiểu học\n    guong: pham-minh-duc-th-binh-minh\n  - ho_ten: Hồ Văn Sơn\n", 1
    )
    root = make_project(tmp_path / "p", files={"data/hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2020.yaml": conference})
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    html = page(root / "site", "hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2020")
    assert "<li>Giáo viên tiểu học</li>" in html
    assert "Phạm Minh Đức" not in html
