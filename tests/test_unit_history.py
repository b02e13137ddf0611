"""Units with a history: the name on the day of each award or conference, 'nay là …', and the checks around it."""

from __future__ import annotations

import csv
import html as html_module
import json
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import make_project
from guongsang.project import ProjectPaths, load_project
from guongsang.records.models import Unit
from guongsang.site.unithistory import facts, name_at, province_at

ROOT = Path(__file__).resolve().parents[1]


def _unit(**fields: object) -> Unit:
    return Unit.model_validate({"loai": "thcs", "tinh": "Hưng Yên", **fields})


UNITS = {
    "cu": _unit(
        ma="cu", ten="Trường THCS Tây Sơn", den_ngay="2025-06-30", don_vi_ke_tiep="moi",
        ten_truoc=[{"ten": "Trường cấp 2 Tây Sơn", "den_ngay": "2004-08-31"}],
        tinh="Thái Bình",
    ),
    "moi": _unit(
        ma="moi", ten="Trường THCS Quang Trung", tu_ngay="2025-07-01",
    ),
}


def _text(page: Path) -> str:
    """The visible text of a page's content, tags dropped, spaces collapsed."""
    body = page.read_text(encoding="utf-8")
    body = re.sub(r"<svg.*?</svg>|<script.*?</script>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", body)))


def test_name_on_a_day_follows_former_names_and_successors():
    """One function names a unit on a day; 'nay là …' is its successor's name today, and only when it differs."""
    assert name_at(UNITS, "cu", date(2000, 1, 1)).label == "Trường cấp 2 Tây Sơn (nay là Trường THCS Quang Trung)"
    assert name_at(UNITS, "cu", date(2025, 6, 30)).label == "Trường THCS Tây Sơn (nay là Trường THCS Quang Trung)"
    assert name_at(UNITS, "moi", date(2025, 9, 1)).label == "Trường THCS Quang Trung"
    assert province_at(UNITS, "cu", date(2024, 1, 1)).label == "Thái Bình (nay là Hưng Yên)"
    assert ("Ngừng hoạt động", "sau ngày 30/6/2025, nay thuộc Trường THCS Quang Trung") in facts(UNITS, "cu")
    assert ("Tiếp nhận", "Trường THCS Tây Sơn") in facts(UNITS, "moi")


def test_a_successor_loop_is_named_and_naming_stays_finite(tmp_path):
    """Two units each the other's successor: one message per unit, and naming does not loop."""
    loop = {
        "a": _unit(ma="a", ten="A", den_ngay="2020-01-01", don_vi_ke_tiep="b"),
        "b": _unit(ma="b", ten="B", den_ngay="2021-01-01", don_vi_ke_tiep="a"),
    }
    assert name_at(loop, "a", date(2019, 1, 1)).label == "A (nay là B)"
    root = make_project(tmp_path, seeds=False, files={
        f"data/don-vi/{u}.yaml": f"ma: {u}\nten: {u.upper()}\nloai: khac\ntinh: Hưng Yên\nden_ngay: {end}\ndon_vi_ke_tiep: {nxt}\n"
        for u, nxt, end in (("a", "b", "2020-01-01"), ("b", "a", "2021-01-01"))
    })
    messages = [str(d) for d in load_project(ProjectPaths.at(root)).report.diagnostics]
    assert "data/don-vi/a.yaml:6:17: lỗi: đơn vị kế tiếp tạo thành vòng lặp (a → b → a); đơn vị sau không thể sáp nhập ngược vào đơn vị trước" in messages


def test_an_organiser_that_did_not_exist_on_the_conference_day(tmp_path):
    """A conference dated before its organiser was founded is an error at the organiser line of the conference."""
    unit = (ROOT / "data/don-vi/so-gddt-can-tho.yaml").read_text(encoding="utf-8")
    root = make_project(tmp_path, files={"data/don-vi/so-gddt-can-tho.yaml": unit + "tu_ngay: 2020-06-01\n"})
    messages = [str(d) for d in load_project(ProjectPaths.at(root)).report.diagnostics]
    line = next(i for i, text in enumerate((ROOT / "data/hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2020.yaml").read_text(encoding="utf-8").splitlines(), 1) if text.startswith("don_vi:"))
    assert (
        f"data/hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2020.yaml:{line}:9: lỗi: hội nghị ngày 22/5/2020 có trước ngày đơn vị 'so-gddt-can-tho'"
        " thành lập (01/6/2020, 'tu_ngay' trong data/don-vi/so-gddt-can-tho.yaml); kiểm tra ngày hoặc đơn vị"
    ) in messages


