"""Open data (Nghị định 42/2022/NĐ-CP): a JSON file per collection, public fields of published records only."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guongsang import urls
from guongsang.output.context import OutputContext
from guongsang.site.linking import SiteModel
from guongsang.site.unithistory import name_at


@dataclass(frozen=True)
class OpenDataCollection:
    """One JSON file: what it holds and the meaning of each field (shown on the Dữ liệu mở page)."""

    name: str
    title: str
    fields: tuple[tuple[str, str], ...]
    build: Callable[[SiteModel], list[dict[str, Any]]]

    @property
    def url(self) -> str:
        return urls.open_data_file(self.name)

    def document(self, site: SiteModel, site_url: str) -> str:
        """The file's JSON text: a small header, then the records."""
        records = self.build(site)
        for record in records:
            if "url" in record:
                record["url"] = urls.absolute(site_url, record["url"])
        payload = {"tap_du_lieu": self.name, "mo_ta": self.title, "so_ban_ghi": len(records), "ban_ghi": records}
        return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def _honorees(site: SiteModel) -> list[dict[str, Any]]:
    result = []
    for profile in site.profiles:
        honoree = profile.honoree
        record: dict[str, Any] = {"ma": honoree.id, "url": profile.url, "doi_tuong": honoree.subject.value, "ten_hien_thi": profile.name}
        if not honoree.is_collective:
            record |= {"ho": honoree.family_name, "ten_dem": honoree.middle_name, "ten": honoree.given_name}
        record |= {
            "don_vi": honoree.unit,
            "chuc_vu": honoree.position,
            "khen_thuong": [
                {
                    "loai": award.type,
                    "hang": award.grade.value if award.grade else None,
                    "nam": award.year,
                    "nam_hoc": award.school_year,
                    "quyet_dinh": {"so": award.decision.number, "ngay": _date(award.decision.date), "co_quan": award.decision.issuer} if award.decision else None,
                    "phong_trao": award.campaign,
                    "don_vi_khi_do": name_at(site.units, honoree.unit, award.day).then,
                }
                for award in honoree.awards
                if not award.annulled
            ],
            "phong_trao": [c.id for c in profile.campaigns],
            "tieu_chi_dat": list(honoree.criteria_met),
            "tom_tat": honoree.summary,
            "du_lieu_mau": honoree.sample,
        }
        result.append(record)
    return result


def _units(site: SiteModel) -> list[dict[str, Any]]:
    return [
        {
            "ma": u.id, "ten": u.name, "loai": u.kind.value, "xa": u.commune, "tinh": u.province, "ap_dung_tu": _date(u.names_from), "don_vi_cap_tren": u.parent,
            "tu_ngay": _date(u.start), "den_ngay": _date(u.end), "don_vi_ke_tiep": u.successor,
            **{key: [{"ten": f.name, "tu_ngay": _date(f.start), "den_ngay": _date(f.end)} for f in former] for key, former in (
                ("ten_truoc", u.former_names), ("truc_thuoc_truoc", u.former_parents), ("tinh_truoc", u.former_provinces),
            )},
            "du_lieu_mau": u.sample,
        }
        for u in site.units.values()
    ]


def _campaigns(site: SiteModel) -> list[dict[str, Any]]:
    return [
        {
            "ma": c.id, "ten": c.name, "hinh_thuc": c.form.value, "tu_ngay": _date(c.start), "den_ngay": _date(c.end), "pham_vi": c.scope,
            "doi_tuong": [s.value for s in c.subjects],
            "dot": [{"ten": p.name, "tu_ngay": _date(p.start), "den_ngay": _date(p.end), "noi_dung": p.celebrates} for p in c.phases],
            "so_ket_tong_ket": [{"loai": r.kind.value, "ngay": _date(r.date), "noi_dung": r.note} for r in c.reviews],
            "van_ban": list(c.documents), "bo_tieu_chi": list(c.criteria_sets),
        }
        for c in site.campaigns.values()
    ]


def _criteria(site: SiteModel) -> list[dict[str, Any]]:
    return [
        {"ma": c.id, "ten": c.name, "doi_tuong": [s.value for s in c.subjects], "pham_vi": c.scope.value, "van_ban_nguon": c.source_document,
         "tieu_chi": [{"ma": i.id, "noi_dung": i.text} for i in c.items]}
        for c in site.criteria_sets.values()
    ]


def _award_types(site: SiteModel) -> list[dict[str, Any]]:
    return [
        {"ma": a.id, "ten": a.name, "nhom": a.group.value, "doi_tuong": a.subject.value, "cap": a.level.value, "hang": [g.value for g in a.grades], "tham_quyen": a.decided_by,
         "ten_thanh_pho": a.city_name, "tu_ngay": _date(a.valid_from), "den_ngay": _date(a.valid_until)}
        for a in site.award_types.values()
    ]


def _documents(site: SiteModel) -> list[dict[str, Any]]:
    return [
        {
            "ma": d.id, "url": d.url, "loai": d.meta.doc_type, "so_ky_hieu": d.meta.number or None, "ngay_ban_hanh": str(d.meta.date),
            "co_quan_chu_quan": d.meta.parent_body, "co_quan_ban_hanh": d.meta.issuing_body,
            "don_vi_ban_hanh": d.meta.issuing_unit, "trich_yeu": d.plain_title,
            "trang_thai": d.meta.status.value, "nguoi_ky": " ".join(d.signer_lines + ([d.meta.signer.name] if d.meta.signer and d.meta.signer.name else [])),
        }
        for d in site.documents
    ]


