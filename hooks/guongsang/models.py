"""Typed records. The one place where editors' Vietnamese keys map to English names in code.

Each field carries its YAML key (``alias``), a Vietnamese label (``title``) and help text
(``description``): error messages and the JSON Schema for editors' tools are made from them.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, WithJsonSchema

from guongsang.dates import PartialDate, parse_full_date, parse_partial_date

# Abbreviations of document types in a number and symbol (Nghị định 30/2020/NĐ-CP, Phụ lục III).
# Công văn has no type name on the page and no abbreviation.
DOCUMENT_TYPES: dict[str, str | None] = {
    "NGHỊ QUYẾT": "NQ",
    "QUYẾT ĐỊNH": "QĐ",
    "CHỈ THỊ": "CT",
    "QUY CHẾ": "QC",
    "QUY ĐỊNH": "QYĐ",
    "THÔNG BÁO": "TB",
    "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH": "CTr",
    "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA",
    "ĐỀ ÁN": "ĐA",
    "BÁO CÁO": "BC",
    "TỜ TRÌNH": "TTr",
    "CÔNG ĐIỆN": "CĐ",
    "CÔNG VĂN": None,
}

Authority = Literal["TM.", "KT.", "TL.", "TUQ.", "Q."]

_DATE_SCHEMA = {"type": ["string", "integer"], "examples": ["2020-01-21", "21/01/2020"]}
FullDate = Annotated[date, PlainValidator(parse_full_date), WithJsonSchema(_DATE_SCHEMA)]
DraftDate = Annotated[
    PartialDate,
    PlainValidator(parse_partial_date),
    WithJsonSchema({**_DATE_SCHEMA, "examples": ["2020-01-21", "2024-11", 2024]}),
]


def _authority(value: object) -> object:
    """'kt', 'KT' and 'KT.' all mean KT.: editors drop the dot."""
    if isinstance(value, str) and value.strip():
        return value.strip().upper().rstrip(".") + "."
    return value


class Record(BaseModel):
    """Base of every record: unknown keys are errors, values are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class LegalReference(Record):
    """A legal basis the document cites ('Căn cứ…', 'Thực hiện…')."""

    kind: str = Field(alias="loai", title="Loại văn bản", description="Ví dụ: Luật, Nghị định, Kế hoạch, Hướng dẫn.")
    number: str | None = Field(
        None, alias="so_ky_hieu", title="Số, ký hiệu", description="Ví dụ: 194/HD-BTĐKT. Bỏ trống nếu văn bản không ghi số."
    )
    date: FullDate | None = Field(None, alias="ngay", title="Ngày ban hành")
    issuer: str | None = Field(None, alias="co_quan", title="Cơ quan ban hành")
    title: str | None = Field(None, alias="trich_yeu", title="Trích yếu", description="Nội dung văn bản, như khi trích dẫn.")


class Signer(Record):
    """The signature block: authority, the superior's position, position and name."""

    authority: Annotated[Authority | None, BeforeValidator(_authority)] = Field(
        None, alias="tham_quyen", title="Thẩm quyền ký",
        description="TM., KT., TL., TUQ. hoặc Q.; bỏ trống khi người đứng đầu ký trực tiếp.",
    )
    superior: str | None = Field(
        None, alias="cap_tren", title="Chức vụ / tập thể được ký thay",
        description="Với KT., TL., TUQ., TM.: ví dụ GIÁM ĐỐC (dòng 'KT. GIÁM ĐỐC').",
    )
    position: str = Field(alias="chuc_vu", title="Chức vụ người ký", description="Ví dụ: PHÓ GIÁM ĐỐC.")
    name: str | None = Field(None, alias="ho_ten", title="Họ và tên người ký", description="Có thể để trống trong dự thảo.")


class DocumentStatus(str, Enum):
    DRAFT = "du_thao"
    PUBLISHED = "ban_hanh"
    SUPERSEDED = "het_hieu_luc"

    @property
    def label(self) -> str:
        return {"du_thao": "Dự thảo", "ban_hanh": "Đã ban hành", "het_hieu_luc": "Hết hiệu lực"}[self.value]


class DocumentMeta(Record):
    """The front matter of an administrative document (Nghị định 30/2020/NĐ-CP)."""

    doc_type: str = Field(alias="loai", title="Loại văn bản", description="Viết hoa, ví dụ: KẾ HOẠCH.")
    parent_body: str = Field(
        alias="co_quan_chu_quan", title="Cơ quan chủ quản",
        description="Tên gọi tại ngày của văn bản, ví dụ: UBND THÀNH PHỐ CẦN THƠ.",
    )
    issuing_body: str = Field(
        alias="co_quan_ban_hanh", title="Cơ quan ban hành", description="Ví dụ: SỞ GIÁO DỤC VÀ ĐÀO TẠO."
    )
    number: str = Field(
        "", alias="so_ky_hieu", title="Số, ký hiệu",
        description="Ví dụ: 237/KH-SGDĐT. Dự thảo có thể để trống số: /KH-SGDĐT.",
    )
    place: str = Field(alias="dia_danh", title="Địa danh", description="Ví dụ: Cần Thơ.")
    date: DraftDate = Field(
        alias="ngay_ban_hanh", title="Ngày ban hành", description="Dự thảo có thể chỉ ghi năm (2024) hoặc tháng (2024-11)."
    )
    title: str = Field(alias="trich_yeu", title="Trích yếu", description="Tên văn bản dưới chữ KẾ HOẠCH.")
    legal_bases: list[LegalReference] = Field(
        default_factory=list, alias="can_cu", title="Căn cứ ban hành", description="Các văn bản được căn cứ, thực hiện."
    )
    signer: Signer = Field(alias="nguoi_ky", title="Người ký")
    recipients: list[str] = Field(
        alias="noi_nhan", title="Nơi nhận", description="Mỗi dòng một nơi nhận; dòng cuối bắt đầu bằng 'Lưu'."
    )
    status: DocumentStatus = Field(
        alias="trang_thai", title="Trạng thái", description="du_thao, ban_hanh hoặc het_hieu_luc."
    )
    signed_pdf: str | None = Field(
        None, alias="ban_ky_so", title="Bản có chữ ký (PDF)",
        description="Đường dẫn tới tệp PDF trong thư mục content/, tính từ tệp văn bản này.",
    )
    campaigns: list[str] = Field(
        default_factory=list, alias="phong_trao", title="Phong trào thi đua liên quan", description="Mã các phong trào."
    )
