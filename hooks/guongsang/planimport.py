"""A plan (Word, text or Markdown) read into a document file: front matter filled, sections as headings.

The layout is the one Nghị định 30/2020/NĐ-CP gives every administrative document: parent and issuing
body, number, place and date, the type and title, the opening with its legal bases, numbered sections,
recipients and the signature block. Whatever the text does not say is listed for the editor, and
blanks of a draft ('Số:   /KH-SGDĐT', 'ngày   tháng   năm 2024') stay blank.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from guongsang import legalrefs, numbers, plansource, scaffold, yamltext
from guongsang.dates import parse_partial_date
from guongsang.models import DOCUMENT_TYPES, DocumentMeta, DocumentStatus
from guongsang.project import ProjectPaths

_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_WRAPPED = re.compile(r"^(\*{1,3})(?!\*)(.+?)(?<!\*)\1$")
_MOTTO = re.compile(r"^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc)$")
_RULE = re.compile(r"^[-_=─—–.\s]+$")
_NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<number>.*)$")
_BLANK_FILL = re.compile(r"^[.…_\s]+")
_DATE_LINE = re.compile(
    r"^(?P<place>[^,\d]+?),\s*ngày\s*(?P<day>[\d.…_ ]*?)\s*tháng\s*(?P<month>[\d.…_ ]*?)\s*năm\s*(?P<year>\d{4})\s*$"
)
_ROMAN = re.compile(r"^[IVXL]+\.\s+\S")
_NUMBERED = re.compile(r"^(?P<number>\d+(?:\.\d+)*)\.?\s+(?P<rest>\S.*)$")
_LIST_MARKER = re.compile(r"^(?:\d+[.)]|[-+*>])(?=\s)")
_PROSE_START = re.compile(r"^(?:Căn cứ|Thực hiện|Theo|Để|Nhằm|Trên cơ sở|Sở Giáo dục)\b")
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?\s*$", re.IGNORECASE)
_RECIPIENT_MARK = re.compile(r"^[-+–•]\s*")
_AUTHORITY = re.compile(r"^(?P<authority>TM|KT|TL|TUQ|Q)\.\s*(?P<rest>.*)$")
_SIGNED_NOTE = re.compile(r"^\(.*\)$")  # '(Đã ký)', '(Ký, đóng dấu)'
_TITLE_STOP = (".", ";", ":", ",")
_SENTENCE_END = (".", ";", ":", "!", "?", "…", ")", "”", '"', ",")

SIGNER_ORDER = ("tham_quyen", "cap_tren", "chuc_vu", "ho_ten")
FRONT_ORDER = ("loai", "co_quan_chu_quan", "co_quan_ban_hanh", "so_ky_hieu", "dia_danh", "ngay_ban_hanh", "trich_yeu",
               "can_cu", "nguoi_ky", "noi_nhan", "trang_thai")

# What the editor can give on the command line when the text does not say it (the seeds lost their header table).
SUPPLIED = {
    "co_quan_chu_quan": ("--co-quan-chu-quan", "cơ quan chủ quản", '"UBND TỈNH HƯNG YÊN"'),
    "co_quan_ban_hanh": ("--co-quan-ban-hanh", "cơ quan ban hành", '"SỞ GIÁO DỤC VÀ ĐÀO TẠO"'),
    "so_ky_hieu": (
        "--so-ky-hieu", "số, ký hiệu",
        '"/KH-SGDĐT" (dự thảo) hoặc "237/KH-SGDĐT"; không thêm thì văn bản được ghi là đã ban hành mà bản này thiếu số (ban_hanh_thieu_so_ngay)',
    ),
    "dia_danh": ("--dia-danh", "địa danh", '"Hưng Yên"'),
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

    @property
    def sections(self) -> list[str]:
        return [line[3:] for line in self.body.splitlines() if line.startswith("## ")]


def _plain(line: str) -> str:
    """A line without Markdown heading marks and emphasis, for recognising its role."""
    return _HEADING_MARK.sub("", line.strip()).replace("*", "").strip()


def parse(source: plansource.PlanText) -> ImportedPlan:
    lines = source.lines
    front: dict[str, object] = {}
    notes: list[str] = []
    type_at = _read_header(lines, front, notes)
    if type_at is None:
        raise plansource.PlanFileError(
            "không thấy tên loại văn bản (KẾ HOẠCH, QUYẾT ĐỊNH, HƯỚNG DẪN…) viết hoa trên một dòng riêng trước trích yếu"
        )
    body_start = _read_title(lines, type_at + 1, front)
    tail_at = _read_tail(lines, body_start, front, notes)
    blocks = _body_blocks(lines[body_start:tail_at])
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
    missing = [key for key in FRONT_ORDER if key not in front and key not in ("can_cu", "trang_thai")]
    return ImportedPlan(front, "\n\n".join(blocks) + "\n", missing, notes)


def _read_header(lines: list[str], front: dict[str, object], notes: list[str]) -> int | None:
    """Fill bodies, number, place and date from the lines above the type; return the type's line."""
    bodies: list[str] = []
    for index, line in enumerate(lines):
        text = _plain(line)
        if not text or _RULE.match(text) or _MOTTO.match(text):
            continue
        if text in DOCUMENT_TYPES and text != "CÔNG VĂN":
            front["loai"] = text
            _set_bodies(bodies, front, notes)
            return index
        if match := _NUMBER_LINE.match(text):
            front["so_ky_hieu"] = _BLANK_FILL.sub("", match.group("number")).replace(" ", "")
        elif match := _DATE_LINE.match(text):
            front["dia_danh"] = match.group("place").strip()
            day, month = (_digits(match.group(key)) for key in ("day", "month"))
            year = int(match.group("year"))
            if day and month:
                try:
                    front["ngay_ban_hanh"] = date(year, month, day)
                except ValueError:
                    notes.append(f"dòng {index + 1}: ngày '{text}' không có thật trên lịch")
            else:
                front["ngay_ban_hanh"] = f"{year}-{month:02d}" if month else year
        elif text.upper() == text and any(char.isalpha() for char in text):
            bodies.append(text)
        else:
            notes.append(f"dòng {index + 1}: '{text}' đứng trước tên loại văn bản nhưng không phải cơ quan, số hay ngày")
    return None


