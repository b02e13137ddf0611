"""Administrative documents: Markdown files whose front matter follows Nghị định 30/2020/NĐ-CP."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from guongsang import urls
from guongsang.diagnostics import Report
from guongsang.lang import numbers, text
from guongsang.records import docbody
from guongsang.records.filememo import FileMemo
from guongsang.records.mdrecords import load_markdown_record, markdown_files
from guongsang.records.models import (
    CONG_VAN,
    DocumentMeta,
    DocumentStatus,
    LegalReference,
    document_type,
)
from guongsang.records.yamlsrc import Located

DOCUMENTS_DIR = "van-ban"
"""The folder under the docs_dir that holds documents, one Markdown file each."""

_ROMAN_SECTION = re.compile(r"^(?:[IVX]+)\.\s+\S")
_HEADING_1 = re.compile(r"^#(?!#)\s*(.*?)\s*#*\s*$")
_BLANK = "\u2002" * 6


@dataclass(frozen=True)
class Source:
    """Where a record was written: the file (relative to the project root) and its first line."""

    path: str
    line: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Document:
    """One administrative document: its validated front matter and where it lives."""

    meta: DocumentMeta
    source: Source
    src_uri: str
    """The path inside the docs_dir, as MkDocs names it ('van-ban/2020-237-kh-sgddt.md')."""
    number_at: Source
    """Where the number is written, for messages about it."""
    located: Located = field(compare=False, repr=False)
    """Positions of the front-matter values, for messages about references."""

    @property
    def id(self) -> str:
        """The file name without '.md': how campaigns and criteria sets name a document."""
        return PurePosixPath(self.src_uri).stem

    @property
    def url(self) -> str:
        return urls.document_url(self.src_uri)

    @property
    def signed_pdf_url(self) -> str | None:
        return urls.file_url(self.src_uri, self.meta.signed_pdf) if self.meta.signed_pdf else None

    @property
    def is_draft(self) -> bool:
        return self.meta.status is DocumentStatus.DRAFT

    @property
    def has_number(self) -> bool:
        return numbers.has_number(self.meta.number)

    @property
    def is_incomplete(self) -> bool:
        """Issued, but the text we hold lacks its number or its date: both then show as unknown."""
        return self.meta.status is DocumentStatus.ISSUED_INCOMPLETE

    @property
    def number_key(self) -> str | None:
        """Comparison key of the number, None while the number is blank."""
        return numbers.key(self.meta.number) if self.has_number else None

    @property
    def number_label(self) -> str:
        """The number for lists: '237/KH-SGDĐT'; 'Chưa có số' for a draft, 'Không rõ số' for a text without it."""
        if self.has_number:
            return self.meta.number
        return "Không rõ số" if self.is_incomplete else "Chưa có số"

    @property
    def number_line(self) -> str:
        """'Số: 237/KH-SGDĐT'; a draft's blank number keeps its space, as on the paper ('Số:    /KH-SGDĐT');
        empty when the text we hold has no number (never an invented blank)."""
        number = self.meta.number
        if self.is_incomplete and not self.has_number:
            return ""
        if not number:
            return f"Số: {_BLANK}"
        if number.startswith("/"):
            return f"Số: {_BLANK}{number}"
        return f"Số: {number}"

    @property
    def date_line(self) -> str:
        """'Cần Thơ, ngày 21 tháng 01 năm 2020'; empty when the text we hold has no full date."""
        if self.is_incomplete and not self.meta.date.is_complete:
            return ""
        return self.meta.date.official_line(self.meta.place)

    @property
    def missing_parts(self) -> list[str]:
        """The parts of an issued document the text we hold lacks: 'số, ký hiệu', 'nơi nhận'…"""
        known = (("số, ký hiệu", self.has_number), ("ngày ban hành", self.meta.date.is_complete),
                 ("nơi nhận", bool(self.meta.recipients)), ("người ký", self.meta.signer is not None))
        return [part for part, present in known if not present]

    @property
    def missing_note(self) -> str:
        """What the text we hold lacks, said plainly: shown in place of the number and date lines."""
        if not self.is_incomplete:
            return ""
        missing = self.missing_parts
        listed = ", ".join(missing[:-1]) + f" và {missing[-1]}" if len(missing) > 1 else "".join(missing)
        return f"Văn bản đã ban hành; {listed} không có trong bản chúng tôi có."

    @property
    def date_label(self) -> str:
        """The date for lists and the facts box: '21/01/2020'; 'năm 2019, không rõ ngày' for a text without it."""
        if self.is_incomplete and not self.meta.date.is_complete:
            return f"{'tháng ' if self.meta.date.month else 'năm '}{self.meta.date}, không rõ ngày"
        return str(self.meta.date)

    @property
    def is_letter(self) -> bool:
        """A công văn: no type line; its subject is printed 'V/v …' under the number."""
        return document_type(self.meta.doc_type) == CONG_VAN

    @property
    def type_name(self) -> str:
        """The type as printed above the title ('KẾ HOẠCH'); empty for a Công văn."""
        return "" if self.is_letter else self.meta.doc_type.upper()

    @property
    def index_subject(self) -> str:
        """The index row's link: 'V/v …' for a công văn, else the type and title ('Kế hoạch Tổ chức …')."""
        return f"V/v {self.plain_title}" if self.is_letter else f"{self.type_name.capitalize()} {self.plain_title}"

    @property
    def title_lines(self) -> list[str]:
        return [line.strip() for line in self.meta.title.splitlines() if line.strip()]

    @property
    def plain_title(self) -> str:
        return " ".join(self.title_lines)

    @property
    def label(self) -> str:
        """The type and number: 'Kế hoạch số 237/KH-SGDĐT'; 'Kế hoạch (chưa có số)' while it has none."""
        kind = self.meta.doc_type.capitalize()
        return f"{kind} số {self.meta.number}" if self.has_number else f"{kind} ({self.number_label.lower()})"

    @property
    def display_title(self) -> str:
        """Title for browser tabs, lists and links: 'Kế hoạch số 237/KH-SGDĐT: Về việc …', 'Công văn số
        3234/BGDĐT-GDCN về việc báo cáo …'."""
        if self.is_letter:
            return f"{self.label} về việc {self.plain_title}"
        return f"{self.label}: {self.plain_title}"

    @property
    def issuer(self) -> str:
        """Issuing body and parent body: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO · UBND THÀNH PHỐ CẦN THƠ'; the issuing body
        alone when the document prints no parent line ('BỘ GIÁO DỤC VÀ ĐÀO TẠO')."""
        if not self.meta.parent_body:
            return self.meta.issuing_body
        return f"{self.meta.issuing_body} · {self.meta.parent_body}"

    @property
    def signer_lines(self) -> list[str]:
        """The lines above the signature, in capitals as Nghị định 30/2020 prints them: ['KT. GIÁM ĐỐC',
        'PHÓ GIÁM ĐỐC'], ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], ['Q. GIÁM ĐỐC']."""
        signer = self.meta.signer
        if signer is None:
            return []
        if signer.authority == "Q.":
            lines = [f"Q. {signer.position}"]
        elif signer.authority:
            lines = [f"{signer.authority} {signer.superior}", *([f"KT. {signer.signs_for}"] if signer.signs_for else []), signer.position]
        else:
            lines = [signer.position]
        return [line.upper() for line in lines]