def test_an_organiser_that_had_ended_by_the_conference_day(tmp_path):
    """Organised by a department merged away before the day: the error names the successor to write instead."""
    conference = (ROOT / "data/hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2025.yaml").read_text(encoding="utf-8")
    conference = conference.replace("don_vi: so-gddt-hai-phong", "don_vi: so-gddt-quang-nam").replace("ngay: 2025-04-25", "ngay: 2025-08-15")
    root = make_project(tmp_path, files={"data/hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2025.yaml": conference})
    messages = [str(d) for d in load_project(ProjectPaths.at(root)).report.diagnostics]
    line = next(i for i, text in enumerate(conference.splitlines(), 1) if text.startswith("don_vi:"))
    assert (
        f"data/hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2025.yaml:{line}:9: lỗi: hội nghị ngày 15/8/2025 có sau ngày đơn vị 'so-gddt-quang-nam'"
        " ngừng hoạt động (30/6/2025, 'den_ngay' trong data/don-vi/so-gddt-quang-nam.yaml); từ ngày 01/7/2025 ghi đơn vị kế tiếp 'so-gddt-da-nang'"
    ) in messages


def test_a_document_shows_its_issuer_as_named_then_outside_the_printed_header(demo_site):
    """The Quảng Nam plan of 2024: the facts box names Sở GDĐT tỉnh Quảng Nam, now Đà Nẵng's; the header stays as printed."""
    page = (demo_site / "van-ban/2024-quang-nam-phat-dong-phong-trao-thi-dua/index.html").read_text(encoding="utf-8")
    header = re.search(r'<td class="vb-dau__co-quan">.*?</td>', page, re.S).group()
    assert re.sub(r"<[^>]+>|\s+", " ", header).split() == "UBND TỈNH QUẢNG NAM SỞ GIÁO DỤC VÀ ĐÀO TẠO".split()
    assert (
        "<dt>Cơ quan ban hành</dt><dd>Sở Giáo dục và Đào tạo tỉnh Quảng Nam (nay là Sở Giáo dục và Đào tạo thành phố Đà Nẵng)</dd>"
    ) in page
    cantho = (demo_site / "van-ban/2020-237-kh-sgddt/index.html").read_text(encoding="utf-8")
    assert "<dt>Cơ quan ban hành</dt><dd>Sở Giáo dục và Đào tạo thành phố Cần Thơ</dd>" in cantho  # same name now: no 'nay là'


@pytest.mark.parametrize(("conference", "organiser", "city_units"), [
    ("hoi-nghi-dien-hinh-tien-tien-2020", "Sở Giáo dục và Đào tạo thành phố Cần Thơ", {"thpt-my-khanh", "th-an-binh"}),
    ("hoi-nghi-dien-hinh-tien-tien-2025", "Sở Giáo dục và Đào tạo thành phố Hải Phòng", {"thpt-hoa-phuong"}),
])
def test_conference_is_organised_by_the_department_of_its_plan(demo_site, conference, organiser, city_units):
    """Each demo conference: the department whose plan it follows, existing on the day; its people from that city's units."""
    page = (demo_site / f"hoi-nghi/{conference}/index.html").read_text(encoding="utf-8")
    assert f"<dt>Đơn vị tổ chức</dt><dd>{organiser}</dd>" in page
    site = load_project(ProjectPaths.at(ROOT)).site
    view = next(v for v in site.conferences if v.conference.id == conference)
    day = view.conference.date
    assert site.units[view.conference.organizer].exists_on(day)
    people = [s.profile for s in view.presidium if s.profile] + [t.profile for t in view.testimonies] + view.delegates
    assert len(people) == len(view.conference.delegates_above) + len(view.conference.testimonies) + sum(1 for m in view.conference.presidium if m.honoree)
    assert {p.unit.id for p in people} <= city_units
    assert all(site.units[u].exists_on(day) for u in city_units)


def test_demo_awards_show_the_unit_as_named_on_their_day(demo_site):
    """A renamed school: awards before 01/07/2025 name it as it was, 'nay là …' today; the 2025 award does not."""
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", (demo_site / "guong/truong-thcs-quang-trung/index.html").read_text(encoding="utf-8"), re.S)
    cells = {year: html_module.unescape(re.sub(r"<[^>]+>", " ", title)).split() for year, title in rows}
    then = "Khi đó: Trường THCS Tây Sơn (mẫu) (nay là Trường THCS Quang Trung (mẫu))".split()
    assert cells["Năm học 2022-2023"][-len(then):] == then
    assert cells["Năm học 2020-2021"] == "Giấy khen của Chủ tịch UBND huyện".split() + then
    assert cells["Năm học 2024-2025"] == "Tập thể lao động tiên tiến".split()