def _set_bodies(bodies: list[str], front: dict[str, object], notes: list[str]) -> None:
    if not bodies:
        return
    if len(bodies) == 1:
        front["co_quan_ban_hanh"] = bodies[0]
        return
    front["co_quan_chu_quan"] = bodies[0]
    front["co_quan_ban_hanh"] = " ".join(bodies[1:])
    if len(bodies) > 2:
        notes.append(f"cơ quan ban hành ghép từ {len(bodies) - 1} dòng: '{front['co_quan_ban_hanh']}'; kiểm tra lại")


def _digits(written: str) -> int | None:
    digits = re.sub(r"\D", "", written)
    return int(digits) if digits else None


def _read_title(lines: list[str], start: int, front: dict[str, object]) -> int:
    """The title lines under the type, up to the opening; return where the body starts."""
    title: list[str] = []
    index = start
    while index < len(lines) and len(title) < 4:
        text = _plain(lines[index])
        if text and not _RULE.match(text):
            if _PROSE_START.match(text) or _ROMAN.match(text) or len(text) > 200 or (title and text.endswith(_TITLE_STOP)):
                break
            title.append(text)
        index += 1
    if title:
        front["trich_yeu"] = "\n".join(title)
    return index


def _read_tail(lines: list[str], start: int, front: dict[str, object], notes: list[str]) -> int:
    """Recipients and signature after the last 'Nơi nhận:'; return where they begin (the body's end)."""
    at = next((i for i in range(len(lines) - 1, start - 1, -1) if _RECIPIENTS.match(_plain(lines[i]))), None)
    if at is None:
        return len(lines)
    recipients: list[str] = []
    signature: list[str] = []
    for index in range(at + 1, len(lines)):
        text = _plain(lines[index])
        if not text or _SIGNED_NOTE.match(text):
            continue
        if not signature and not _AUTHORITY.match(text) and not (text.upper() == text and not _RECIPIENT_MARK.match(text)):
            recipients.append(_RECIPIENT_MARK.sub("", text))
        else:
            signature.append(text)
    if recipients:
        front["noi_nhan"] = recipients
    signer = _signer(signature, notes)
    if signer:
        front["nguoi_ky"] = signer
    return at