def _stories(site: SiteModel) -> list[dict[str, Any]]:
    return [
        {"ma": s.id, "url": s.url, "tieu_de": s.meta.title, "ngay": _date(s.meta.date), "tac_gia": s.meta.author,
         "guong": [h for h in s.meta.honorees if site.profile(h)], "the": list(s.meta.tags), "tom_tat": s.excerpt}
        for s in site.stories
    ]


COLLECTIONS = [
    OpenDataCollection("guong", "Gương điển hình tiên tiến đã công khai", (
        ("ma", "mã cố định của hồ sơ"), ("url", "địa chỉ trang hồ sơ"), ("doi_tuong", "tap_the, can_bo_quan_ly, giao_vien, nhan_vien hoặc hoc_sinh"),
        ("ten_hien_thi", "họ tên, hoặc tên tập thể"), ("ho, ten_dem, ten", "các phần của họ tên (chỉ với cá nhân)"), ("don_vi", "mã đơn vị"),
        ("chuc_vu", "chức vụ, công việc"), ("khen_thuong", "danh sách: loai (mã danh hiệu), hang, nam hoặc nam_hoc, quyet_dinh (so, ngay, co_quan), phong_trao, don_vi_khi_do (tên đơn vị tại ngày khen thưởng)"),
        ("phong_trao", "mã các phong trào"), ("tieu_chi_dat", "mã-bộ-tiêu-chí/mã-tiêu-chí"), ("tom_tat", "tóm tắt thành tích"), ("du_lieu_mau", "true nếu là dữ liệu mẫu hư cấu"),
    ), _honorees),
    OpenDataCollection("don-vi", "Đơn vị", (
        ("ma", "mã đơn vị"), ("ten", "tên"), ("loai", "mam_non, tieu_hoc, thcs, thpt, gdtx, phong, so hoặc khac"), ("xa, tinh", "địa danh tại ngày ap_dung_tu"),
        ("ap_dung_tu", "ngày áp dụng các địa danh"), ("don_vi_cap_tren", "mã đơn vị cấp trên hiện nay"),
        ("tu_ngay, den_ngay", "ngày thành lập, ngày cuối cùng hoạt động (nếu có)"), ("don_vi_ke_tiep", "mã đơn vị nhận lại đơn vị này khi sáp nhập"),
        ("ten_truoc, truc_thuoc_truoc, tinh_truoc", "tên gọi, cơ quan quản lý (kể cả cấp huyện) và tỉnh trước đây: ten, tu_ngay, den_ngay"),
        ("du_lieu_mau", "true nếu là dữ liệu mẫu hư cấu"),
    ), _units),
    OpenDataCollection("phong-trao", "Phong trào thi đua", (
        ("ma", "mã phong trào"), ("ten", "tên"), ("hinh_thuc", "thuong_xuyen hoặc chuyen_de"), ("tu_ngay, den_ngay", "thời gian (ISO 8601; chỉ năm khi văn bản không ghi ngày)"),
        ("doi_tuong", "đối tượng tham gia"), ("dot", "các đợt thi đua"), ("so_ket_tong_ket", "các lần sơ kết, tổng kết"), ("van_ban, bo_tieu_chi", "mã văn bản và bộ tiêu chí"),
    ), _campaigns),
    OpenDataCollection("tieu-chi", "Bộ tiêu chí lựa chọn gương điển hình", (
        ("ma", "mã bộ tiêu chí"), ("ten", "tên"), ("doi_tuong", "đối tượng áp dụng"), ("pham_vi", "chung hoặc cu_the"), ("van_ban_nguon", "mã văn bản nguồn"), ("tieu_chi", "các tiêu chí: ma, noi_dung"),
    ), _criteria),
    OpenDataCollection("danh-hieu", "Danh hiệu thi đua, hình thức khen thưởng", (
        ("ma", "mã"), ("ten", "tên gọi"), ("nhom", "danh_hieu_thi_dua, hinh_thuc_khen_thuong hoặc khen_thuong_hoc_sinh"), ("doi_tuong", "ca_nhan, tap_the hoặc ca_nhan_va_tap_the"),
        ("cap", "co_so, tinh_bo_nganh hoặc toan_quoc"), ("hang", "các hạng, nếu có"), ("tham_quyen", "cấp quyết định"),
        ("ten_thanh_pho", "tên khi cơ quan quyết định là UBND thành phố trực thuộc trung ương"), ("tu_ngay, den_ngay", "được trao từ, đến ngày (khen thưởng của cấp huyện: đến 30/6/2025)"),
    ), _award_types),
    OpenDataCollection("van-ban", "Văn bản", (
        ("ma", "mã (tên tệp)"), ("url", "địa chỉ trang"), ("loai", "loại văn bản"), ("so_ky_hieu", "số, ký hiệu"), ("ngay_ban_hanh", "ngày ban hành (dự thảo, hoặc bản không ghi ngày, có thể chỉ có năm)"),
        ("co_quan_chu_quan, co_quan_ban_hanh", "cơ quan"), ("don_vi_ban_hanh", "mã đơn vị ban hành trong don-vi.json, nếu có"), ("trich_yeu", "trích yếu"), ("trang_thai", "du_thao, ban_hanh hoặc het_hieu_luc"), ("nguoi_ky", "khối chữ ký"),
    ), _documents),
    OpenDataCollection("cau-chuyen", "Câu chuyện người tốt, việc tốt", (
        ("ma", "mã (tên tệp)"), ("url", "địa chỉ trang"), ("tieu_de", "tiêu đề"), ("ngay", "ngày đăng"), ("tac_gia", "tác giả"), ("guong", "mã các hồ sơ được kể"), ("the", "các thẻ"), ("tom_tat", "tóm tắt"),
    ), _stories),
]


def write(site_dir: Path, context: OutputContext) -> None:
    for collection in COLLECTIONS:
        context.write_text(site_dir / collection.url, collection.document(context.site, context.settings.site_url))
