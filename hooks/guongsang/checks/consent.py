"""Consent, as the editor is told about it: a public child's record without the consents the law asks, a
photo or a story no one consented to, sensitive data without consent, a withdrawal. Who must consent,
and what is public, is the law in records/consent.py, which the site applies too."""

from __future__ import annotations

from guongsang.checks.context import Checking
from guongsang.lang.text import short_date
from guongsang.records import consent
from guongsang.records.dataset import Entry
from guongsang.records.models import ConsentParty, ConsentScope, Honoree
from guongsang.records.yamlsrc import Mark

_PARTY_WORDS = {ConsentParty.GUARDIAN: "cha, mẹ hoặc người giám hộ", ConsentParty.SELF: "chính người đó"}
_SCOPE_WORDS = {ConsentScope.NAME: "tên", ConsentScope.SCHOOL: "trường, lớp", ConsentScope.PHOTO: "ảnh", ConsentScope.STORY: "câu chuyện"}


def _who(parties: set[ConsentParty], *, child: bool = False) -> str:
    words = {**_PARTY_WORDS, ConsentParty.SELF: "chính em học sinh (từ đủ 7 tuổi)"} if child else _PARTY_WORDS
    return " và ".join(words[p] for p in sorted(parties, key=lambda p: p.value, reverse=True))


def check_honoree_consent(run: Checking, entry: Entry[Honoree]) -> None:
    honoree, today = entry.record, run.today
    withdrawn = consent.withdrawal(honoree, today)
    if withdrawn:
        run.warning(entry, ("dong_y",), f"đã rút lại đồng ý ngày {short_date(withdrawn)}: hồ sơ, ảnh và câu chuyện về người này được gỡ khỏi trang ({consent.DATA_LAW})")
        return
    if not honoree.published:
        return
    if consent.is_child(honoree):
        scopes = [s for s in (ConsentScope.NAME, ConsentScope.SCHOOL) if consent.missing_parties(honoree, s, today)]
        if scopes:
            missing = set().union(*(consent.missing_parties(honoree, s, today) for s in scopes))
            what = " và ".join(_SCOPE_WORDS[s] for s in scopes)
            run.error(
                entry, ("cong_khai",),
                f"hồ sơ học sinh công khai cần sự đồng ý của {_who(missing, child=True)} cho công khai {what}"
                f" theo {consent.CHILD_LAW}; thêm mục 'dong_y' (nguoi, ngay, pham_vi) hoặc đặt 'cong_khai: false'",
            )
    if honoree.photo and not consent.allows(honoree, ConsentScope.PHOTO, today):
        missing = consent.missing_parties(honoree, ConsentScope.PHOTO, today)
        run.warning(entry, ("anh",), f"ảnh chưa có sự đồng ý của {_who(missing, child=consent.is_child(honoree))} (pham_vi: anh) nên không được đăng; hồ sơ vẫn được đăng ({consent.DATA_LAW})")
    for key, value, scope in (("dan_toc", honoree.ethnicity, ConsentScope.ETHNICITY), ("ton_giao", honoree.religion, ConsentScope.RELIGION), ("dang_vien", honoree.party_member, ConsentScope.PARTY)):
        if value is not None and not consent.allows(honoree, scope, today):
            run.error(entry, (key,), f"'{key}' là dữ liệu cá nhân nhạy cảm, chỉ ghi khi người đó đồng ý công khai (pham_vi: {scope.value}) theo {consent.DATA_LAW}; thêm sự đồng ý hoặc xóa dòng này")


def check_story_consent(run: Checking, path: str, mark: Mark, entry: Entry[Honoree]) -> None:
    """A story at ``path`` names the honoree at ``mark``: they consented to it and did not withdraw."""
    honoree = entry.record
    if consent.withdrawal(honoree, run.today):
        run.report.warning(path, mark.line, mark.col, f"'{honoree.id}' đã rút lại đồng ý: câu chuyện này được gỡ khỏi trang ({consent.DATA_LAW})")
    elif not consent.allows(honoree, ConsentScope.STORY, run.today):
        missing = consent.missing_parties(honoree, ConsentScope.STORY, run.today)
        law = consent.CHILD_LAW if consent.is_child(honoree) else consent.DATA_LAW
        run.report.error(
            path, mark.line, mark.col,
            f"câu chuyện kể về '{honoree.id}' cần sự đồng ý của {_who(missing, child=consent.is_child(honoree))} (pham_vi: cau_chuyen) theo {law};"
            f" thêm vào 'dong_y' của {entry.where}",
        )
