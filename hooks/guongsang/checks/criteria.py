"""Criteria sets: their source document resolves and no criterion id is used twice; a criterion an
honoree met names a set and an item of it, meant for the honoree and for a campaign they take part in."""

from __future__ import annotations

from collections import defaultdict

from guongsang.checks.context import Checking
from guongsang.records.dataset import Entry
from guongsang.records.models import Honoree


def check_criteria_sets(run: Checking) -> None:
    for entry in run.data.criteria_sets.values():
        criteria = entry.record
        if criteria.source_document:
            run.exists(entry, ("van_ban_nguon",), criteria.source_document, run.document_ids, "văn bản", "content/van-ban/")
        first_at: dict[str, int] = {}
        for i, item in enumerate(criteria.items):
            if item.id in first_at:
                line = entry.mark("tieu_chi", first_at[item.id]).line
                run.error(entry, ("tieu_chi", i, "ma"), f"trùng mã tiêu chí '{item.id}' trong bộ (đã khai báo ở dòng {line})")
            else:
                first_at[item.id] = i


def owners(run: Checking) -> dict[str, set[str]]:
    """Per criteria set, the campaigns that use it."""
    found: dict[str, set[str]] = defaultdict(set)
    for campaign in run.data.campaigns.values():
        for criteria_set in campaign.record.criteria_sets:
            found[criteria_set].add(campaign.record.id)
    return found


def check_criterion_met(run: Checking, entry: Entry[Honoree], index: int, owners: dict[str, set[str]]) -> None:
    """The honoree's ``tieu_chi_dat`` at ``index``; ``owners`` as ``owners(run)`` gives them."""
    field_path = ("tieu_chi_dat", index)
    honoree = entry.record
    reference = honoree.criteria_met[index]
    set_id, slash, item_id = reference.partition("/")
    if not slash or not item_id:
        run.error(entry, field_path, f"tiêu chí '{reference}' cần viết dạng 'mã-bộ-tiêu-chí/mã-tiêu-chí'")
        return
    if not run.exists(entry, field_path, set_id, run.data.criteria_sets, "bộ tiêu chí", "data/tieu-chi/"):
        return
    criteria = run.data.criteria_sets[set_id].record
    if not run.exists(entry, field_path, item_id, [item.id for item in criteria.items], "tiêu chí", f"bộ '{set_id}'"):
        return
    if honoree.subject not in criteria.subjects:
        allowed = ", ".join(s.label.lower() for s in criteria.subjects)
        run.error(entry, field_path, f"bộ tiêu chí '{set_id}' áp dụng cho {allowed}, không áp dụng cho {honoree.subject.label.lower()}")
        return
    used_by = owners.get(set_id, set())
    campaigns = set(honoree.campaigns) | {a.campaign for a in honoree.awards if a.campaign}
    if used_by and not used_by & campaigns:
        names = ", ".join(f"'{c}'" for c in sorted(used_by))
        run.error(entry, field_path, f"bộ tiêu chí '{set_id}' thuộc phong trào {names}; thêm phong trào đó vào 'phong_trao' của hồ sơ hoặc chọn bộ tiêu chí của phong trào hồ sơ tham gia")
