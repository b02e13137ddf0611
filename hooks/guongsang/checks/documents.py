"""Documents: the front matter follows Nghị định 30/2020 (number and type, status, signature block,
recipients, legal bases), no two documents of an issuer share a number in a year, and the campaigns and
issuing unit a document names exist (the unit on the document's date)."""

from __future__ import annotations

import posixpath
import re
import typing
from collections.abc import Callable
from pathlib import Path

from guongsang.checks.context import Checking, hint
from guongsang.checks.units import outside_life
from guongsang.diagnostics import Report
from guongsang.lang import numbers, text
from guongsang.paths import UnsafePath, content_file
from guongsang.records.documents import Document
from guongsang.records.models import (
    AUTHORITY_WORDS,
    CONG_VAN,
    DECISION_TYPES,
    DOCUMENT_TYPES,
    FORMER_ABBREVIATIONS,
    NGHI_DINH_30_START,
    Authority,
    DocumentMeta,
    DocumentStatus,
    document_type,
)

_SUBJECT_PREFIX = re.compile(r"^\s*v\s*/\s*v\b[\s.:]*", re.IGNORECASE)
_AUTHORITIES = typing.get_args(Authority)
_AUTHORITY_PREFIX = re.compile(rf"^\s*({'|'.join(AUTHORITY_WORDS)})\s*\.\s*", re.IGNORECASE)
"""An authority written into a title ('KT. GIÁM ĐỐC'), with or without its dot."""
_SIGNS_FOR_SOMEONE = tuple(a for a in _AUTHORITIES if a != "Q.")
"""Q. (acting head) signs in the head's own right; the others sign for someone above."""


def check_documents(run: Checking) -> None:
    for document in run.documents:
        _check_meta(document, run.docs_dir, run.report)
    _check_duplicates(run.documents, run.report)
    _check_references(run)


def _check_references(run: Checking) -> None:
    """A document's campaigns, and its issuing unit, which must exist on the document's date."""
    for document in run.documents:
        meta = document.meta
        for i, campaign in enumerate(meta.campaigns):
            if campaign not in run.data.campaigns:
                run.document_error(document, ("phong_trao", i), f"không có phong trào mã '{campaign}' trong data/phong-trao/{hint(campaign, run.data.campaigns)}")
        unit_id = meta.issuing_unit
        if not unit_id or unit_id in run.data.invalid_ids:
            continue
        if unit_id not in run.data.units:
            run.document_error(document, ("don_vi_ban_hanh",), f"không có đơn vị mã '{unit_id}' trong data/don-vi/{hint(unit_id, run.data.units)}")
            continue
        issued = meta.date
        what = f"văn bản ban hành {'ngày' if issued.is_complete else 'tháng' if issued.month else 'năm'} {issued}"
        problem = outside_life(run, unit_id, issued.earliest, issued.latest, what)
        if problem:
            run.document_error(document, ("don_vi_ban_hanh",), problem)


def _check_meta(document: Document, docs_dir: Path, report: Report) -> None:
    """The front matter's rules of Nghị định 30/2020: type and number, status, signature, recipients, legal bases, signed copy."""
    meta, located, rel, src_uri = document.meta, document.located, document.source.path, document.src_uri

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


def _check_duplicates(documents: list[Document], report: Report) -> None:
    """One number per document of an issuer and year."""
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