def test_award_wording_follows_the_deciding_body(demo_site):
    """A centrally-run city's UBND decides 'Bằng khen của Chủ tịch UBND thành phố'; a province's, '… tỉnh'."""
    can_tho = _text(demo_site / "guong/truong-thpt-my-khanh/index.html")
    assert "Bằng khen của Chủ tịch UBND thành phố Số 2890/QĐ-UBND ngày 30/11/2020 của UBND thành phố Cần Thơ" in can_tho
    assert "UBND tỉnh" not in can_tho
    song_thu = _text(demo_site / "guong/truong-thpt-song-thu/index.html")
    assert "Bằng khen của Chủ tịch UBND thành phố Số 2716/QĐ-UBND ngày 26/9/2025 của UBND thành phố Đà Nẵng" in song_thu
    thai_binh = _text(demo_site / "guong/truong-thcs-quang-trung/index.html")
    assert "Bằng khen của Chủ tịch UBND tỉnh Khi đó" in thai_binh


def test_unit_page_tells_its_history(demo_site):
    """The unit's page: former name, province before the merger, the former district office."""
    page = _text(demo_site / "guong/don-vi/thcs-quang-trung/index.html")
    assert "Tên gọi trước đây Trường THCS Tây Sơn (mẫu) (đến 30/6/2025)" in page
    assert "Tỉnh, thành phố Hưng Yên (trước đây: Thái Bình (đến 30/6/2025))" in page
    assert "Trực thuộc trước đây Phòng Giáo dục và Đào tạo huyện Tiền Hải (đến 30/6/2025)" in page
    merged = _text(demo_site / "guong/don-vi/thpt-song-thu/index.html")
    assert "Tỉnh, thành phố Đà Nẵng (trước đây: Quảng Nam (đến 30/6/2025))" in merged


def test_a_unit_name_is_never_printed_twice_in_a_row(demo_site):
    """A school's own record is the unit: its cards, criteria lists and testimonies print its name once."""
    for page in demo_site.rglob("*.html"):
        text = _text(page)
        for name in ("Trường THPT Mỹ Khánh (mẫu)", "Trường THPT Hoàng Hoa Thám (mẫu)", "Trường Mầm non Hoa Sen (mẫu)"):
            for twice in (f"{name} · {name}", f"{name} , {name}", f"{name} Tập thể · {name}"):
                assert twice not in text, (page, twice)
    card = _text(demo_site / "guong/don-vi/thpt-my-khanh/index.html")
    assert "Trường THPT Mỹ Khánh (mẫu) Tập thể Bằng khen của Chủ tịch UBND thành phố (2020)" in card


def test_statistics_count_the_departments_units_by_province_of_the_day(demo_site):
    """Only units now in the publishing department's province count; the merged province shows apart."""
    page = _text(demo_site / "thong-ke/index.html")
    assert re.search(r"Chỉ tính khen thưởng của các đơn vị nay thuộc Hưng Yên, nơi cơ quan công bố trang quản lý; không cộng \d+ khen thưởng", page)
    rows = dict(list(csv.reader((demo_site / "thong-ke/theo-tinh.csv").read_text(encoding="utf-8-sig").splitlines()))[1:])
    assert set(rows) == {"Hưng Yên", "Thái Bình (nay là Hưng Yên)"}
    units = {label for label, _ in list(csv.reader((demo_site / "thong-ke/theo-don-vi.csv").read_text(encoding="utf-8-sig").splitlines()))[1:]}
    assert "Trường THPT Mỹ Khánh (mẫu)" not in units and "Trường THCS Quang Trung (mẫu)" in units


def test_open_data_keeps_the_history(demo_site):
    """Open data: a unit's former names, parents and province; each award's unit name on its day."""
    units = {u["ma"]: u for u in json.loads((demo_site / "du-lieu-mo/don-vi.json").read_text(encoding="utf-8"))["ban_ghi"]}
    assert units["thcs-quang-trung"]["tinh_truoc"] == [{"ten": "Thái Bình", "tu_ngay": None, "den_ngay": "2025-06-30"}]
    honorees = {h["ma"]: h for h in json.loads((demo_site / "du-lieu-mo/guong.json").read_text(encoding="utf-8"))["ban_ghi"]}
    named = {a["nam_hoc"]: a["don_vi_khi_do"] for a in honorees["truong-thcs-quang-trung"]["khen_thuong"]}
    assert named["2021-2022"] == "Trường THCS Tây Sơn (mẫu)" and named["2024-2025"] == "Trường THCS Quang Trung (mẫu)"
