"""Typed records. The one place where editors' Vietnamese keys map to English names in code.

Each field carries its YAML key (``alias``), a Vietnamese label (``title``) and help text
(``description``): error messages and the JSON Schema for editors' tools are made from them.
"""

from __future__ import annotations

import re
import typing
from datetime import date
from enum import Enum
from fractions import Fraction
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, WithJsonSchema

from guongsang.lang import text
from guongsang.lang.dates import DayOfYear, PartialDate, parse_day_of_year, parse_full_date, parse_partial_date
from guongsang.paths import site_address_problem
from guongsang.settings import AGENCY
from guongsang.urls import is_outside

# Abbreviations of document types in a number and symbol (Nghị định 30/2020/NĐ-CP, Phụ lục III, mục I).
# Công văn has no type name on the page and no abbreviation: its symbol is the issuing body's and the
# drafting unit's abbreviations ('3234/BGDĐT-GDCN').
DOCUMENT_TYPES: dict[str, str | None] = {
    "NGHỊ QUYẾT": "NQ",
    "QUYẾT ĐỊNH": "QĐ",
    "CHỈ THỊ": "CT",
    "QUY CHẾ": "QC",
    "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC",
    "THÔNG BÁO": "TB",
    "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH": "CTr",
    "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA",
    "ĐỀ ÁN": "ĐA",
    "DỰ ÁN": "DA",
    "BÁO CÁO": "BC",
    "BIÊN BẢN": "BB",
    "TỜ TRÌNH": "TTr",
    "HỢP ĐỒNG": "HĐ",
    "CÔNG ĐIỆN": "CĐ",
    "BẢN GHI NHỚ": "BGN",
    "BẢN THỎA THUẬN": "BTT",
    "GIẤY ỦY QUYỀN": "GUQ",
    "GIẤY MỜI": "GM",
    "GIẤY GIỚI THIỆU": "GGT",
    "GIẤY NGHỈ PHÉP": "GNP",
    "PHIẾU GỬI": "PG",
    "PHIẾU CHUYỂN": "PC",
    "PHIẾU BÁO": "PB",
    "CÔNG VĂN": None,
}
CONG_VAN = "CÔNG VĂN"
NGHI_DINH_30_START = date(2020, 3, 5)
"""The day Nghị định 30/2020 took effect; documents before it follow Thông tư 01/2011/TT-BNV."""
FORMER_ABBREVIATIONS: dict[str, str] = {"BẢN GHI NHỚ": "GN", "BẢN THỎA THUẬN": "TTh", "GIẤY ỦY QUYỀN": "UQ", "GIẤY NGHỈ PHÉP": "NP"}
"""Abbreviations of Thông tư 01/2011/TT-BNV that Nghị định 30/2020 changed: right on documents before it, a
warning after it (offices kept the habit, and a number is published as printed)."""
DECISION_TYPES = ("QUYẾT ĐỊNH", "NGHỊ QUYẾT")
"""Types whose title is followed by the issuing authority's line ('GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO')."""

_TYPE_NAMES = {text.placement_key(name): name for name in DOCUMENT_TYPES}


def document_type(name: str) -> str | None:
    """The type's name as DOCUMENT_TYPES writes it, whatever the case and tone placement ('Bản thoả thuận'),
    or None when it is no type of Nghị định 30/2020."""
    return _TYPE_NAMES.get(text.placement_key(name))


Authority = Literal["TM.", "KT.", "TL.", "TUQ.", "Q."]
AUTHORITY_WORDS = tuple(a.removesuffix(".") for a in typing.get_args(Authority))
"""'TM', 'KT', 'TL', 'TUQ', 'Q': the words of the authorities, for finding them in text."""

_DATE_SCHEMA = {"type": ["string", "integer"], "examples": ["2020-01-21", "21/01/2020"]}
FullDate = Annotated[date, PlainValidator(parse_full_date), WithJsonSchema(_DATE_SCHEMA)]
YearOrDate = Annotated[
    PartialDate,
    PlainValidator(parse_partial_date),
    WithJsonSchema({**_DATE_SCHEMA, "examples": ["2020-01-21", "2024-11", 2024]}),
]
"""A full date, or only the month or the year when the text gives no more: never a guessed day."""
YearlyDay = Annotated[
    DayOfYear, PlainValidator(parse_day_of_year), WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}/\d{1,2}$", "examples": ["11/6"]})
]


_SHARE = re.compile(r"^\s*(?:(\d+(?:[.,]\d+)?)\s*%|(\d+)\s*/\s*(\d+))\s*$")


def _parse_share(value: object) -> Fraction:
    """'70%' or '1/3', as plans write them."""
    match = _SHARE.match(str(value)) if isinstance(value, (str, int, float)) else None
    if not match:
        raise ValueError(f"tỉ lệ '{value}' cần viết dạng phần trăm như '70%' hoặc phân số như '1/3'")
    if match.group(1):
        share = Fraction(match.group(1).replace(",", ".")) / 100
    else:
        share = Fraction(int(match.group(2)), int(match.group(3))) if int(match.group(3)) else Fraction(2)
    if not 0 <= share <= 1:
        raise ValueError(f"tỉ lệ '{value}' phải nằm trong khoảng 0% đến 100%")
    return share


Share = Annotated[
    Fraction, PlainValidator(_parse_share), WithJsonSchema({"type": "string", "pattern": _SHARE.pattern, "examples": ["70%", "1/3"]})
]
"""A minimum share written as in the plan ('70%', '1/3'), kept exact."""

