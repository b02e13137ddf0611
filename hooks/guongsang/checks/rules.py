"""Rules between records: every reference resolves, and the rules of the law and the seed plans hold.

Each problem is reported at the line of the value that must change.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

from guongsang import urls
from guongsang.diagnostics import Report
from guongsang.lang import numbers
from guongsang.lang.suggest import suggest
from guongsang.lang.text import short_date
from guongsang.records import consent
from guongsang.records.dataset import DataSet, Entry
from guongsang.records.documents import Document
from guongsang.records.images import check_image
from guongsang.records.models import (
    Award,
    AwardGroup,
    AwardSubject,
    Campaign,
    Conference,
    ConferenceFormat,
    ConsentParty,
    ConsentScope,
    Honoree,
    SubjectType,
    Unit,
)
from guongsang.records.stories import Story

_DAY = timedelta(days=1)

_PARTY_WORDS = {ConsentParty.GUARDIAN: "cha, mẹ hoặc người giám hộ", ConsentParty.SELF: "chính người đó"}
_SCOPE_WORDS = {ConsentScope.NAME: "tên", ConsentScope.SCHOOL: "trường, lớp", ConsentScope.PHOTO: "ảnh", ConsentScope.STORY: "câu chuyện"}


def _who(parties: set[ConsentParty], *, child: bool = False) -> str:
    words = {**_PARTY_WORDS, ConsentParty.SELF: "chính em học sinh (từ đủ 7 tuổi)"} if child else _PARTY_WORDS
    return " và ".join(words[p] for p in sorted(parties, key=lambda p: p.value, reverse=True))


class _Checker:
    def __init__(self, data: DataSet, documents: Iterable[Document], docs_dir: Path, report: Report, today: date) -> None:
        self.today = today
        self.data = data
        self.documents = {d.id: d for d in documents}
        self.docs_dir = docs_dir
        self.report = report
        self.criteria_owners: dict[str, set[str]] = defaultdict(set)
        for campaign in data.campaigns.values():
            for criteria_set in campaign.record.criteria_sets:
                self.criteria_owners[criteria_set].add(campaign.record.id)

    def error(self, entry: Entry, field_path: tuple[str | int, ...], message: str) -> None:
        mark = entry.mark(*field_path)
        self.report.error(entry.path, mark.line, mark.col, message)

    def warning(self, entry: Entry, field_path: tuple[str | int, ...], message: str) -> None:
        mark = entry.mark(*field_path)
        self.report.warning(entry.path, mark.line, mark.col, message)

    def document_error(self, document: Document, field_path: tuple[str | int, ...], message: str) -> None:
        mark = document.located.mark(field_path)
        self.report.error(document.source.path, mark.line, mark.col, message)

    def exists(self, entry: Entry, field_path: tuple[str | int, ...], value: str, known: Collection[str], what: str, where: str) -> bool:
        """Whether ``value`` names a known record; if not, an error with the id it plausibly meant.

        ``known`` is looked up as it is (a dict of thousands of records answers at once).
        """
        if value in known:
            return True
        if value in self.data.invalid_ids:
            return False  # the record itself has an error, reported at its own line
        self.error(entry, field_path, f"không có {what} mã '{value}' trong {where}{_hint(value, known)}")
        return False

    # ---- per collection ----

    def units(self) -> None:
        for entry in self.data.units.values():
            if entry.record.parent:
                self.exists(entry, ("don_vi_cap_tren",), entry.record.parent, self.data.units, "đơn vị", "data/don-vi/")
            self._unit_history(entry)
        for loop in _parent_loops(self.data.units):
            for at, unit_id in enumerate(loop):  # at each member, whose line may be the one to fix
                members = " → ".join([*loop[at:], *loop[:at], unit_id])
                self.error(
                    self.data.units[unit_id], ("don_vi_cap_tren",),
                    f"đơn vị cấp trên tạo thành vòng lặp ({members}); một đơn vị không thể là cấp trên của chính nó",
                )

    def _unit_history(self, entry: Entry[Unit]) -> None:
        """Dates of a unit: its life, its names one after the other without gap or overlap, its successor."""
        unit = entry.record
        if unit.start and unit.end and unit.end < unit.start:
            self.error(entry, ("den_ngay",), f"'den_ngay' ({short_date(unit.end)}) đứng trước ngày thành lập 'tu_ngay' ({short_date(unit.start)})")
            return
        for key, periods, what in (
            ("ten_truoc", unit.former_names, "tên"), ("truc_thuoc_truoc", unit.former_parents, "cơ quan quản lý"),
            ("tinh_truoc", unit.former_provinces, "tỉnh"),
        ):
            for i, period in enumerate(periods):
                at = (key, i)
                if period.start and period.end < period.start:
                    self.error(entry, (*at, "den_ngay"), f"{what} '{period.name}': 'den_ngay' ({short_date(period.end)}) đứng trước 'tu_ngay' ({short_date(period.start)})")
                elif i and period.end <= periods[i - 1].end:
                    self.error(entry, (*at, "den_ngay"), f"'{key}' xếp theo thời gian, cũ trước mới sau: {what} '{period.name}' kết thúc trước {what} '{periods[i - 1].name}' ở dòng trên; đổi chỗ hai mục")
                elif i and period.start and period.start <= periods[i - 1].end:
                    self.error(entry, (*at, "tu_ngay"), (
                        f"{what} '{period.name}' bắt đầu ngày {short_date(period.start)}, khi {what} '{periods[i - 1].name}' còn dùng"
                        f" (đến {short_date(periods[i - 1].end)}); hai thời kỳ chồng lên nhau: sửa 'tu_ngay' thành {short_date(periods[i - 1].end + _DAY)}"
                    ))
                elif i and key == "ten_truoc" and period.start and period.start > periods[i - 1].end + _DAY:
                    self.error(entry, (*at, "tu_ngay"), (
                        f"từ {short_date(periods[i - 1].end + _DAY)} đến {short_date(period.start - _DAY)} đơn vị không có tên nào:"
                        f" sửa 'tu_ngay' thành {short_date(periods[i - 1].end + _DAY)} hoặc thêm tên gọi của thời kỳ đó"
                    ))
            if key != "ten_truoc" or not periods:
                continue
            first, last = periods[0], periods[-1]
            if unit.start and first.start and first.start < unit.start:
                self.error(entry, (key, 0, "tu_ngay"), f"tên '{first.name}' dùng từ {short_date(first.start)}, trước khi đơn vị thành lập ({short_date(unit.start)}, 'tu_ngay'); sửa một trong hai ngày")
            if unit.start and first.end < unit.start:
                self.error(entry, (key, 0, "den_ngay"), f"tên '{first.name}' dùng đến {short_date(first.end)}, trước khi đơn vị thành lập ({short_date(unit.start)}, 'tu_ngay'); sửa một trong hai ngày")
            if unit.end and last.end >= unit.end:
                self.error(entry, (key, len(periods) - 1, "den_ngay"), (
                    f"tên '{last.name}' dùng đến {short_date(last.end)}, khi đơn vị chỉ hoạt động đến {short_date(unit.end)}:"
                    f" tên hiện nay '{unit.name}' không còn ngày nào; sửa 'den_ngay' của tên cũ"
                ))
        if unit.successor:
            self._successor(entry)

    def _successor(self, entry: Entry[Unit]) -> None:
        unit = entry.record
        at = ("don_vi_ke_tiep",)
        if unit.successor == unit.id:
            self.error(entry, at, "đơn vị không thể là đơn vị kế tiếp của chính nó; ghi mã đơn vị đã nhận lại đơn vị này")
            return
        if not self.exists(entry, at, unit.successor, self.data.units, "đơn vị", "data/don-vi/"):
            return
        if unit.end is None:
            self.error(entry, at, "đơn vị có đơn vị kế tiếp là đơn vị đã ngừng hoạt động: thêm 'den_ngay' (ngày cuối cùng, ví dụ 2025-06-30)")
            return
        successor = self.data.units[unit.successor].record
        if successor.start and successor.start > unit.end + _DAY:
            self.error(entry, at, (
                f"đơn vị kế tiếp '{successor.id}' thành lập ngày {short_date(successor.start)}, sau ngày đơn vị này ngừng"
                f" hoạt động ({short_date(unit.end)}); kiểm tra 'den_ngay' hoặc mã đơn vị kế tiếp"
            ))
        if successor.end and successor.end <= unit.end and not successor.successor:
            self.error(entry, at, f"đơn vị kế tiếp '{successor.id}' đã ngừng hoạt động ngày {short_date(successor.end)}, không nhận lại được đơn vị này; kiểm tra mã")
        seen = [unit.id]
        current: Unit | None = successor
        while current is not None and current.id not in seen:
            seen.append(current.id)
            current = self.data.units[current.successor].record if current.successor in self.data.units else None
        if current is not None and current.id == unit.id:
            self.error(entry, at, f"đơn vị kế tiếp tạo thành vòng lặp ({' → '.join([*seen, unit.id])}); đơn vị sau không thể sáp nhập ngược vào đơn vị trước")

    def _existed(self, entry: Entry, at: tuple[str | int, ...], unit_id: str, first: date, last: date, what: str) -> None:
        """An event of ``first``–``last`` (an award, a conference) at a unit that existed then."""
        problem = self._outside_life(unit_id, first, last, what)
        if problem:
            self.error(entry, at, problem)

    def _outside_life(self, unit_id: str, first: date, last: date, what: str) -> str | None:
        """Why an event of ``first``–``last`` cannot be the unit's (before its founding, after its end), or None."""
        unit = self.data.units[unit_id].record
        if unit.start and unit.end and unit.end < unit.start:
            return None  # the unit's own dates are reported at its line
        if unit.start and last < unit.start:
            return f"{what} có trước ngày đơn vị '{unit_id}' thành lập ({short_date(unit.start)}, 'tu_ngay' trong {self.data.units[unit_id].path}); kiểm tra ngày hoặc đơn vị"
        if unit.end and first > unit.end:
            after = f"; từ ngày {short_date(unit.end + _DAY)} ghi đơn vị kế tiếp '{unit.successor}'" if unit.successor else "; kiểm tra ngày hoặc đơn vị"
            return f"{what} có sau ngày đơn vị '{unit_id}' ngừng hoạt động ({short_date(unit.end)}, 'den_ngay' trong {self.data.units[unit_id].path}){after}"
        return None

    def campaigns(self) -> None:
        for entry in self.data.campaigns.values():
            campaign = entry.record
            # A date known only by its year or month is checked against every day it could be.
            first, last = campaign.start.earliest, campaign.end.latest
            if last < first:
                self.error(entry, ("den_ngay",), f"'den_ngay' ({campaign.end}) đứng trước 'tu_ngay' ({campaign.start})")
                continue
            for i, phase in enumerate(campaign.phases):
                if phase.start and phase.end < phase.start:
                    self.error(entry, ("dot", i, "den_ngay"), f"đợt '{phase.name}' kết thúc trước khi bắt đầu")
                if (phase.start and phase.start < first) or phase.end < first or phase.end > last:
                    shown = f"{short_date(phase.start)}–{short_date(phase.end)}" if phase.start else f"đến {short_date(phase.end)}"
                    self.error(entry, ("dot", i), f"đợt '{phase.name}' ({shown}) nằm ngoài thời gian của phong trào ({_span(campaign)})")
            for i, review in enumerate(campaign.reviews):
                if not first <= review.date <= last:
                    self.warning(entry, ("so_ket_tong_ket", i, "ngay"), f"{review.kind.label.lower()} ngày {short_date(review.date)} nằm ngoài thời gian của phong trào ({_span(campaign)})")
            for i, document in enumerate(campaign.documents):
                self.exists(entry, ("van_ban", i), document, self.documents, "văn bản", "content/van-ban/")
            for i, criteria_set in enumerate(campaign.criteria_sets):
                self.exists(entry, ("bo_tieu_chi", i), criteria_set, self.data.criteria_sets, "bộ tiêu chí", "data/tieu-chi/")

    def criteria_sets(self) -> None:
        for entry in self.data.criteria_sets.values():
            criteria = entry.record
            if criteria.source_document:
                self.exists(entry, ("van_ban_nguon",), criteria.source_document, self.documents, "văn bản", "content/van-ban/")
            first_at: dict[str, int] = {}
            for i, item in enumerate(criteria.items):
                if item.id in first_at:
                    line = entry.mark("tieu_chi", first_at[item.id]).line
                    self.error(entry, ("tieu_chi", i, "ma"), f"trùng mã tiêu chí '{item.id}' trong bộ (đã khai báo ở dòng {line})")
                else:
                    first_at[item.id] = i

    def award_types(self) -> None:
        for entry in self.data.award_types.values():
            award_type = entry.record
            if award_type.group is AwardGroup.STUDENT_HONOUR and award_type.subject is not AwardSubject.INDIVIDUAL:
                self.error(entry, ("doi_tuong",), "khen thưởng học sinh chỉ dành cho cá nhân: đặt 'doi_tuong: ca_nhan'")
            if award_type.group is AwardGroup.TITLE and award_type.subject is AwardSubject.BOTH:
                self.error(entry, ("doi_tuong",), "danh hiệu thi đua dành cho cá nhân hoặc cho tập thể, không cho cả hai: chọn 'ca_nhan' hoặc 'tap_the'")

    def stories(self, stories: Iterable[Story]) -> None:
        for story in stories:
            if story.meta.image:
                check_image(self.docs_dir, story.meta.image.file, story.path, story.located.mark(("anh", "tep")), self.report)
            for i, honoree_id in enumerate(story.meta.honorees):
                mark = story.located.mark(("guong", i))
                entry = self.data.honorees.get(honoree_id)
                if entry is None:
                    if honoree_id not in self.data.invalid_ids:
                        self.report.error(story.path, mark.line, mark.col, f"không có hồ sơ mã '{honoree_id}' trong data/guong/{_hint(honoree_id, self.data.honorees)}")
                    continue
                honoree = entry.record
                if consent.withdrawal(honoree, self.today):
                    self.report.warning(story.path, mark.line, mark.col, f"'{honoree_id}' đã rút lại đồng ý: câu chuyện này được gỡ khỏi trang ({consent.DATA_LAW})")
                elif not consent.allows(honoree, ConsentScope.STORY, self.today):
                    missing = consent.missing_parties(honoree, ConsentScope.STORY, self.today)
                    law = consent.CHILD_LAW if consent.is_child(honoree) else consent.DATA_LAW
                    self.report.error(
                        story.path, mark.line, mark.col,
                        f"câu chuyện kể về '{honoree_id}' cần sự đồng ý của {_who(missing, child=consent.is_child(honoree))} (pham_vi: cau_chuyen) theo {law};"
                        f" thêm vào 'dong_y' của {entry.where}",
                    )

    def conferences(self) -> None:
        """References, then the plan's numbers (``quy_dinh``): each rule only when the plan sets it."""
        for entry in self.data.conferences.values():
            conference = entry.record
            if self.exists(entry, ("don_vi",), conference.organizer, self.data.units, "đơn vị", "data/don-vi/") and conference.date:
                self._existed(entry, ("don_vi",), conference.organizer, conference.date, conference.date, f"hội nghị ngày {short_date(conference.date)}")
            if conference.plan:
                self.exists(entry, ("van_ban",), conference.plan, self.documents, "văn bản", "content/van-ban/")
            for i, member in enumerate(conference.presidium):
                if member.honoree:
                    self.exists(entry, ("doan_chu_tich", i, "guong"), member.honoree, self.data.honorees, "hồ sơ", "data/guong/")
            for i, testimony in enumerate(conference.testimonies):
                self.exists(entry, ("tham_luan", i, "guong"), testimony.honoree, self.data.honorees, "hồ sơ", "data/guong/")
            seen: set[str] = set()
            for i, delegate in enumerate(conference.delegates_above):
                if delegate in seen:
                    self.error(entry, ("dai_bieu_cap_tren", i), f"hồ sơ '{delegate}' có tên hai lần trong danh sách đại biểu cử đi; xóa dòng lặp")
                seen.add(delegate)
                self.exists(entry, ("dai_bieu_cap_tren", i), delegate, self.data.honorees, "hồ sơ", "data/guong/")
            self._conference_numbers(entry)

    def _conference_numbers(self, entry: Entry[Conference]) -> None:
        conference, rules = entry.record, entry.record.rules
        composition = conference.composition
        if composition:
            if rules.max_delegates is not None and composition.total > rules.max_delegates:
                self.error(entry, ("thanh_phan",), (
                    f"hội nghị có {composition.exemplary} + {composition.guests} = {composition.total} đại biểu, vượt mức tối đa "
                    f"{rules.max_delegates} của kế hoạch ('tong_dai_bieu_toi_da'); giảm số đại biểu"
                ))
            share = rules.min_exemplary_share
            if share is not None and composition.total and Fraction(composition.exemplary, composition.total) < share:
                self.error(entry, ("thanh_phan", "dien_hinh"), (
                    f"đại biểu điển hình tiên tiến mới chiếm {_percent(Fraction(composition.exemplary, composition.total))} "
                    f"({composition.exemplary}/{composition.total}); kế hoạch yêu cầu ít nhất {_percent(share)}: "
                    f"cần ít nhất {math.ceil(share * composition.total)} đại biểu điển hình"
                ))
        presidium = conference.presidium
        if conference.format is ConferenceFormat.STAGED and not presidium:
            return  # a staged conference may have no presidium (seed 001)
        where = ("doan_chu_tich",) if presidium else ("ma",)
        if rules.presidium_min is not None and len(presidium) < rules.presidium_min:
            staged = "" if presidium else f" (hội nghị {ConferenceFormat.STAGED.label.lower()} thì ghi 'hinh_thuc: san_khau_hoa' và không cần đoàn chủ tịch)"
            self.error(entry, where, f"đoàn chủ tịch có {len(presidium)} người; kế hoạch yêu cầu ít nhất {rules.presidium_min}{staged}")
        if rules.presidium_max is not None and len(presidium) > rules.presidium_max:
            self.error(entry, where, f"đoàn chủ tịch có {len(presidium)} người; kế hoạch cho tối đa {rules.presidium_max}")
        share = rules.presidium_min_exemplary_share
        exemplary = sum(member.exemplary for member in presidium)
        if share is not None and presidium and Fraction(exemplary, len(presidium)) < share:
            self.error(entry, where, (
                f"đoàn chủ tịch có {exemplary}/{len(presidium)} người là anh hùng, chiến sĩ thi đua hoặc điển hình tiên tiến; "
                f"kế hoạch yêu cầu ít nhất {_share_words(share)} ({math.ceil(share * len(presidium))} người): ghi 'dien_hinh: true' cho người đủ điều kiện"
            ))
        if rules.delegates_above is not None and len(conference.delegates_above) != rules.delegates_above:
            self.error(entry, ("dai_bieu_cap_tren",) if conference.delegates_above else ("ma",), (
                f"kế hoạch yêu cầu cử {rules.delegates_above} đại biểu đi dự cấp trên; danh sách 'dai_bieu_cap_tren' có "
                f"{len(conference.delegates_above)}"
            ))

    def documents_references(self) -> None:
        """A document's campaigns, and its issuing unit, which must exist on the document's date."""
        for document in self.documents.values():
            meta = document.meta
            for i, campaign in enumerate(meta.campaigns):
                if campaign not in self.data.campaigns:
                    self.document_error(document, ("phong_trao", i), f"không có phong trào mã '{campaign}' trong data/phong-trao/{_hint(campaign, self.data.campaigns)}")
            unit_id = meta.issuing_unit
            if not unit_id or unit_id in self.data.invalid_ids:
                continue
            if unit_id not in self.data.units:
                self.document_error(document, ("don_vi_ban_hanh",), f"không có đơn vị mã '{unit_id}' trong data/don-vi/{_hint(unit_id, self.data.units)}")
                continue
            issued = meta.date
            what = f"văn bản ban hành {'ngày' if issued.is_complete else 'tháng' if issued.month else 'năm'} {issued}"
            problem = self._outside_life(unit_id, issued.earliest, issued.latest, what)
            if problem:
                self.document_error(document, ("don_vi_ban_hanh",), problem)

    def honorees(self) -> None:
        exemplary_units = self._exemplary_unit_years()
        old_owner: dict[str, Entry[Honoree]] = {}
        for entry in self.data.honorees.values():
            honoree = entry.record
            if honoree.id in urls.RESERVED_HONOREE_IDS:
                self.error(entry, ("ma",), f"mã '{honoree.id}' trùng tên một trang danh sách (guong/{honoree.id}/); chọn mã khác, ví dụ thêm tên đơn vị")
            for i, old in enumerate(honoree.old_ids):
                if old in self.data.honorees:
                    self.error(entry, ("ma_cu", i), f"mã cũ '{old}' đang là mã của hồ sơ {self.data.honorees[old].where}; một địa chỉ chỉ trỏ tới một hồ sơ")
                elif old in old_owner:
                    self.error(entry, ("ma_cu", i), f"mã cũ '{old}' đã khai báo ở {old_owner[old].where}; một địa chỉ cũ chỉ chuyển tới một hồ sơ")
                else:
                    old_owner[old] = entry
            self._names(entry)
            self._consent(entry)
            if self.exists(entry, ("don_vi",), honoree.unit, self.data.units, "đơn vị", "data/don-vi/"):
                for i, award in enumerate(honoree.awards):
                    if (award.year is None) == (award.school_year is None):
                        continue  # no achievement date: reported in _award
                    start, end = award.span
                    self._existed(entry, ("khen_thuong", i, "nam_hoc" if award.school_year else "nam"), honoree.unit, start, end, f"khen thưởng {_achievement(award)}")
            for i, campaign in enumerate(honoree.campaigns):
                if self.exists(entry, ("phong_trao", i), campaign, self.data.campaigns, "phong trào", "data/phong-trao/"):
                    subjects = self.data.campaigns[campaign].record.subjects
                    if honoree.subject not in subjects:
                        allowed = ", ".join(s.label.lower() for s in subjects)
                        self.error(entry, ("phong_trao", i), f"phong trào '{campaign}' dành cho {allowed}, không dành cho {honoree.subject.label.lower()}")
            campaigns = set(honoree.campaigns) | {a.campaign for a in honoree.awards if a.campaign}
            for i, reference in enumerate(honoree.criteria_met):
                self._criterion(entry, i, reference, campaigns)
            for i, _ in enumerate(honoree.awards):
                self._award(entry, i, exemplary_units)
            if honoree.photo:
                check_image(self.docs_dir, honoree.photo.file, entry.path, entry.mark("anh", "tep"), self.report)

    def _consent(self, entry: Entry[Honoree]) -> None:
        honoree = entry.record
        withdrawn = consent.withdrawal(honoree, self.today)
        if withdrawn:
            self.warning(entry, ("dong_y",), f"đã rút lại đồng ý ngày {short_date(withdrawn)}: hồ sơ, ảnh và câu chuyện về người này được gỡ khỏi trang ({consent.DATA_LAW})")
            return
        if not honoree.published:
            return
        if consent.is_child(honoree):
            scopes = [s for s in (ConsentScope.NAME, ConsentScope.SCHOOL) if consent.missing_parties(honoree, s, self.today)]
            if scopes:
                missing = set().union(*(consent.missing_parties(honoree, s, self.today) for s in scopes))
                what = " và ".join(_SCOPE_WORDS[s] for s in scopes)
                self.error(
                    entry, ("cong_khai",),
                    f"hồ sơ học sinh công khai cần sự đồng ý của {_who(missing, child=True)} cho công khai {what}"
                    f" theo {consent.CHILD_LAW}; thêm mục 'dong_y' (nguoi, ngay, pham_vi) hoặc đặt 'cong_khai: false'",
                )
        if honoree.photo and not consent.allows(honoree, ConsentScope.PHOTO, self.today):
            missing = consent.missing_parties(honoree, ConsentScope.PHOTO, self.today)
            self.warning(entry, ("anh",), f"ảnh chưa có sự đồng ý của {_who(missing, child=consent.is_child(honoree))} (pham_vi: anh) nên không được đăng; hồ sơ vẫn được đăng ({consent.DATA_LAW})")
        for key, value, scope in (("dan_toc", honoree.ethnicity, ConsentScope.ETHNICITY), ("ton_giao", honoree.religion, ConsentScope.RELIGION), ("dang_vien", honoree.party_member, ConsentScope.PARTY)):
            if value is not None and not consent.allows(honoree, scope, self.today):
                self.error(entry, (key,), f"'{key}' là dữ liệu cá nhân nhạy cảm, chỉ ghi khi người đó đồng ý công khai (pham_vi: {scope.value}) theo {consent.DATA_LAW}; thêm sự đồng ý hoặc xóa dòng này")

    # ---- honoree details ----

    def _names(self, entry: Entry[Honoree]) -> None:
        honoree = entry.record
        if honoree.is_collective:
            for key, value in (("ho", honoree.family_name), ("ten_dem", honoree.middle_name), ("ten", honoree.given_name)):
                if value:
                    self.error(entry, (key,), f"hồ sơ tập thể không có '{key}'; tên tập thể ghi ở 'ten_tap_the'")
        else:
            if honoree.collective_name:
                self.error(entry, ("ten_tap_the",), "hồ sơ cá nhân không có 'ten_tap_the'; ghi họ tên ở 'ho', 'ten_dem', 'ten'")
            for key, value, label in (("ho", honoree.family_name, "Họ"), ("ten", honoree.given_name, "Tên")):
                if not value:
                    mark = entry.key_mark("ma")
                    self.report.error(entry.path, mark.line, mark.col, f"hồ sơ cá nhân thiếu trường '{key}' ({label}); thêm dòng '{key}: …'")

    def _criterion(self, entry: Entry[Honoree], index: int, reference: str, campaigns: set[str]) -> None:
        field_path = ("tieu_chi_dat", index)
        set_id, slash, item_id = reference.partition("/")
        if not slash or not item_id:
            self.error(entry, field_path, f"tiêu chí '{reference}' cần viết dạng 'mã-bộ-tiêu-chí/mã-tiêu-chí'")
            return
        if not self.exists(entry, field_path, set_id, self.data.criteria_sets, "bộ tiêu chí", "data/tieu-chi/"):
            return
        criteria = self.data.criteria_sets[set_id].record
        if not self.exists(entry, field_path, item_id, [item.id for item in criteria.items], "tiêu chí", f"bộ '{set_id}'"):
            return
        subject = entry.record.subject
        if subject not in criteria.subjects:
            allowed = ", ".join(s.label.lower() for s in criteria.subjects)
            self.error(entry, field_path, f"bộ tiêu chí '{set_id}' áp dụng cho {allowed}, không áp dụng cho {subject.label.lower()}")
            return
        owners = self.criteria_owners.get(set_id, set())
        if owners and not owners & campaigns:
            names = ", ".join(f"'{c}'" for c in sorted(owners))
            self.error(entry, field_path, f"bộ tiêu chí '{set_id}' thuộc phong trào {names}; thêm phong trào đó vào 'phong_trao' của hồ sơ hoặc chọn bộ tiêu chí của phong trào hồ sơ tham gia")

    def _award(self, entry: Entry[Honoree], index: int, exemplary_units: dict[str, set[int]]) -> None:
        honoree = entry.record
        award = honoree.awards[index]
        at = ("khen_thuong", index)
        if (award.year is None) == (award.school_year is None):
            self.error(entry, at, "mỗi khen thưởng ghi đúng một trong hai: 'nam' (ví dụ 2024) hoặc 'nam_hoc' (ví dụ 2023-2024)")
        if not self.data.vocabulary_loaded:
            return  # data/danh-hieu.yaml itself is reported
        if not self.exists(entry, (*at, "loai"), award.type, self.data.award_types, "danh hiệu", "data/danh-hieu.yaml"):
            return
        award_type = self.data.award_types[award.type].record
        if not award_type.subject.admits(honoree.is_collective):
            kind = "tập thể" if honoree.is_collective else "cá nhân"
            self.error(entry, (*at, "loai"), f"'{award_type.name}' dành cho {award_type.subject.label.lower()}, không trao cho {kind}")
        if award_type.group is AwardGroup.STUDENT_HONOUR and honoree.subject is not SubjectType.STUDENT:
            self.error(entry, (*at, "loai"), f"'{award_type.name}' là khen thưởng học sinh, chỉ trao cho học sinh")
        if award_type.group is AwardGroup.TITLE and honoree.subject is SubjectType.STUDENT:
            self.error(entry, (*at, "loai"), f"'{award_type.name}' là danh hiệu thi đua theo Luật Thi đua, khen thưởng, không xét cho học sinh; dùng khen thưởng học sinh")
        if award_type.grades and award.grade not in award_type.grades:
            grades = ", ".join(g.value for g in award_type.grades)
            self.error(entry, (*at, "hang") if award.grade else at, f"'{award_type.name}' cần ghi 'hang' là một trong: {grades}")
        elif not award_type.grades and award.grade:
            self.error(entry, (*at, "hang"), f"'{award_type.name}' không chia hạng; xóa dòng 'hang'")
        if honoree.published and award_type.needs_decision and award.decision is None and not award.annulled:
            self.error(entry, at, f"hồ sơ công khai: khen thưởng '{award_type.name}' cần 'quyet_dinh' (so, ngay, co_quan), ví dụ so: 1234/QĐ-UBND")
        if award_type.valid_until and award.day > award_type.valid_until:
            self.error(entry, (*at, "quyet_dinh", "ngay") if award.decision else at, (
                f"'{award_type.name}' chỉ được trao đến ngày {short_date(award_type.valid_until)} ('den_ngay' trong {self.data.award_types[award.type].path});"
                f" khen thưởng ngày {short_date(award.day)} cần loại khen thưởng khác, ví dụ của cơ quan cấp tỉnh hoặc cấp xã hiện nay"
            ))
        if award_type.valid_from and award.day < award_type.valid_from:
            self.error(entry, (*at, "quyet_dinh", "ngay") if award.decision else at, (
                f"'{award_type.name}' chỉ được trao từ ngày {short_date(award_type.valid_from)}; khen thưởng ngày {short_date(award.day)} cần loại khen thưởng khác"
            ))
        first, last = award.period
        if award.decision:
            if not numbers.is_reference_number(award.decision.number):
                self.error(entry, (*at, "quyet_dinh", "so"), f"số quyết định '{award.decision.number}' không đúng dạng số/ký hiệu, ví dụ '1234/QĐ-UBND'")
            if award.decision.date.year < first:
                self.warning(entry, (*at, "quyet_dinh", "ngay"), f"quyết định ngày {short_date(award.decision.date)} có trước năm thành tích ({first}); kiểm tra lại")
        if award.campaign and self.exists(entry, (*at, "phong_trao"), award.campaign, self.data.campaigns, "phong trào", "data/phong-trao/"):
            campaign = self.data.campaigns[award.campaign].record
            start, end = award.span
            if campaign.start.earliest <= campaign.end.latest and (end < campaign.start.earliest or start > campaign.end.latest):
                self.error(entry, (*at, "phong_trao"), f"khen thưởng {_achievement(award)} nằm ngoài thời gian của phong trào '{campaign.name}' ({_span(campaign)})")
            if honoree.subject not in campaign.subjects:
                allowed = ", ".join(s.label.lower() for s in campaign.subjects)
                self.error(entry, (*at, "phong_trao"), f"phong trào '{award.campaign}' dành cho {allowed}, không dành cho {honoree.subject.label.lower()}")
        if honoree.subject is SubjectType.MANAGER and not honoree.unit_exception and not award.annulled:
            years = exemplary_units.get(honoree.unit, set())
            if not any(year in years for year in range(first, last + 1)):
                self.error(
                    entry, (*at, "nam_hoc" if award.school_year else "nam"),
                    f"cán bộ quản lý chỉ là gương điển hình khi tập thể do mình đứng đầu (đơn vị '{honoree.unit}') cũng là"
                    f" tập thể điển hình cùng năm {_period(award.period)}; thêm hồ sơ tập thể của chính đơn vị đó (không ghi"
                    " 'ten_tap_the') có khen thưởng năm ấy, hoặc ghi lý do ở 'ngoai_le_don_vi'",
                )

    def _exemplary_unit_years(self) -> dict[str, set[int]]:
        """Per unit, the years in which the unit itself (a collective record with no team name) holds an award.

        A team inside the school (Tổ Toán - Tin) is not the collective its principal leads.
        """
        years: dict[str, set[int]] = defaultdict(set)
        for entry in self.data.honorees.values():
            honoree = entry.record
            if honoree.is_collective and not honoree.collective_name:
                for award in honoree.awards:
                    if not award.annulled:
                        first, last = award.period
                        years[honoree.unit].update(range(first, last + 1))
        return years