def _signer(lines: list[str], notes: list[str]) -> dict[str, str]:
    signer: dict[str, str] = {}
    positions: list[str] = []
    for text in lines:
        if (match := _AUTHORITY.match(text)) and not signer and not positions:
            signer["tham_quyen"] = match.group("authority") + "."
            if match.group("authority") == "Q":
                positions.append(match.group("rest"))
            elif match.group("rest"):
                signer["cap_tren"] = match.group("rest")
        elif text.upper() == text and "ho_ten" not in signer:
            positions.append(text)
        elif "ho_ten" not in signer and positions:
            signer["ho_ten"] = text
        else:
            notes.append(f"'{text}' sau khối chữ ký: không nhận ra")
    if not positions:
        return {}
    signer["chuc_vu"] = " ".join(positions)
    return {key: signer[key] for key in SIGNER_ORDER if key in signer}


def _body_blocks(lines: list[str]) -> list[str]:
    """Markdown blocks: Roman sections as '##', numbered headings one level deeper per number, paragraphs
    kept with their emphasis, and markers that Markdown would turn into lists escaped."""
    blocks: list[str] = []
    joinable = False
    for line in lines:
        raw = line.strip()
        if not raw or _RULE.match(_plain(raw)):
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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("tep", type=Path, help="tệp kế hoạch: .docx, .txt hoặc .md")
    for key, (flag, label, example) in SUPPLIED.items():
        parser.add_argument(
            flag, dest=key, type=_draft_date if key == "ngay_ban_hanh" else str, help=f"{label} khi văn bản không ghi, ví dụ {example}"
        )
    parser.add_argument("--ra", help="tệp sẽ tạo, tính từ thư mục dự án (mặc định content/van-ban/<năm>-<số hoặc trích yếu>.md)")


def run(args: argparse.Namespace, paths: ProjectPaths) -> int:
    try:
        plan = parse(plansource.read(args.tep))
    except plansource.PlanFileError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    for key in SUPPLIED:
        given = getattr(args, key)
        if given is None:
            continue
        if key in plan.front and plan.front[key] != given:
            plan.notes.append(f"{key}: dùng '{given}' theo {SUPPLIED[key][0]} thay cho '{plan.front[key]}' trong văn bản")
        plan.front[key] = given
        if key in plan.missing:
            plan.missing.remove(key)
    number, issued = str(plan.front.get("so_ky_hieu", "")), plan.front.get("ngay_ban_hanh")
    # A blank number line ('Số:    /KH-SGDĐT') is a draft's; no number line at all is an issued text that lost its header.
    if numbers.has_number(number) and isinstance(issued, date):
        plan.front["trang_thai"] = DocumentStatus.PUBLISHED.value
    elif "so_ky_hieu" in plan.front and not numbers.has_number(number):
        plan.front["trang_thai"] = DocumentStatus.DRAFT.value
    else:
        plan.front["trang_thai"] = DocumentStatus.ISSUED_INCOMPLETE.value
    print(_report(args.tep, plan), file=sys.stderr)
    if required := [key for key in plan.missing if key in REQUIRED]:
        print(f"lỗi: chưa tạo tệp: văn bản không ghi {', '.join(required)}; thêm các tùy chọn gợi ý ở trên rồi chạy lại", file=sys.stderr)
        return 1

    year = issued.year if isinstance(issued, date) else int(str(issued)[:4])  # '2024-11' or 2024
    path = args.ra or scaffold.document_path(year, number, str(plan.front["trich_yeu"]))
    return scaffold.write_new(
        paths, path, document_text(plan), taken="chọn tên khác với --ra",
        fix="bổ sung các giá trị trên (xem các tùy chọn --co-quan-chu-quan, --dia-danh…) rồi chạy lại",
    )


def _draft_date(written: str) -> date | str | int:
    """The value of --ngay-ban-hanh as the front matter writes it: a date, '2024-11' or 2024."""
    try:
        issued = parse_partial_date(written)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
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