_CITY_BODY = re.compile(r"^(?:ubnd|uy ban nhan dan|chu tich ubnd|chu tich uy ban nhan dan) (?:thanh pho|tp)\b")
"""A deciding body written 'UBND thành phố …', 'Ủy ban nhân dân TP …' (folded: no accents, lower case)."""

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SCHOOL_YEAR = re.compile(r"^(\d{4})\s*-\s*(\d{4})$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"mã '{value}' chỉ được gồm chữ thường không dấu, số và dấu '-', ví dụ 'thpt-nguyen-trai'")
    return value


def _check_school_year(value: str) -> str:
    match = _SCHOOL_YEAR.match(value)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise ValueError(f"năm học '{value}' phải gồm hai năm liền nhau, ví dụ '2023-2024'")
    return f"{match.group(1)}-{match.group(2)}"


Id = Annotated[str, AfterValidator(_check_id), WithJsonSchema({"type": "string", "pattern": _ID.pattern})]
"""A stable id: lower-case ASCII words joined by '-' ('thpt-nguyen-trai')."""

# A name part as people write it: letters with their marks, and inside it spaces, apostrophes and hyphens
# (H'Hen, Y-Moan, Niê Kdăm); never a symbol, a bracket or an emoji, and always starting with a letter.
_NAME = re.compile(r"^[^\W\d_](?:[^\W\d_]|(?: +|['’.-])(?=[^\W\d_]))*\.?$")


def _check_name(value: str) -> str:
    if not _NAME.match(value):
        raise ValueError(
            f"'{value}' không phải một tên: tên bắt đầu bằng chữ cái và chỉ gồm chữ cái, dấu cách,"
            " dấu nháy (H'Hen) hoặc gạch nối; không có số, ngoặc hay biểu tượng"
        )
    return value


PersonName = Annotated[
    str, Field(max_length=60), AfterValidator(_check_name), WithJsonSchema({"type": "string", "maxLength": 60})
]
"""One part of a person's name ('Nguyễn', 'Thị Kim', 'H'Hen')."""
SchoolYear = Annotated[str, AfterValidator(_check_school_year), WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{4}$"})]


def _check_period(value: str) -> str:
    match = re.match(r"^(\d{4})\s*[-–]\s*(\d{4})$", value)
    if not match or int(match.group(2)) <= int(match.group(1)):
        raise ValueError(f"giai đoạn '{value}' cần viết dạng 'năm đầu-năm cuối', ví dụ '2020-2025'")
    return f"{match.group(1)}-{match.group(2)}"


Period = Annotated[str, AfterValidator(_check_period), WithJsonSchema({"type": "string", "pattern": r"^\d{4}\s*[-–]\s*\d{4}$"})]
"""A span of years as plans write it ('2020-2025')."""


class Labeled(str, Enum):
    """A vocabulary whose values are unaccented keys and whose labels are proper Vietnamese."""

    @property
    def label(self) -> str:
        return _LABELS[self]


def _authority(value: object) -> object:
    """'kt', 'KT' and 'KT.' all mean KT.: editors drop the dot."""
    if isinstance(value, str) and value.strip():
        normalized = value.strip().upper().rstrip(".") + "."
        return normalized if normalized in typing.get_args(Authority) else value
    return value


MAX_TEXT = 5_000
"""Characters in any one value: a long summary fits; a pasted book (or an attack on the card drawer) does not."""
MAX_NAME = 300
"""Characters in a name or a title printed in headings, lists and share cards."""


class Record(BaseModel):
    """Base of every record: unknown keys are errors, values are immutable once loaded."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, str_max_length=MAX_TEXT,
        json_schema_extra=lambda schema: schema.pop("description", None),
    )


class LegalReference(Record):
    """A legal basis the document cites ('Căn cứ…', 'Thực hiện…')."""

    model_config = ConfigDict(title="Căn cứ ban hành")

    kind: str = Field(alias="loai", title="Loại văn bản", description="Ví dụ: Luật, Nghị định, Kế hoạch, Hướng dẫn.")
    number: str | None = Field(
        None, alias="so_ky_hieu", title="Số, ký hiệu", description="Ví dụ: 194/HD-BTĐKT. Bỏ trống nếu văn bản không ghi số."
    )
    date: FullDate | None = Field(None, alias="ngay", title="Ngày ban hành")
    issuer: str | None = Field(None, alias="co_quan", title="Cơ quan ban hành")
    title: str | None = Field(None, alias="trich_yeu", title="Trích yếu", description="Nội dung văn bản, như khi trích dẫn.")


class Signer(Record):
    """The signature block (Nghị định 30/2020, Điều 13): authority, whom it is signed for, the head's
    title on a 'KT.' line under TM./TL./TUQ., position and name."""

    model_config = ConfigDict(title="Người ký")

    authority: Annotated[Authority | None, BeforeValidator(_authority)] = Field(
        None, alias="tham_quyen", title="Thẩm quyền ký",
        description="TM., KT., TL., TUQ. hoặc Q.; bỏ trống khi người đứng đầu ký trực tiếp.",
    )
    superior: str | None = Field(
        None, alias="cap_tren", title="Chức vụ / tập thể được ký thay",
        description="Với TM., KT., TL., TUQ.: ví dụ GIÁM ĐỐC (dòng 'KT. GIÁM ĐỐC'), ỦY BAN NHÂN DÂN (dòng 'TM. ỦY BAN NHÂN DÂN').",
    )
    signs_for: str | None = Field(
        None, alias="ky_thay", title="Cấp trưởng được ký thay (dòng KT.)",
        description="Chỉ khi có dòng 'KT.' dưới dòng TM., TL. hoặc TUQ.: ví dụ CHỦ TỊCH (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH).",
    )
    position: str = Field(alias="chuc_vu", title="Chức vụ người ký", description="Ví dụ: PHÓ GIÁM ĐỐC, THỨ TRƯỞNG, CHÁNH VĂN PHÒNG.")
    name: str | None = Field(None, alias="ho_ten", title="Họ và tên người ký", description="Có thể để trống trong dự thảo.")


class DocumentStatus(Labeled):
    DRAFT = "du_thao"
    PUBLISHED = "ban_hanh"
    ISSUED_INCOMPLETE = "ban_hanh_thieu_so_ngay"
    """Issued, but the text we hold lost its number, its date (seeds 002 and 003), its recipients or its
    signature block (copies of other offices' documents): shown as not in our copy, never as a draft's blanks."""
    SUPERSEDED = "het_hieu_luc"


class Deadline(Record):
    """A deadline the document sets: the date, what is due, and who must do it."""

    model_config = ConfigDict(title="Thời hạn")

    date: FullDate = Field(alias="ngay", title="Hạn chót")
    what: str = Field(alias="noi_dung", title="Việc phải xong", description="Ví dụ: Gửi hồ sơ đề nghị khen thưởng về Văn phòng Sở.")
    who: str | None = Field(None, alias="thuc_hien", title="Đơn vị thực hiện", description="Ví dụ: Các đơn vị trực thuộc.")


class YearlyMilestone(Record):
    """A milestone the document sets for every year of its period ('nhân dịp 11/6 hàng năm')."""

    model_config = ConfigDict(title="Mốc hằng năm")

    day: YearlyDay = Field(alias="ngay", title="Ngày, tháng", description="Ví dụ: \"11/6\" (viết trong dấu nháy).")
    first_year: int = Field(alias="tu_nam", title="Từ năm", ge=1900, le=2100, description="Năm đầu tiên mốc diễn ra theo văn bản.")
    last_year: int = Field(alias="den_nam", title="Đến năm", ge=1900, le=2100, description="Năm cuối của giai đoạn văn bản.")
    what: str = Field(alias="noi_dung", title="Nội dung", description="Chép theo văn bản.")
    who: str | None = Field(None, alias="thuc_hien", title="Đơn vị thực hiện")


class PlannedEvent(Record):
    """An event the document names, whose day it may not give ('Đại hội … lần thứ X (năm 2025)')."""

    model_config = ConfigDict(title="Sự kiện")

    date: YearOrDate = Field(
        alias="ngay", title="Ngày", description="Ngày đầy đủ nếu văn bản ghi; nếu chỉ ghi năm thì chỉ ghi năm (2025): trang ghi 'chưa rõ ngày'."
    )
    what: str = Field(alias="noi_dung", title="Nội dung", description="Chép theo văn bản.")
    who: str | None = Field(None, alias="thuc_hien", title="Đơn vị thực hiện")


class DocumentMeta(Record):
    """The front matter of an administrative document (Nghị định 30/2020/NĐ-CP)."""

    model_config = ConfigDict(title="Văn bản")

    doc_type: str = Field(alias="loai", title="Loại văn bản", description="Viết hoa, ví dụ: KẾ HOẠCH.")
    parent_body: str | None = Field(
        None, alias="co_quan_chu_quan", title="Cơ quan chủ quản",
        description="Tên gọi tại ngày của văn bản, ví dụ: UBND THÀNH PHỐ CẦN THƠ. Bỏ trống khi văn bản không in dòng này (Bộ, UBND tỉnh).",
    )
    issuing_body: str = Field(
        alias="co_quan_ban_hanh", title="Cơ quan ban hành", description="Ví dụ: SỞ GIÁO DỤC VÀ ĐÀO TẠO."
    )
    issuing_unit: Id | None = Field(
        None, alias="don_vi_ban_hanh", title="Đơn vị ban hành",
        description="Mã của cơ quan ban hành trong data/don-vi/, ví dụ so-gddt-quang-nam: trang ghi tên tại ngày ban hành, kèm '(nay là …)' nếu đã đổi.",
    )
    number: str = Field(
        "", alias="so_ky_hieu", title="Số, ký hiệu",
        description="Ví dụ: 237/KH-SGDĐT. Dự thảo có thể để trống số: /KH-SGDĐT. Bản không ghi số: bỏ trường này.",
    )
    place: str = Field(alias="dia_danh", title="Địa danh", description="Ví dụ: Cần Thơ.")
    date: YearOrDate = Field(
        alias="ngay_ban_hanh", title="Ngày ban hành",
        description="Dự thảo, hoặc bản không ghi ngày (ban_hanh_thieu_so_ngay), có thể chỉ ghi năm (2024) hoặc tháng (2024-11).",
    )
    title: str = Field(
        alias="trich_yeu", title="Trích yếu",
        description="Tên văn bản dưới chữ KẾ HOẠCH. Công văn: nội dung sau 'V/v', không ghi 'V/v' (trang tự in).",
    )
    enacting_authority: str | None = Field(
        None, alias="tham_quyen_ban_hanh", title="Thẩm quyền ban hành",
        description="Quyết định, nghị quyết: dòng in đậm dưới tên văn bản, ví dụ GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO.",
    )
    addressees: list[str] = Field(
        default_factory=list, alias="kinh_gui", title="Kính gửi",
        description="Nơi gửi sau 'Kính gửi:' (công văn, tờ trình, giấy mời…), mỗi nơi một dòng, ví dụ: Các trường trung học phổ thông.",
    )
    legal_bases: list[LegalReference] = Field(
        default_factory=list, alias="can_cu", title="Căn cứ ban hành", description="Các văn bản được căn cứ, thực hiện."
    )
    signer: Signer | None = Field(
        None, alias="nguoi_ky", title="Người ký",
        description="Bỏ trống chỉ khi văn bản đã ban hành mà bản đang có mất khối chữ ký (ban_hanh_thieu_so_ngay).",
    )
    recipients: list[str] = Field(
        default_factory=list, alias="noi_nhan", title="Nơi nhận",
        description="Mỗi dòng một nơi nhận; dòng cuối bắt đầu bằng 'Lưu'. Bỏ trống chỉ khi bản đang có mất phần này (ban_hanh_thieu_so_ngay).",
    )
    status: DocumentStatus = Field(
        alias="trang_thai", title="Trạng thái",
        description="du_thao, ban_hanh, het_hieu_luc; ban_hanh_thieu_so_ngay khi văn bản đã ban hành mà bản đang có thiếu số, ngày, nơi nhận hoặc khối chữ ký.",
    )
    signed_pdf: str | None = Field(
        None, alias="ban_ky_so", title="Bản có chữ ký (PDF)",
        description="Đường dẫn tới tệp PDF trong thư mục content/, tính từ tệp văn bản này.",
    )
    campaigns: list[str] = Field(
        default_factory=list, alias="phong_trao", title="Phong trào thi đua liên quan", description="Mã các phong trào."
    )
    deadlines: list[Deadline] = Field(
        default_factory=list, alias="thoi_han", title="Thời hạn văn bản đặt ra", description="Hiện trên lịch và trong tệp lịch .ics."
    )
    yearly: list[YearlyMilestone] = Field(
        default_factory=list, alias="hang_nam", title="Mốc hằng năm",
        description="Việc văn bản đặt ra mỗi năm (ví dụ báo cáo ngày 1/6 hằng năm): một mục lặp lại hằng năm trong tệp .ics.",
    )
    events: list[PlannedEvent] = Field(
        default_factory=list, alias="su_kien", title="Sự kiện văn bản nêu",
        description="Ví dụ Đại hội Thi đua yêu nước năm 2025; chưa rõ ngày thì chỉ ghi năm.",
    )


# ---- Vocabularies ----


class UnitKind(Labeled):
    PRESCHOOL = "mam_non"
    PRIMARY = "tieu_hoc"
    LOWER_SECONDARY = "thcs"
    UPPER_SECONDARY = "thpt"
    CONTINUING = "gdtx"
    OFFICE = "phong"
    DEPARTMENT = "so"
    OTHER = "khac"


class CampaignForm(Labeled):
    REGULAR = "thuong_xuyen"
    THEMATIC = "chuyen_de"


class SubjectType(Labeled):
    """Who a criteria set or an honoree is: a collective, or an individual in one of four roles."""

    COLLECTIVE = "tap_the"
    MANAGER = "can_bo_quan_ly"
    TEACHER = "giao_vien"
    STAFF = "nhan_vien"
    STUDENT = "hoc_sinh"


class CriteriaScope(Labeled):
    GENERAL = "chung"
    SPECIFIC = "cu_the"


class ReviewKind(Labeled):
    MID_TERM = "so_ket"
    FINAL = "tong_ket"


class ConferenceLevel(Labeled):
    UNIT = "co_so"
    """At a school or unit: "Hội nghị tuyên dương điển hình tiên tiến"."""
    ABOVE_UNIT = "tren_co_so"
    """At the department (or above): "Hội nghị điển hình tiên tiến"."""


class ConferenceFormat(Labeled):
    PRESIDIUM = "doan_chu_tich"
    STAGED = "san_khau_hoa"
    """Staged, or a live exchange: the plan allows no presidium (seed 001)."""


class AwardGroup(Labeled):
    TITLE = "danh_hieu_thi_dua"
    COMMENDATION = "hinh_thuc_khen_thuong"
    STUDENT_HONOUR = "khen_thuong_hoc_sinh"


class AwardSubject(Labeled):
    INDIVIDUAL = "ca_nhan"
    COLLECTIVE = "tap_the"
    BOTH = "ca_nhan_va_tap_the"
    """Only forms of commendation (Bằng khen, Giấy khen…): titles are for one kind, never both."""

    def admits(self, collective: bool) -> bool:
        return self is AwardSubject.BOTH or (self is AwardSubject.COLLECTIVE) == collective


class AwardLevel(Labeled):
    BASE = "co_so"
    PROVINCE = "tinh_bo_nganh"
    NATIONAL = "toan_quoc"


class Grade(Labeled):
    FIRST = "nhat"
    SECOND = "nhi"
    THIRD = "ba"
    CONSOLATION = "khuyen_khich"


_LABELS: dict[Labeled, str] = {
    DocumentStatus.DRAFT: "Dự thảo",
    DocumentStatus.PUBLISHED: "Đã ban hành",
    DocumentStatus.ISSUED_INCOMPLETE: "Đã ban hành (bản thiếu số, ngày)",
    DocumentStatus.SUPERSEDED: "Hết hiệu lực",
    UnitKind.PRESCHOOL: "Mầm non",
    UnitKind.PRIMARY: "Tiểu học",
    UnitKind.LOWER_SECONDARY: "Trung học cơ sở",
    UnitKind.UPPER_SECONDARY: "Trung học phổ thông",
    UnitKind.CONTINUING: "Giáo dục thường xuyên",
    UnitKind.OFFICE: "Phòng",
    UnitKind.DEPARTMENT: "Sở",
    UnitKind.OTHER: "Khác",
    CampaignForm.REGULAR: "Thường xuyên",
    CampaignForm.THEMATIC: "Chuyên đề",
    SubjectType.COLLECTIVE: "Tập thể",
    SubjectType.MANAGER: "Cán bộ quản lý",
    SubjectType.TEACHER: "Giáo viên",
    SubjectType.STAFF: "Nhân viên",
    SubjectType.STUDENT: "Học sinh",
    CriteriaScope.GENERAL: "Tiêu chí chung",
    CriteriaScope.SPECIFIC: "Tiêu chí cụ thể",
    ReviewKind.MID_TERM: "Sơ kết",
    ReviewKind.FINAL: "Tổng kết",
    ConferenceLevel.UNIT: "Cấp cơ sở",
    ConferenceLevel.ABOVE_UNIT: "Cấp trên cơ sở",
    ConferenceFormat.PRESIDIUM: "Có đoàn chủ tịch",
    ConferenceFormat.STAGED: "Sân khấu hóa, giao lưu trực tiếp",
    AwardGroup.TITLE: "Danh hiệu thi đua",
    AwardGroup.COMMENDATION: "Hình thức khen thưởng",
    AwardGroup.STUDENT_HONOUR: "Khen thưởng học sinh",
    AwardSubject.INDIVIDUAL: "Cá nhân",
    AwardSubject.COLLECTIVE: "Tập thể",
    AwardSubject.BOTH: "Cá nhân và tập thể",
    AwardLevel.BASE: "Cấp cơ sở",
    AwardLevel.PROVINCE: "Cấp tỉnh, bộ, ngành",
    AwardLevel.NATIONAL: "Cấp Nhà nước",
    Grade.FIRST: "hạng Nhất",
    Grade.SECOND: "hạng Nhì",
    Grade.THIRD: "hạng Ba",
    Grade.CONSOLATION: "Khuyến khích",
}


# ---- Records in data/ ----


class Organization(Record):
    """The department that publishes the site (data/to-chuc.yaml)."""

    model_config = ConfigDict(title="Thông tin cơ quan")

    name: str = Field(alias="ten", max_length=MAX_NAME, title="Tên cơ quan", description="Ví dụ: Sở Giáo dục và Đào tạo tỉnh Hưng Yên.")
    parent_body: str = Field(alias="co_quan_chu_quan", title="Cơ quan chủ quản", description="Ví dụ: UBND TỈNH HƯNG YÊN.")
    province: str = Field(alias="tinh", title="Tỉnh, thành phố")
    portal_url: str | None = Field(None, alias="cong_thong_tin", title="Địa chỉ cổng thông tin", description="Ví dụ: https://sgddt.hungyen.gov.vn/")
    logo: str | None = Field(None, alias="logo", title="Tệp biểu trưng", description="Đường dẫn tính từ thư mục content/.")
    sample: bool = Field(False, alias="du_lieu_mau", title="Dữ liệu mẫu")

    moved_keys: typing.ClassVar[dict[str, str]] = {
        "lien_he": f"mục extra.{AGENCY} của mkdocs.yml (các dòng dia_chi, dien_thoai, email)",
        "nguoi_chiu_trach_nhiem": f"mục extra.{AGENCY}.nguoi_chiu_trach_nhiem của mkdocs.yml",
        "giay_phep": f"mục extra.{AGENCY}.giay_phep của mkdocs.yml",
    }
    """Keys this file once held, now in mkdocs.yml (one home per fact): refused at their line, pointing there."""


class FormerName(Record):
    """A name a unit, its parent body or its province bore until a day (the 2025 reform renamed many)."""

    model_config = ConfigDict(title="Tên gọi trước đây")

    name: str = Field(alias="ten", max_length=MAX_NAME, title="Tên gọi", description="Ví dụ: Phòng GDĐT huyện Đông Hưng.")
    start: FullDate | None = Field(
        None, alias="tu_ngay", title="Từ ngày", description="Bỏ trống khi không rõ, hoặc khi liền sau tên trước."
    )
    end: FullDate = Field(alias="den_ngay", title="Đến ngày", description="Ngày cuối cùng mang tên này, ví dụ 2025-06-30.")


def _name_on(former: list[FormerName], current: str, day: date) -> str:
    """The name in force on ``day``: the first former name not yet ended, else the current one."""
    return next((f.name for f in former if day <= f.end), current)


class Unit(Record):
    """A unit (đơn vị): a school, an office, the department (data/don-vi/<ma>.yaml), with its history.

    ``ten``, ``tinh`` and ``don_vi_cap_tren`` are today's; the ``*_truoc`` lists hold what they were
    before, oldest first, each until its ``den_ngay``. Which name a page prints for a day is decided
    in ``unithistory``, never in a template.
    """

    model_config = ConfigDict(title="Đơn vị")

    id: Id = Field(alias="ma", title="Mã đơn vị", description="Chữ thường không dấu nối bằng '-', không đổi về sau, kể cả khi đơn vị đổi tên.")
    name: str = Field(alias="ten", max_length=MAX_NAME, title="Tên đơn vị", description="Tên hiện nay, ví dụ: Trường THPT Nguyễn Trãi. Tên cũ ghi ở 'ten_truoc'.")
    kind: UnitKind = Field(alias="loai", title="Loại đơn vị", description="mam_non, tieu_hoc, thcs, thpt, gdtx, phong, so hoặc khac.")
    commune: str | None = Field(None, alias="xa", title="Xã, phường", description="Tên gọi tại ngày 'ap_dung_tu'.")
    province: str = Field(alias="tinh", title="Tỉnh, thành phố", description="Tên gọi tại ngày 'ap_dung_tu'. Tỉnh trước khi hợp nhất ghi ở 'tinh_truoc'.")
    names_from: FullDate | None = Field(None, alias="ap_dung_tu", title="Địa danh áp dụng từ ngày")
    parent: Id | None = Field(None, alias="don_vi_cap_tren", title="Đơn vị cấp trên", description="Mã của đơn vị cấp trên hiện nay.")
    start: FullDate | None = Field(None, alias="tu_ngay", title="Thành lập ngày", description="Bỏ trống khi đơn vị có trước mọi dữ liệu trên trang.")
    end: FullDate | None = Field(
        None, alias="den_ngay", title="Ngừng hoạt động sau ngày", description="Ngày cuối cùng đơn vị hoạt động (sáp nhập, giải thể), ví dụ 2025-06-30."
    )
    successor: Id | None = Field(
        None, alias="don_vi_ke_tiep", title="Đơn vị kế tiếp", description="Mã đơn vị nhận lại đơn vị này khi sáp nhập; cần 'den_ngay'."
    )
    former_names: list[FormerName] = Field(
        default_factory=list, alias="ten_truoc", title="Tên gọi trước đây", description="Cũ trước, mới sau; mỗi tên có 'den_ngay'."
    )
    former_parents: list[FormerName] = Field(
        default_factory=list, alias="truc_thuoc_truoc", title="Trực thuộc trước đây",
        description="Cơ quan quản lý cũ, kể cả cấp huyện đã kết thúc ngày 30/6/2025, ví dụ Phòng GDĐT huyện Đông Hưng.",
    )
    former_provinces: list[FormerName] = Field(
        default_factory=list, alias="tinh_truoc", title="Tỉnh trước đây", description="Tỉnh trước khi hợp nhất, ví dụ Thái Bình đến ngày 2025-06-30."
    )
    sample: bool = Field(False, alias="du_lieu_mau", title="Dữ liệu mẫu")

    def name_on(self, day: date) -> str:
        return _name_on(self.former_names, self.name, day)

    def province_on(self, day: date) -> str:
        return _name_on(self.former_provinces, self.province, day)

    def exists_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Phase(Record):
    """A phase (đợt) of a campaign."""

    model_config = ConfigDict(title="Đợt thi đua")

    name: str = Field(alias="ten", title="Tên đợt", description="Ví dụ: Đợt thứ nhất.")
    start: FullDate | None = Field(None, alias="tu_ngay", title="Từ ngày")
    end: FullDate = Field(alias="den_ngay", title="Đến ngày")
    celebrates: str | None = Field(None, alias="noi_dung", title="Nội dung, dịp kỷ niệm")


class Review(Record):
    """A mid-term or final review (sơ kết, tổng kết) of a campaign."""

    model_config = ConfigDict(title="Sơ kết, tổng kết")

    kind: ReviewKind = Field(alias="loai", title="Loại", description="so_ket hoặc tong_ket.")
    date: FullDate = Field(alias="ngay", title="Ngày")
    note: str | None = Field(None, alias="noi_dung", title="Nội dung")


class Campaign(Record):
    """An emulation campaign (phong trào thi đua) (data/phong-trao/<ma>.yaml)."""

    model_config = ConfigDict(title="Phong trào thi đua")

    id: Id = Field(alias="ma", title="Mã phong trào")
    name: str = Field(alias="ten", max_length=MAX_NAME, title="Tên phong trào")
    form: CampaignForm = Field(alias="hinh_thuc", title="Hình thức", description="thuong_xuyen hoặc chuyen_de.")
    start: YearOrDate = Field(
        alias="tu_ngay", title="Từ ngày (phát động)",
        description="Ngày văn bản ghi; văn bản không ghi ngày thì chỉ ghi năm (2019): trang ghi 'chưa rõ ngày', không tự đặt 01/01.",
    )
    end: YearOrDate = Field(alias="den_ngay", title="Đến ngày", description="Như 'tu_ngay': chỉ ghi năm khi văn bản chỉ ghi năm.")
    scope: str | None = Field(None, alias="pham_vi", title="Phạm vi")
    subjects: list[SubjectType] = Field(alias="doi_tuong", title="Đối tượng", description="tap_the, can_bo_quan_ly, giao_vien, nhan_vien, hoc_sinh.")
    phases: list[Phase] = Field(default_factory=list, alias="dot", title="Các đợt thi đua")
    reviews: list[Review] = Field(default_factory=list, alias="so_ket_tong_ket", title="Sơ kết, tổng kết")
    documents: list[str] = Field(default_factory=list, alias="van_ban", title="Văn bản liên quan", description="Tên tệp văn bản trong content/van-ban/, không có '.md'.")
    criteria_sets: list[Id] = Field(default_factory=list, alias="bo_tieu_chi", title="Bộ tiêu chí", description="Mã các bộ tiêu chí.")
    summary: str | None = Field(None, alias="gioi_thieu", title="Giới thiệu ngắn")


class CriteriaItem(Record):

    model_config = ConfigDict(title="Tiêu chí")
    id: Id = Field(alias="ma", title="Mã tiêu chí", description="Không đổi về sau: hồ sơ gương điển hình dẫn tới mã này.")
    text: str = Field(alias="noi_dung", title="Nội dung tiêu chí")


class CriteriaSet(Record):
    """A set of selection criteria (tiêu chí) (data/tieu-chi/<ma>.yaml)."""

    model_config = ConfigDict(title="Bộ tiêu chí")

    id: Id = Field(alias="ma", title="Mã bộ tiêu chí")
    name: str = Field(alias="ten", title="Tên bộ tiêu chí")
    subjects: list[SubjectType] = Field(alias="doi_tuong", title="Áp dụng cho", description="tap_the, can_bo_quan_ly, giao_vien, nhan_vien, hoc_sinh.")
    scope: CriteriaScope = Field(alias="pham_vi", title="Chung hay cụ thể", description="chung hoặc cu_the.")
    source_document: str | None = Field(None, alias="van_ban_nguon", title="Văn bản nguồn", description="Tên tệp văn bản trong content/van-ban/, không có '.md'.")
    items: list[CriteriaItem] = Field(alias="tieu_chi", title="Các tiêu chí", min_length=1)


class PlanRule(Record):
    """One rule of the plan, quoted as the plan writes it, under the level or body it applies to."""

    model_config = ConfigDict(title="Quy định nguyên văn")

    applies_to: str = Field(
        alias="doi_voi", max_length=MAX_NAME, title="Áp dụng cho",
        description="Chép đúng tiêu đề của kế hoạch, ví dụ: Cấp cơ sở (các cơ sở giáo dục, các đơn vị trực thuộc Sở).",
    )
    level: ConferenceLevel | None = Field(
        None, alias="cap", title="Cấp hội nghị", description="co_so hoặc tren_co_so; bỏ trống khi quy định dành cho một cơ quan (ví dụ Phòng GDĐT)."
    )
    section: str | None = Field(None, alias="muc", max_length=40, title="Mục trong kế hoạch", description="Ví dụ: II.1 hoặc III.3.")
    text: str = Field(alias="noi_dung", title="Nội dung", description="Chép nguyên văn câu của kế hoạch.")


class ConferenceRules(Record):
    """The numbers the plan sets for its conferences, copied from the plan; the build checks them."""

    model_config = ConfigDict(title="Quy định của kế hoạch")

    max_delegates: int | None = Field(None, alias="tong_dai_bieu_toi_da", title="Tổng số đại biểu tối đa", description="Ví dụ: 200 hoặc 300.", ge=1)
    min_exemplary_share: Share | None = Field(
        None, alias="ty_le_dien_hinh_toi_thieu", title="Tỉ lệ đại biểu điển hình tối thiểu", description="Ví dụ: '70%'."
    )
    presidium_min: int | None = Field(None, alias="doan_chu_tich_toi_thieu", title="Đoàn chủ tịch: số người tối thiểu", ge=1)
    presidium_max: int | None = Field(None, alias="doan_chu_tich_toi_da", title="Đoàn chủ tịch: số người tối đa", ge=1)
    presidium_min_exemplary_share: Share | None = Field(
        None, alias="doan_chu_tich_ty_le_dien_hinh", title="Đoàn chủ tịch: tỉ lệ điển hình tối thiểu", description="Ví dụ: '1/3'."
    )
    delegates_above: int | None = Field(
        None, alias="so_dai_bieu_cap_tren", title="Số đại biểu hội nghị này cử đi dự cấp trên",
        description="Chỉ khi kế hoạch định số cho chính cấp của hội nghị này, ví dụ 3 với hội nghị cấp cơ sở của Kế hoạch Hải Phòng 2024.", ge=0,
    )
    quoted: list[PlanRule] = Field(
        default_factory=list, alias="nguyen_van", title="Quy định nguyên văn",
        description="Các quy định của kế hoạch, chép nguyên văn, mỗi quy định ghi rõ cấp hoặc cơ quan áp dụng.",
    )


class Composition(Record):
    """Who attends, in numbers (the plans: 70% exemplary, 30% guests and leaders)."""

    model_config = ConfigDict(title="Thành phần đại biểu")

    exemplary: int = Field(alias="dien_hinh", title="Đại biểu điển hình tiên tiến", ge=0)
    guests: int = Field(alias="khach_moi_lanh_dao", title="Đại biểu khách mời, lãnh đạo", ge=0)

    @property
    def total(self) -> int:
        return self.exemplary + self.guests


class PresidiumMember(Record):
    model_config = ConfigDict(title="Thành viên đoàn chủ tịch")

    name: str = Field(alias="ho_ten", title="Họ và tên")
    position: str = Field(alias="chuc_vu", title="Chức vụ, đơn vị")
    exemplary: bool = Field(False, alias="dien_hinh", title="Là anh hùng, chiến sĩ thi đua hoặc điển hình tiên tiến")
    honoree: Id | None = Field(None, alias="guong", title="Hồ sơ gương điển hình", description="Mã hồ sơ trong data/guong/, nếu có.")


class Testimony(Record):
    """A testimony (tham luận) given by an exemplary model."""

    model_config = ConfigDict(title="Tham luận")

    title: str = Field(alias="ten", title="Tên bài tham luận")
    honoree: Id = Field(alias="guong", title="Người, tập thể trình bày", description="Mã hồ sơ trong data/guong/.")


class Conference(Record):
    """A conference of exemplary models (data/hoi-nghi/<ma>.yaml)."""

    model_config = ConfigDict(title="Hội nghị điển hình tiên tiến")

    id: Id = Field(alias="ma", title="Mã hội nghị")
    level: ConferenceLevel = Field(alias="cap", title="Cấp hội nghị", description="co_so hoặc tren_co_so.")
    name: str = Field(alias="ten", title="Tên hội nghị như trên phông", description="Mỗi dòng của phông một dòng.")
    period: Period = Field(alias="giai_doan", title="Giai đoạn", description="Ví dụ: 2020-2025.")
    organizer: Id = Field(alias="don_vi", title="Đơn vị tổ chức", description="Mã đơn vị trong data/don-vi/.")
    date: FullDate | None = Field(None, alias="ngay", title="Ngày tổ chức")
    timing: str | None = Field(None, alias="thoi_gian", title="Thời gian như kế hoạch ghi", description="Ví dụ: 1/2 ngày vào quý II năm 2020.")
    venue: str | None = Field(None, alias="dia_diem", title="Địa điểm")
    plan: str | None = Field(None, alias="van_ban", title="Kế hoạch tổ chức", description="Tên tệp văn bản trong content/van-ban/, không có '.md'.")
    format: ConferenceFormat = Field(ConferenceFormat.PRESIDIUM, alias="hinh_thuc", title="Hình thức", description="doan_chu_tich hoặc san_khau_hoa.")
    rules: ConferenceRules = Field(default_factory=ConferenceRules, alias="quy_dinh", title="Quy định của kế hoạch")
    agenda: list[str] = Field(
        default_factory=list, alias="chuong_trinh", title="Chương trình",
        description="Chép nguyên văn, đúng thứ tự, các mục chương trình của kế hoạch; bỏ trống khi kế hoạch không ghi.",
    )
    composition: Composition | None = Field(None, alias="thanh_phan", title="Thành phần đại biểu")
    presidium: list[PresidiumMember] = Field(default_factory=list, alias="doan_chu_tich", title="Đoàn chủ tịch")
    testimonies: list[Testimony] = Field(default_factory=list, alias="tham_luan", title="Tham luận")
    delegates_above: list[Id] = Field(
        default_factory=list, alias="dai_bieu_cap_tren", title="Đại biểu cử đi dự cấp trên", description="Mã hồ sơ trong data/guong/.",
    )
    summary: str | None = Field(None, alias="gioi_thieu", title="Giới thiệu ngắn")
    sample: bool = Field(False, alias="du_lieu_mau", title="Dữ liệu mẫu")

    @property
    def banner_lines(self) -> list[str]:
        return [line.strip() for line in self.name.splitlines() if line.strip()]

    @property
    def title(self) -> str:
        return " ".join(self.banner_lines)


class AwardType(Record):
    """A title or form of commendation, as the law names it (data/danh-hieu.yaml)."""

    model_config = ConfigDict(title="Danh hiệu, hình thức khen thưởng")

    id: Id = Field(alias="ma", title="Mã")
    name: str = Field(alias="ten", title="Tên gọi", description="Ví dụ: Chiến sĩ thi đua cơ sở.")
    group: AwardGroup = Field(alias="nhom", title="Nhóm", description="danh_hieu_thi_dua, hinh_thuc_khen_thuong hoặc khen_thuong_hoc_sinh.")
    subject: AwardSubject = Field(alias="doi_tuong", title="Dành cho", description="ca_nhan, tap_the, hoặc ca_nhan_va_tap_the (chỉ với hình thức khen thưởng).")
    level: AwardLevel = Field(alias="cap", title="Cấp", description="co_so, tinh_bo_nganh hoặc toan_quoc.")
    grades: list[Grade] = Field(default_factory=list, alias="hang", title="Các hạng", description="Chỉ với loại có hạng: nhat, nhi, ba, khuyen_khich.")
    decided_by: str = Field(alias="tham_quyen", title="Cấp quyết định", description="Ví dụ: Giám đốc Sở GDĐT.")
    rank: int = Field(alias="thu_bac", title="Thứ bậc", description="Số càng lớn càng cao; dùng để chọn khen thưởng cao nhất.", ge=0)
    needs_decision: bool = Field(True, alias="can_quyet_dinh", title="Cần số quyết định")
    city_name: str | None = Field(
        None, alias="ten_thanh_pho", title="Tên khi cơ quan quyết định là UBND thành phố",
        description="Ví dụ: Bằng khen của Chủ tịch UBND thành phố (Cần Thơ, Hải Phòng… là thành phố trực thuộc trung ương).",
    )
    valid_from: FullDate | None = Field(None, alias="tu_ngay", title="Được trao từ ngày")
    valid_until: FullDate | None = Field(
        None, alias="den_ngay", title="Được trao đến ngày", description="Ví dụ 2025-06-30 với khen thưởng của cấp huyện (đã kết thúc ngày 01/7/2025)."
    )

    def name_for(self, issuer: str) -> str:
        """The name as the deciding body's level words it: a centrally-run city's UBND is 'UBND thành phố'."""
        return self.city_name if self.city_name and _CITY_BODY.match(text.fold(issuer)) else self.name


class AwardTypeList(Record):

    model_config = ConfigDict(title="Danh mục danh hiệu")
    award_types: list[AwardType] = Field(alias="danh_hieu", title="Danh hiệu và hình thức khen thưởng")


class Decision(Record):
    """The decision that grants an award: 'Quyết định số 1234/QĐ-UBND ngày 20/5/2024 của UBND tỉnh'."""

    model_config = ConfigDict(title="Quyết định khen thưởng")

    number: str = Field(alias="so", title="Số, ký hiệu quyết định", description="Ví dụ: 1234/QĐ-UBND.")
    date: FullDate = Field(alias="ngay", title="Ngày quyết định")
    issuer: str = Field(alias="co_quan", title="Cơ quan quyết định", description="Ví dụ: UBND tỉnh Hưng Yên.")


class Award(Record):
    """One award of an honoree."""

    model_config = ConfigDict(title="Khen thưởng")

    type: Id = Field(alias="loai", title="Danh hiệu / hình thức", description="Mã trong data/danh-hieu.yaml.")
    grade: Grade | None = Field(None, alias="hang", title="Hạng", description="Chỉ với loại có hạng: nhat, nhi, ba.")
    year: int | None = Field(None, alias="nam", title="Năm", ge=1945, le=2100)
    school_year: SchoolYear | None = Field(None, alias="nam_hoc", title="Năm học", description="Ví dụ: 2023-2024.")
    decision: Decision | None = Field(None, alias="quyet_dinh", title="Quyết định khen thưởng")
    campaign: Id | None = Field(None, alias="phong_trao", title="Trong phong trào", description="Mã phong trào thi đua.")
    annulled: bool = Field(False, alias="bi_huy", title="Đã bị hủy", description="Khen thưởng bị hủy không hiện trên trang.")

    @property
    def day(self) -> date:
        """The day the award is dated by: its decision's, else the first day of the achievement."""
        return self.decision.date if self.decision else self.span[0]

    @property
    def period(self) -> tuple[int, int]:
        """The calendar years the achievement covers: a school year spans two."""
        start, end = self.span
        return start.year, end.year

    @property
    def span(self) -> tuple[date, date]:
        """The days the achievement covers: a year, or a school year (1 September to 31 August)."""
        if self.school_year:
            first, second = self.school_year.split("-")
            return date(int(first), 9, 1), date(int(second), 8, 31)
        year = self.year if self.year is not None else (self.decision.date.year if self.decision else 1945)
        return date(year, 1, 1), date(year, 12, 31)


class ConsentParty(Labeled):
    SELF = "ban_than"
    GUARDIAN = "nguoi_giam_ho"


class ConsentScope(Labeled):
    NAME = "ten"
    PHOTO = "anh"
    STORY = "cau_chuyen"
    SCHOOL = "truong_lop"
    ETHNICITY = "dan_toc"
    RELIGION = "ton_giao"
    PARTY = "dang_vien"


_LABELS.update({
    ConsentParty.SELF: "Chính người đó",
    ConsentParty.GUARDIAN: "Cha, mẹ hoặc người giám hộ",
    ConsentScope.NAME: "Tên",
    ConsentScope.PHOTO: "Ảnh",
    ConsentScope.STORY: "Câu chuyện",
    ConsentScope.SCHOOL: "Trường, lớp",
    ConsentScope.ETHNICITY: "Dân tộc",
    ConsentScope.RELIGION: "Tôn giáo",
    ConsentScope.PARTY: "Đảng viên",
})


class Consent(Record):
    """One written consent (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): who, when, to what, withdrawn when."""

    model_config = ConfigDict(title="Sự đồng ý")
    holds_personal_data: typing.ClassVar[bool] = True

    party: ConsentParty = Field(alias="nguoi", title="Người đồng ý", description="ban_than (chính người đó) hoặc nguoi_giam_ho (cha, mẹ hoặc người giám hộ).")
    date: FullDate = Field(alias="ngay", title="Ngày đồng ý")
    scopes: list[ConsentScope] = Field(
        alias="pham_vi", title="Đồng ý cho công khai", min_length=1,
        description="ten, anh, cau_chuyen, truong_lop; dan_toc, ton_giao, dang_vien chỉ khi thật cần.",
    )
    withdrawn: FullDate | None = Field(None, alias="rut_lai", title="Ngày rút lại", description="Từ ngày này, mọi dữ liệu của người đó được gỡ khỏi trang.")
    reference: str | None = Field(None, alias="ghi_chu", title="Ghi chú", description="Ví dụ: số phiếu đồng ý lưu ở văn phòng.")


class Photo(Record):

    model_config = ConfigDict(title="Ảnh")
    file: str = Field(alias="tep", title="Tệp ảnh", description="Đường dẫn tính từ thư mục content/.")
    alt: str = Field(alias="mo_ta", title="Mô tả ảnh", description="Người không xem được ảnh sẽ nghe mô tả này.", min_length=5)


class Honoree(Record):
    """An exemplary model (gương điển hình tiên tiến): a person or a collective (data/guong/<ma>.yaml)."""

    model_config = ConfigDict(title="Gương điển hình tiên tiến")
    holds_personal_data: typing.ClassVar[bool] = True

    id: Id = Field(alias="ma", title="Mã hồ sơ", description="Không đổi về sau: địa chỉ trang hồ sơ lấy từ mã này.")
    subject: SubjectType = Field(alias="doi_tuong", title="Đối tượng", description="tap_the, can_bo_quan_ly, giao_vien, nhan_vien hoặc hoc_sinh.")
    family_name: PersonName | None = Field(None, alias="ho", title="Họ", description="Ví dụ: Nguyễn.")
    middle_name: PersonName | None = Field(None, alias="ten_dem", title="Tên đệm", description="Ví dụ: Văn; có thể để trống.")
    given_name: PersonName | None = Field(None, alias="ten", title="Tên", description="Ví dụ: Hồng.")
    display_name: str | None = Field(None, alias="ten_day_du", max_length=MAX_NAME, title="Họ tên hiển thị", description="Chỉ khi tên không theo thứ tự họ - đệm - tên (ví dụ tên người Ê Đê).")
    sort_key: str | None = Field(None, alias="khoa_sap_xep", title="Khóa sắp xếp", description="Chỉ khi cần sắp xếp khác thứ tự tên - đệm - họ.")
    collective_name: str | None = Field(None, alias="ten_tap_the", max_length=MAX_NAME, title="Tên tập thể", description="Ví dụ: Tổ Toán - Tin; bỏ trống thì dùng tên đơn vị.")
    unit: Id = Field(alias="don_vi", title="Đơn vị", description="Mã đơn vị trong data/don-vi/.")
    position: str | None = Field(None, alias="chuc_vu", max_length=MAX_NAME, title="Chức vụ, công việc")
    photo: Photo | None = Field(None, alias="anh", title="Ảnh")
    awards: list[Award] = Field(default_factory=list, alias="khen_thuong", title="Khen thưởng")
    campaigns: list[Id] = Field(default_factory=list, alias="phong_trao", title="Phong trào thi đua", description="Mã các phong trào.")
    criteria_met: list[str] = Field(default_factory=list, alias="tieu_chi_dat", title="Tiêu chí đạt", description="Dạng 'mã-bộ-tiêu-chí/mã-tiêu-chí'.")
    summary: str | None = Field(None, alias="tom_tat", title="Tóm tắt thành tích")
    consents: list[Consent] = Field(default_factory=list, alias="dong_y", title="Sự đồng ý", description="Bắt buộc với học sinh; với mọi người khi đăng ảnh hoặc câu chuyện.")
    under_seven: bool = Field(False, alias="duoi_7_tuoi", title="Trẻ dưới 7 tuổi", description="true thì chỉ cần cha mẹ hoặc người giám hộ đồng ý.")
    adult: bool = Field(False, alias="nguoi_lon", title="Đã thành niên", description="true với học sinh đã đủ 18 tuổi (ví dụ học viên giáo dục thường xuyên).")
    ethnicity: str | None = Field(None, alias="dan_toc", title="Dân tộc", description="Chỉ ghi khi người đó đồng ý công khai (pham_vi: dan_toc).")
    religion: str | None = Field(None, alias="ton_giao", title="Tôn giáo", description="Chỉ ghi khi người đó đồng ý công khai (pham_vi: ton_giao).")
    party_member: bool | None = Field(None, alias="dang_vien", title="Đảng viên", description="Chỉ ghi khi người đó đồng ý công khai (pham_vi: dang_vien).")
    unit_exception: str | None = Field(
        None, alias="ngoai_le_don_vi", title="Lý do ngoại lệ",
        description="Với cán bộ quản lý: lý do được công nhận dù đơn vị mình đứng đầu không phải tập thể điển hình cùng năm.",
    )
    published: bool = Field(False, alias="cong_khai", title="Công khai", description="true thì hồ sơ được đăng lên trang.")
    featured: bool = Field(False, alias="noi_bat", title="Nổi bật", description="true thì hồ sơ được giới thiệu ở trang chủ.")
    old_ids: list[Id] = Field(
        default_factory=list, alias="ma_cu", title="Mã cũ",
        description="Khi buộc phải đổi mã: các mã trước đây, để địa chỉ cũ tự chuyển tới địa chỉ mới.",
    )
    sample: bool = Field(False, alias="du_lieu_mau", title="Dữ liệu mẫu", description="true với người, đơn vị hư cấu của bản trình diễn.")

    @property
    def is_collective(self) -> bool:
        return self.subject is SubjectType.COLLECTIVE

    @property
    def person_name(self) -> str:
        """The name as written: 'Nguyễn Văn Hồng', or the record's own display order."""
        if self.display_name:
            return self.display_name
        return " ".join(part for part in (self.family_name, self.middle_name, self.given_name) if part)


class StoryMeta(Record):
    """The front matter of a "người tốt, việc tốt" story (content/cau-chuyen/<ten-tep>.md)."""

    model_config = ConfigDict(title="Câu chuyện")
    holds_personal_data: typing.ClassVar[bool] = True

    title: str = Field(alias="tieu_de", max_length=MAX_NAME, title="Tiêu đề")
    date: FullDate = Field(alias="ngay", title="Ngày đăng")
    author: str = Field(alias="tac_gia", title="Tác giả", description="Người viết bài, ví dụ: Văn phòng Sở.")
    honorees: list[Id] = Field(default_factory=list, alias="guong", title="Gương điển hình", description="Mã các hồ sơ trong data/guong/ mà câu chuyện kể về.")
    tags: list[Annotated[str, Field(max_length=60)]] = Field(default_factory=list, alias="the", title="Thẻ", description="Ví dụ: Người tốt, việc tốt; Học sinh.")
    image: Photo | None = Field(None, alias="anh", title="Ảnh minh họa")
    summary: str | None = Field(None, alias="tom_tat", title="Tóm tắt", description="Một hai câu hiện trong danh sách và khi chia sẻ.")


def _check_old_address(value: str) -> str:
    problem = site_address_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _check_new_address(value: str) -> str:
    if is_outside(value):
        if not urlsplit(value).hostname:
            raise ValueError(f"địa chỉ '{value}' thiếu tên máy chủ")
        return value
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value):
        raise ValueError("chỉ chuyển hướng tới một trang của cổng (ví dụ 'guong/ten-moi/') hoặc một địa chỉ 'https://' được phép")
    return _check_old_address(value)


class Redirect(Record):
    old: Annotated[str, AfterValidator(_check_old_address)] = Field(
        alias="tu", title="Địa chỉ cũ", description="Tính từ gốc trang, ví dụ: cau-chuyen/ten-cu/"
    )
    new: Annotated[str, AfterValidator(_check_new_address)] = Field(
        alias="den", title="Địa chỉ mới",
        description="Một trang của cổng, ví dụ: cau-chuyen/ten-moi/; hoặc https://… nếu máy chủ đó có trong extra.chuyen_huong_ra_ngoai của mkdocs.yml.",
    )


class RedirectList(Record):
    """Addresses that moved (data/chuyen-huong.yaml): the old address keeps working."""

    model_config = ConfigDict(title="Chuyển hướng địa chỉ")

    redirects: list[Redirect] = Field(default_factory=list, alias="chuyen_huong", title="Các địa chỉ đã chuyển")


class PageMeta(Record):
    """The front matter of an editor's own page in content/ (a guide, a statement): what Material reads."""

    model_config = ConfigDict(title="Trang")

    title: str | None = Field(None, max_length=MAX_NAME, title="Tiêu đề trang", description="Bỏ trống thì lấy dòng '# …' đầu tiên.")
    description: str | None = Field(None, max_length=500, title="Mô tả", description="Hiện khi chia sẻ liên kết và trên máy tìm kiếm.")
    template: Literal["home.html", "main.html"] | None = Field(None, title="Mẫu trang", description="Chỉ trang chủ dùng home.html.")
    hide: list[Literal["navigation", "toc", "footer", "path", "feedback", "tags"]] = Field(
        default_factory=list, title="Ẩn các phần", description="navigation, toc, footer, path."
    )