def _hint(value: str, known: Iterable[str]) -> str:
    guess = suggest(value, known)
    return f"; có phải ý bạn là '{guess}'?" if guess else ""


def _parent_loops(units: dict[str, Entry[Unit]]) -> list[list[str]]:
    """Every loop of 'don_vi_cap_tren', each once, in the order a unit reaches it from its parent.

    One pass: each unit is walked once (marked with the walk that reached it first), so a chain of
    thousands of units is checked in linear time. A unit that only hangs below a loop is in none.
    """
    walk_of: dict[str, int] = {}
    loops: list[list[str]] = []
    for walk, start in enumerate(units):
        path: list[str] = []
        unit_id: str | None = start
        while unit_id is not None and unit_id in units and unit_id not in walk_of:
            walk_of[unit_id] = walk
            path.append(unit_id)
            unit_id = units[unit_id].record.parent
        if unit_id is not None and walk_of.get(unit_id) == walk:  # back on this walk's own path
            loops.append(path[path.index(unit_id):])
    return loops


def _span(campaign: Campaign) -> str:
    return f"{campaign.start}–{campaign.end}"


def _achievement(award: Award) -> str:
    return f"năm học {award.school_year}" if award.school_year else f"năm {award.period[0]}"


def _period(period: tuple[int, int]) -> str:
    first, last = period
    return str(first) if first == last else f"{first}-{last}"


def _percent(share: Fraction) -> str:
    return f"{float(share) * 100:.4g}%".replace(".", ",")


def _share_words(share: Fraction) -> str:
    """'1/3' as 'một phần ba' is what plans write; other shares as percentages."""
    words = {Fraction(1, 2): "một nửa", Fraction(1, 3): "một phần ba", Fraction(1, 4): "một phần tư"}
    return words.get(share, _percent(share))


def check_records(data: DataSet, documents: Iterable[Document], stories: Iterable[Story], docs_dir: Path, report: Report, today: date) -> None:
    """Check every reference and rule between the records of a project, consent as of ``today``."""
    checker = _Checker(data, documents, docs_dir, report, today)
    checker.stories(stories)
    checker.units()
    checker.campaigns()
    checker.criteria_sets()
    checker.award_types()
    checker.documents_references()
    checker.honorees()
    checker.conferences()
