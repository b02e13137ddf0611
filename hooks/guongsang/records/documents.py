"""Administrative documents: Markdown files whose front matter follows Nghị định 30/2020/NĐ-CP."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from guongsang import urls
from guongsang.diagnostics import Report
from guongsang.lang import numbers, text
from guongsang.paths import UnsafePath, content_file
from guongsang.records import docbody
from guongsang.records.mdrecords import load_markdown_record, markdown_files
from guongsang.records.models import (
    CONG_VAN,
    DECISION_TYPES,
    DOCUMENT_TYPES,
    FORMER_ABBREVIATIONS,
    NGHI_DINH_30_START,
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
_SUBJECT_PREFIX = re.compile(r"^\s*v\s*/\s*v\b[\s.:]*", re.IGNORECASE)
_AUTHORITY_PREFIX = re.compile(r"^\s*(TM|KT|TL|TUQ|Q)\s*\.\s*", re.IGNORECASE)
_SIGNS_FOR_SOMEONE = ("TM.", "KT.", "TL.", "TUQ.")
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


def load_documents(docs_dir: Path, root: Path, report: Report) -> list[Document]:
    """Every document under ``docs_dir/van-ban``; problems go to ``report``."""
    documents = []
    for path in markdown_files(docs_dir / DOCUMENTS_DIR):
        loaded = load_markdown_record(path, docs_dir, root, DocumentMeta, report, keys_hint="loai, so_ky_hieu")
        if loaded is None:
            continue
        meta = loaded.record
        _check_meta(meta, loaded.located, loaded.path, docs_dir, loaded.src_uri, report)
        _check_body(loaded.body, loaded.body_line, loaded.path, report)
        number_at = Source(loaded.path, loaded.located.key_mark(("so_ky_hieu",)).line)
        documents.append(Document(meta, Source(loaded.path, 1), loaded.src_uri, number_at, loaded.located))
    _check_duplicates(documents, report)
    return documents


def _check_meta(meta: DocumentMeta, located: Located, rel: str, docs_dir: Path, src_uri: str, report: Report) -> None:
    def error(field: tuple[str | int, ...], message: str, *, at_key: bool = False) -> None:
        mark = located.key_mark(field) if at_key else located.mark(field)
        report.error(rel, mark.line, mark.col, message)

    def warning(field: tuple[str | int, ...], message: str) -> None:
        mark = located.mark(field)
        report.warning(rel, mark.line, mark.col, message)

    kind = document_type(meta.doc_type)
    if kind is None:
        known = ", ".join(DOCUMENT_TYPES)
        error(("loai",), f"trường 'loai' (Loại văn bản): '{meta.doc_type}' không phải loại văn bản theo Nghị định 30/2020; dùng một trong: {known}")
    elif kind == CONG_VAN and _SUBJECT_PREFIX.match(meta.title):
        error(("trich_yeu",), f"trường 'trich_yeu' (Trích yếu): công văn ghi nội dung sau 'V/v' mà không ghi 'V/v' (trang tự in 'V/v'); viết '{_SUBJECT_PREFIX.sub('', meta.title)}'")
    if meta.enacting_authority and kind and kind not in DECISION_TYPES:
        error(("tham_quyen_ban_hanh",), f"trường 'tham_quyen_ban_hanh' (Thẩm quyền ban hành) chỉ có ở quyết định và nghị quyết, không ở {meta.doc_type.upper()}; xóa dòng này")
    status = meta.status
    published = status in (DocumentStatus.PUBLISHED, DocumentStatus.SUPERSEDED)
    incomplete = status is DocumentStatus.ISSUED_INCOMPLETE
    incomplete_hint = f"nếu văn bản đã ban hành mà bản bạn có không ghi số hoặc ngày, đặt 'trang_thai: {DocumentStatus.ISSUED_INCOMPLETE.value}'"
    lost_hint = f"nếu văn bản đã ban hành mà bản bạn có mất phần này, đặt 'trang_thai: {DocumentStatus.ISSUED_INCOMPLETE.value}'"
    number = meta.number
    if number:
        parts = numbers.parse(number)
        if parts is None:
            error(("so_ky_hieu",), f"trường 'so_ky_hieu' (Số, ký hiệu): '{number}' không đúng dạng số/ký hiệu, ví dụ '{numbers.EXAMPLE}' (dự thảo: '/KH-SGDĐT')")
        else:
            expected = DOCUMENT_TYPES.get(kind) if kind else None
            found = numbers.type_abbreviation(number)
            former = FORMER_ABBREVIATIONS.get(kind or "", "")
            if expected and found.upper() == former.upper():
                # Thông tư 01/2011/TT-BNV's abbreviation: right before 5/3/2020, a habit after it; the number stays as printed.
                if meta.date.earliest >= NGHI_DINH_30_START:
                    warning(("so_ky_hieu",), f"trường 'so_ky_hieu' (Số, ký hiệu): '{found}' là chữ viết tắt của {kind} theo Thông tư 01/2011/TT-BNV; từ ngày 05/3/2020 Nghị định 30/2020 dùng '{expected}'; nếu văn bản in đúng '{number}' thì giữ nguyên")
            elif expected and found.upper() != expected.upper():
                error(("so_ky_hieu",), f"trường 'so_ky_hieu' (Số, ký hiệu): ký hiệu '{found}' không khớp loại {kind}; văn bản loại này dùng '{expected}', ví dụ '237/{expected}-SGDĐT'")
            if published and not parts.group("number"):
                error(("so_ky_hieu",), f"trường 'so_ky_hieu' (Số, ký hiệu): văn bản đã ban hành phải có số, ví dụ '{numbers.EXAMPLE}'; nếu chưa có số thì đặt 'trang_thai: du_thao'; {incomplete_hint}")
            if status is DocumentStatus.DRAFT and parts.group("number"):
                error(("so_ky_hieu",), f"trường 'so_ky_hieu' (Số, ký hiệu): dự thảo chưa có số, nhưng gặp '{number}'; để trống số ('/{parts.group('symbol')}') hoặc, nếu văn bản đã được cấp số, đặt 'trang_thai: ban_hanh'")
            if status is DocumentStatus.ISSUED_INCOMPLETE and not parts.group("number"):
                error(("so_ky_hieu",), f"trường 'so_ky_hieu' (Số, ký hiệu): '{number}' là số để trống của dự thảo; văn bản đã ban hành mà bản bạn có không ghi số thì xóa dòng 'so_ky_hieu', trang sẽ ghi số không rõ")
    elif published:
        error(("so_ky_hieu",), f"thiếu số, ký hiệu: văn bản đã ban hành phải có 'so_ky_hieu', ví dụ '{numbers.EXAMPLE}'; nếu chưa có số thì đặt 'trang_thai: du_thao'; {incomplete_hint}")
    if published and not meta.date.is_complete:
        error(("ngay_ban_hanh",), f"trường 'ngay_ban_hanh' (Ngày ban hành): văn bản đã ban hành cần đủ ngày, tháng, năm, nhưng chỉ có '{meta.date}'; chỉ dự thảo mới được để trống ngày; {incomplete_hint}")
    whole = numbers.has_number(number) and meta.date.is_complete and meta.recipients and meta.signer is not None
    if incomplete and whole:
        error(("trang_thai",), f"trường 'trang_thai': '{status.value}' dành cho bản thiếu số, ngày, nơi nhận hoặc người ký, nhưng văn bản này có đủ số '{number}', ngày {meta.date}, nơi nhận và người ký; đặt 'trang_thai: ban_hanh'")

    for index, milestone in enumerate(meta.yearly):
        if milestone.last_year < milestone.first_year:
            error(("hang_nam", index, "den_nam"), f"mốc hằng năm thứ {index + 1}: 'den_nam' ({milestone.last_year}) đứng trước 'tu_nam' ({milestone.first_year})")

    if meta.signer is not None:
        _check_signer(meta, error)
        if published and not meta.signer.name:
            error(("nguoi_ky",), "thiếu 'nguoi_ky.ho_ten': văn bản đã ban hành phải ghi họ tên người ký", at_key=True)
    elif published:
        error(("loai",), f"thiếu 'nguoi_ky' (Người ký): ghi 'chuc_vu' và 'ho_ten', ví dụ 'nguoi_ky: {{chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A}}'; {lost_hint}", at_key=True)

    if not meta.recipients:
        if published:  # a draft, or an issued text whose copy lost them, may lack them
            error(("loai",), f"thiếu 'noi_nhan' (Nơi nhận): cần ít nhất một dòng, dòng cuối là 'Lưu: VT, …'; {lost_hint}", at_key=True)
    elif not meta.recipients[-1].startswith("Lưu"):
        last = len(meta.recipients) - 1
        error(("noi_nhan", last), f"trường 'noi_nhan' (Nơi nhận): dòng cuối phải bắt đầu bằng 'Lưu' (ví dụ 'Lưu: VT, VP.'), nhưng gặp '{meta.recipients[-1]}'")

    for index, reference in enumerate(meta.legal_bases):
        field = ("can_cu", index)
        if not reference.number and not reference.title:
            error(field, f"căn cứ thứ {index + 1} cần 'so_ky_hieu' hoặc 'trich_yeu' để người đọc tìm được văn bản")
        if reference.number and not numbers.is_reference_number(reference.number):
            error((*field, "so_ky_hieu"), f"căn cứ thứ {index + 1}: số, ký hiệu '{reference.number}' không đúng dạng, ví dụ '194/HD-BTĐKT', '98/2023/NĐ-CP' hoặc '34-CT/TW'")
        issued = meta.date.as_date()
        if reference.date and issued and reference.date > issued:
            warning((*field, "ngay"), f"căn cứ thứ {index + 1} ban hành ngày {text.short_date(reference.date)}, sau chính văn bản này ({meta.date}); kiểm tra lại ngày")

    if meta.signed_pdf:
        try:
            pdf = content_file(docs_dir, posixpath.join(posixpath.dirname(src_uri), meta.signed_pdf))
        except UnsafePath as exc:
            error(("ban_ky_so",), f"trường 'ban_ky_so': '{meta.signed_pdf}': {exc}")
            return
        if not meta.signed_pdf.lower().endswith(".pdf"):
            error(("ban_ky_so",), f"trường 'ban_ky_so': '{meta.signed_pdf}' phải là tệp .pdf")
        elif not pdf.is_file():
            error(("ban_ky_so",), f"trường 'ban_ky_so': không thấy tệp '{meta.signed_pdf}' (đường dẫn tính từ thư mục của văn bản này)")


def _check_signer(meta: DocumentMeta, error: Callable[..., None]) -> None:
    """The signature block's rules (Nghị định 30/2020, Điều 13)."""
    signer = meta.signer
    for key, value in (("cap_tren", signer.superior), ("ky_thay", signer.signs_for), ("chuc_vu", signer.position)):
        prefix = _AUTHORITY_PREFIX.match(value or "")
        if prefix:
            error(("nguoi_ky", key), f"trường 'nguoi_ky.{key}': '{value}' bắt đầu bằng '{prefix.group(1)}'; thẩm quyền ký ghi ở 'tham_quyen' (dòng 'KT.' dưới TM., TL., TUQ. ghi ở 'ky_thay'), ở đây chỉ ghi '{value[prefix.end():]}'")
            return
    if signer.authority in _SIGNS_FOR_SOMEONE and not signer.superior:
        error(("nguoi_ky", "tham_quyen"), f"trường 'nguoi_ky.cap_tren': ký '{signer.authority}' cần ghi chức vụ hoặc tập thể được ký thay, ví dụ 'cap_tren: GIÁM ĐỐC' (dòng '{signer.authority} GIÁM ĐỐC')")
    if signer.superior and signer.authority not in _SIGNS_FOR_SOMEONE:
        error(("nguoi_ky", "cap_tren"), "trường 'nguoi_ky.cap_tren' chỉ dùng khi ký TM., KT., TL. hoặc TUQ.; hãy ghi 'tham_quyen' hoặc xóa 'cap_tren'")
    if signer.authority == "KT." and signer.superior and _same_title(signer.position, signer.superior):
        error(("nguoi_ky", "chuc_vu"), f"trường 'nguoi_ky.chuc_vu': ký thay (KT.) là cấp phó ký thay cấp trưởng; 'chuc_vu' là chức vụ của người ký (ví dụ PHÓ GIÁM ĐỐC, THỨ TRƯỞNG), khác 'cap_tren', nhưng cả hai đều là '{signer.position}'")
    if signer.signs_for and signer.authority not in ("TM.", "TL.", "TUQ."):
        fix = "với 'tham_quyen: KT.' chức vụ được ký thay ghi ở 'cap_tren'; xóa 'ky_thay'" if signer.authority == "KT." else "xóa 'ky_thay' hoặc ghi 'tham_quyen'"
        error(("nguoi_ky", "ky_thay"), f"trường 'nguoi_ky.ky_thay' chỉ dùng cho dòng 'KT.' dưới dòng TM., TL. hoặc TUQ. (ví dụ TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH); {fix}")
    elif signer.signs_for and _same_title(signer.position, signer.signs_for):
        error(("nguoi_ky", "chuc_vu"), f"trường 'nguoi_ky.chuc_vu': người ký thay (dòng 'KT. {signer.signs_for.upper()}') là cấp phó; 'chuc_vu' ghi chức vụ của người ký (ví dụ PHÓ CHỦ TỊCH), khác 'ky_thay'")


def _same_title(one: str, other: str) -> bool:
    return " ".join(text.fold(one).split()) == " ".join(text.fold(other).split())


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


def _check_duplicates(documents: list[Document], report: Report) -> None:
    seen: dict[tuple[str, str, int], Document] = {}
    for document in documents:
        key = document.number_key
        if key is None:
            continue
        identity = (text.fold(document.issuer), key, document.meta.date.year)
        if identity in seen:
            first = seen[identity]
            report.error(
                document.number_at.path, document.number_at.line, 1,
                f"trùng số, ký hiệu '{document.meta.number}' năm {document.meta.date.year} của cùng cơ quan"
                f" (đã khai báo ở {first.number_at}); mỗi văn bản một số",
            )
        else:
            seen[identity] = document