def citation_text(reference: LegalReference) -> str:
    """A legal basis as cited: 'Hướng dẫn số 194/HD-BTĐKT ngày 05/7/2019 của Ban … về …'."""
    parts = [reference.kind]
    if reference.number:
        parts.append(f"số {reference.number}")
    if reference.date:
        parts.append(f"ngày {text.short_date(reference.date)}")
    if reference.issuer:
        parts.append(f"của {reference.issuer}")
    if reference.title:
        parts.append(reference.title)
    return " ".join(parts)


def load_documents(docs_dir: Path, root: Path, report: Report, memo: FileMemo | None = None) -> list[Document]:
    """Every document under ``docs_dir/van-ban``; problems of reading go to ``report`` (the front matter's
    rules are checks/documents.py's)."""
    documents = []
    for path in markdown_files(docs_dir / DOCUMENTS_DIR):
        loaded = load_markdown_record(path, docs_dir, root, DocumentMeta, report, keys_hint="loai, so_ky_hieu", memo=memo)
        if loaded is None:
            continue
        meta = loaded.record
        _check_body(loaded.body, loaded.body_line, loaded.path, report)
        number_at = Source(loaded.path, loaded.located.key_mark(("so_ky_hieu",)).line)
        documents.append(Document(meta, Source(loaded.path, 1), loaded.src_uri, number_at, loaded.located))
    return documents


def _check_body(body: str, first_line: int, rel: str, report: Report) -> None:
    in_fence = False
    for number, line in enumerate(body.splitlines(), start=first_line):
        if line.startswith("```"):
            in_fence = not in_fence
        if not in_fence and _ROMAN_SECTION.match(line):
            report.warning(rel, number, 1, f"dòng '{line[:40]}' giống đề mục lớn; viết '## {line[:30]}…' để nó thành tiêu đề có mục lục")
        heading = None if in_fence else _HEADING_1.match(line)
        if heading and not docbody.is_appendix_heading(heading.group(1)):
            report.warning(
                rel, number, 1,
                f"đề mục cấp 1 '{line[:40]}' chỉ dùng để mở một phụ lục ('# PHỤ LỤC I'): tên văn bản đã là đề mục"
                f" cấp 1 của trang; viết '#{line[:30]}…'",
            )
