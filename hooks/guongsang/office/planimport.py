"""Any office's document (Word, PDF, text or Markdown) read into a document file: front matter filled,
sections as headings.

docparts.py recognises the parts Nghị định 30/2020/NĐ-CP gives every administrative document (parent and
issuing body, number, place and date, the type and title, the opening with its legal bases, recipients and
the signature block) in whatever shape the copy has; this module makes them front matter and the body
Markdown. Whatever the text does not say is listed for the editor, and blanks of a draft
('Số:   /KH-SGDĐT', 'ngày   tháng   năm 2024') stay blank.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from guongsang.lang import legalrefs, numbers
from guongsang.lang.dates import parse_partial_date
from guongsang.office import docparts, formats, plansource, scaffold
from guongsang.project import ProjectPaths
from guongsang.records import yamltext
from guongsang.records.models import DocumentMeta, DocumentStatus

_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_WRAPPED = re.compile(r"^(\*{1,3})(?!\*)(.+?)(?<!\*)\1$")
_RULE = re.compile(r"^[-_=─—–.\s]+$")
_ROMAN = re.compile(r"^[IVXL]+\.\s+\S")
_NUMBERED = re.compile(r"^(?P<number>\d+(?:\.\d+)*)\.?\s+(?P<rest>\S.*)$")
_LIST_MARKER = re.compile(r"^(?:\d+[.)]|[-+*>])(?=\s)")
_SENTENCE_END = (".", ";", ":", "!", "?", "…", ")", "”", '"', ",")

SIGNER_ORDER = ("tham_quyen", "cap_tren", "ky_thay", "chuc_vu", "ho_ten")
FRONT_ORDER = ("loai", "co_quan_chu_quan", "co_quan_ban_hanh", "so_ky_hieu", "dia_danh", "ngay_ban_hanh", "trich_yeu",
               "kinh_gui", "tham_quyen_ban_hanh", "can_cu", "nguoi_ky", "noi_nhan", "trang_thai")
OPTIONAL = ("co_quan_chu_quan", "kinh_gui", "tham_quyen_ban_hanh", "can_cu", "trang_thai")
"""Keys many documents rightly lack: bodies without a parent line, texts without addressees."""

# What the editor can give when the text does not say it (the seeds lost their header table): the option that
# gives it on the command line, what it is, and an example, for the messages and the script's help.
SUPPLIED = {
    "co_quan_chu_quan": ("--co-quan-chu-quan", "cơ quan chủ quản", '"UBND TỈNH HƯNG YÊN"'),
    "co_quan_ban_hanh": ("--co-quan-ban-hanh", "cơ quan ban hành", '"SỞ GIÁO DỤC VÀ ĐÀO TẠO"'),
    "so_ky_hieu": (
        "--so-ky-hieu", "số, ký hiệu",
        '"/KH-SGDĐT" (dự thảo) hoặc "237/KH-SGDĐT"; không thêm thì văn bản được ghi là đã ban hành mà bản này thiếu số (ban_hanh_thieu_so_ngay)',
    ),
    "dia_danh": ("--dia-danh", "địa danh", '"Hưng Yên"'),
    "trich_yeu": ("--trich-yeu", "trích yếu (với công văn: nội dung sau 'V/v')", '"Về việc tổ chức hội nghị điển hình tiên tiến"'),
    "ngay_ban_hanh": ("--ngay-ban-hanh", "ngày ban hành", "2024 (dự thảo), 2024-11 hoặc 2024-11-20"),
}


REQUIRED = {spec.alias for spec in DocumentMeta.model_fields.values() if spec.is_required()}
"""Keys a document cannot do without (a blank number is allowed: drafts have none)."""


@dataclass
class ImportedPlan:
    front: dict[str, object]
    body: str
    missing: list[str] = field(default_factory=list)
    """Front-matter keys the text does not give."""
    notes: list[str] = field(default_factory=list)
    """What was read but not recognised, or recognised with a doubt."""
    parts: docparts.Parts = field(default_factory=docparts.Parts)
    """The parts as recognised, before they became front matter."""

    @property
    def sections(self) -> list[str]:
        return [line[3:] for line in self.body.splitlines() if line.startswith("## ")]


def parse(source: plansource.PlanText) -> ImportedPlan:
    parts = docparts.parse(source.lines)
    if parts.doc_type is None:
        raise plansource.PlanFileError(
            "không thấy tên loại văn bản (KẾ HOẠCH, QUYẾT ĐỊNH, HƯỚNG DẪN…) viết hoa trên một dòng riêng trước trích yếu, "
            "cũng không thấy dòng 'V/v …' hay 'Kính gửi:' của một công văn"
        )
    front = _front(parts)
    notes = list(parts.notes)
    blocks = _body_blocks(parts.body)
    references: list[dict[str, object]] = []
    for block in blocks:
        if block.startswith("#"):
            break  # legal bases are cited before the first section
        if legalrefs.starts_references(block):
            found, doubts = legalrefs.parse(block)
            references += [reference.as_yaml() for reference in found]
            notes += [f"căn cứ {doubt}" for doubt in doubts]
    if references:
        front["can_cu"] = references
    if source.auto_numbered:
        shown = "; ".join(f"'{line[:60]}'" for line in source.auto_numbered[:3])
        notes.append(
            f"{len(source.auto_numbered)} đoạn dùng đánh số tự động của Word, số thứ tự không có trong chữ ({shown}…): "
            "thêm số vào đầu các đoạn đó nếu cần"
        )
    missing = [key for key in FRONT_ORDER if key not in front and key not in OPTIONAL]
    if "co_quan_ban_hanh" in missing:  # the header is lost, so whether it had a parent line is unknown too
        missing.insert(missing.index("co_quan_ban_hanh"), "co_quan_chu_quan")
    return ImportedPlan(front, "\n\n".join(blocks) + "\n", missing, notes, parts)


def _front(parts: docparts.Parts) -> dict[str, object]:
    """The front-matter values the text gives, under the keys editors know."""
    values = {
        "loai": parts.doc_type,
        "co_quan_chu_quan": parts.parent_body,
        "co_quan_ban_hanh": parts.issuing_body,
        "so_ky_hieu": parts.number,
        "dia_danh": parts.place,
        "ngay_ban_hanh": parts.issued,
        "trich_yeu": "\n".join(parts.title_lines),
        "kinh_gui": parts.addressees,
        "tham_quyen_ban_hanh": parts.issuing_authority,
        "noi_nhan": parts.recipients,
        "nguoi_ky": signer(parts.signature, parts.signer_name),
    }
    return {key: value for key, value in values.items() if value not in (None, "", [], {})}


def signer(lines: list[str], name: str | None) -> dict[str, str]:
    """The signature block's lines as the front matter's fields.

    'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH' gives tham_quyen TM., cap_tren ỦY BAN NHÂN DÂN,
    ky_thay CHỦ TỊCH and chuc_vu PHÓ CHỦ TỊCH; 'Q. GIÁM ĐỐC' gives tham_quyen Q. and chuc_vu GIÁM ĐỐC.
    """
    found: dict[str, str] = {}
    positions: list[str] = []
    for line in lines:
        match = docparts.AUTHORITY.match(line)
        if match and match.group("authority") == "Q":
            found["tham_quyen"] = found.get("tham_quyen", "Q.")
            positions.append(match.group("rest"))
        elif match and "tham_quyen" not in found:
            found["tham_quyen"] = match.group("authority") + "."
            found["cap_tren"] = match.group("rest")
        elif match and match.group("authority") == "KT" and "ky_thay" not in found:
            found["ky_thay"] = match.group("rest")
        else:
            positions.append(line)
    if positions:
        found["chuc_vu"] = " ".join(positions)
    if name:
        found["ho_ten"] = name
    return {key: found[key] for key in SIGNER_ORDER if key in found} if "chuc_vu" in found else {}


def _body_blocks(lines: list[str]) -> list[str]:
    """Markdown blocks: Roman sections as '##', numbered headings one level deeper per number, paragraphs
    kept with their emphasis, and markers that Markdown would turn into lists escaped."""
    blocks: list[str] = []
    joinable = False
    for line in lines:
        raw = line.strip()
        if not raw or _RULE.match(docparts.plain(raw)):
            continue
        marked = bool(_HEADING_MARK.match(raw))
        unmarked = _HEADING_MARK.sub("", raw).rstrip("\\").strip()
        wrapped = _WRAPPED.match(unmarked)
        inner = wrapped.group(2).strip() if wrapped else unmarked
        text = inner.replace("*", "").strip()
        if _ROMAN.match(text):
            blocks.append(f"## {text}")
            joinable = False
            continue
        numbered = _NUMBERED.match(text)
        if numbered and _is_heading(numbered, inner, marked or bool(wrapped)):
            depth = numbered.group("number").count(".") + 1
            blocks.append(f"{'#' * min(2 + depth, 6)} {text}")
            joinable = False
            continue
        if marked and not numbered:
            blocks.append(f"### {text}")
            joinable = False
            continue
        if raw.startswith("|") and blocks and blocks[-1].startswith("|"):  # a table's rows stay one block
            blocks[-1] = f"{blocks[-1]}\n{raw}"
            continue
        if joinable and text[:1].islower():  # a paragraph broken by a page break in the conversion
            blocks[-1] = f"{blocks[-1]} {unmarked}"
        else:
            blocks.append(_escape_marker(unmarked))
        joinable = not unmarked.endswith(_SENTENCE_END)
    return blocks


def _escape_marker(text: str) -> str:
    """'1. …' and '- …' stay as the document writes them instead of becoming Markdown lists."""
    if match := _LIST_MARKER.match(text):
        marker = match.group(0)
        escaped = f"{marker[:-1]}\\{marker[-1]}" if marker[0].isdigit() else f"\\{marker}"
        return escaped + text[len(marker) :]
    return text


def _is_heading(numbered: re.Match[str], inner: str, emphasised: bool) -> bool:
    """A numbered line is a heading when it is set apart (bold or a heading) or short and unpunctuated."""
    rest = numbered.group("rest")
    if emphasised or _WRAPPED.match(inner[len(numbered.group("number")) :].lstrip(". ")):
        return len(rest) <= 160
    return len(rest) <= 80 and not rest.endswith(_SENTENCE_END) and ":" not in rest and "*" not in inner


def document_text(plan: ImportedPlan) -> str:
    """The document file: front matter in the order editors know, then the body."""
    front = {key: plan.front[key] for key in FRONT_ORDER if key in plan.front}
    dumped = yamltext.dump(front, width=10_000)
    return f"---\n{dumped}---\n\n{plan.body}"


@dataclass(frozen=True)
class PlanOptions:
    """What the editor asks of a plan import."""

    source: Path
    """The plan file: .docx, .pdf, .txt or .md (see formats.PLAN_READERS)."""
    supplied: Mapping[str, object] = field(default_factory=dict)
    """Front-matter values, by the keys of SUPPLIED, for what the text does not say; they win over the text."""
    target: str | None = None
    """The file to create, from the project root; None: content/van-ban/<year>-<number or title>.md."""


@dataclass(frozen=True)
class PlanImport:
    """A plan read, and the document file made of it, if any."""

    summary: str
    """What was read, and what the text does not say, for the editor."""
    missing_required: list[str]
    """Required keys neither the text nor the options give: no file was written."""
    new_file: scaffold.NewFile | None
    """The document file, kept or refused; None when required keys are missing."""


def import_plan(paths: ProjectPaths, options: PlanOptions) -> PlanImport:
    """Read the plan, fill its front matter and write its document file if the project stays valid with it;
    PlanFileError when the file cannot be read as a plan."""
    plan = parse(formats.read_plan(options.source))
    for key, given in options.supplied.items():
        if key in plan.front and plan.front[key] != given:
            plan.notes.append(f"{key}: dùng '{given}' theo {SUPPLIED[key][0]} thay cho '{plan.front[key]}' trong văn bản")
        plan.front[key] = given
        if key in plan.missing:
            plan.missing.remove(key)
    number, issued = str(plan.front.get("so_ky_hieu", "")), plan.front.get("ngay_ban_hanh")
    # A blank number line ('Số:    /KH-SGDĐT') is a draft's; no number line, recipients or signature at all is an
    # issued text whose copy lost them.
    whole = all(key in plan.front for key in ("noi_nhan", "nguoi_ky"))
    if numbers.has_number(number) and isinstance(issued, date) and whole:
        plan.front["trang_thai"] = DocumentStatus.PUBLISHED.value
    elif "so_ky_hieu" in plan.front and not numbers.has_number(number):
        plan.front["trang_thai"] = DocumentStatus.DRAFT.value
    else:
        plan.front["trang_thai"] = DocumentStatus.ISSUED_INCOMPLETE.value
    summary = _report(options.source, plan)
    if required := [key for key in plan.missing if key in REQUIRED]:
        return PlanImport(summary, required, None)
    year = issued.year if isinstance(issued, date) else int(str(issued)[:4])  # '2024-11' or 2024
    path = options.target or scaffold.document_path(year, number, str(plan.front["trich_yeu"]))
    return PlanImport(summary, [], scaffold.write_new(paths, path, document_text(plan)))


def issued_value(written: str) -> date | str | int:
    """An issue date as the front matter writes it: a date, '2024-11' or 2024; ValueError, saying why, when
    it is not one."""
    issued = parse_partial_date(written)
    return issued.as_date() or (f"{issued.year}-{issued.month:02d}" if issued.month else issued.year)


def _report(source: Path, plan: ImportedPlan) -> str:
    lines = [f"Đã đọc {source.name}:"]
    for key in FRONT_ORDER:
        value = plan.front.get(key)
        if key == "can_cu" and value:
            lines.append(f"  can_cu: {len(value)} văn bản ({'; '.join(str(ref.get('so_ky_hieu') or ref['loai']) for ref in value)})")
        elif key == "noi_nhan" and value:
            lines.append(f"  noi_nhan: {len(value)} nơi nhận")
        elif key == "nguoi_ky" and value:
            lines.append(f"  nguoi_ky: {' '.join(str(part) for part in value.values())}")
        elif value not in (None, ""):
            lines.append(f"  {key}: {str(value).replace(chr(10), ' / ')}")
    lines.append(f"  nội dung: {len(plan.sections)} mục ({'; '.join(plan.sections)})")
    if plan.missing or plan.notes:
        lines.append("Chưa nhận ra (cần xem lại, không tự đoán):")
        for key in plan.missing:
            hint = f"; thêm {SUPPLIED[key][0]} {SUPPLIED[key][2]}" if key in SUPPLIED else ""
            lines.append(f"  - {key}: văn bản không ghi{hint}")
        lines += [f"  - {note}" for note in plan.notes]
    return "\n".join(lines)
