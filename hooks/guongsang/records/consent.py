"""Consent (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Nghị định 356/2025/NĐ-CP, Luật Trẻ em 2016).

A child's name, school, photo or story is published only with the consent of a parent or guardian and,
from age 7, of the child. Anyone may withdraw consent: from that day the record comes down everywhere.
An adult's name, position, unit and titles are public; their photo and personal story need consent.
"""

from __future__ import annotations

from datetime import date

from guongsang.records.models import ConsentParty, ConsentScope, Honoree, SubjectType

CHILD_LAW = "Luật Trẻ em 2016 và Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15"
DATA_LAW = "Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15"


def is_child(honoree: Honoree) -> bool:
    """Students count as children unless the record states they are adults."""
    return honoree.subject is SubjectType.STUDENT and not honoree.adult


def required_parties(honoree: Honoree) -> set[ConsentParty]:
    """Whose consent publishing personal data needs; none for a collective, which has no personal data."""
    if honoree.is_collective:
        return set()
    if not is_child(honoree):
        return {ConsentParty.SELF}
    if honoree.under_seven:
        return {ConsentParty.GUARDIAN}
    return {ConsentParty.GUARDIAN, ConsentParty.SELF}


def withdrawal(honoree: Honoree, today: date) -> date | None:
    """The day consent was withdrawn, if it has been by ``today``."""
    days = [c.withdrawn for c in honoree.consents if c.withdrawn and c.withdrawn <= today]
    return min(days) if days else None


def missing_parties(honoree: Honoree, scope: ConsentScope, today: date) -> set[ConsentParty]:
    """Who still has to consent to publishing ``scope`` (empty when it may be published)."""
    given = {
        c.party for c in honoree.consents
        if scope in c.scopes and c.date <= today and not (c.withdrawn and c.withdrawn <= today)
    }
    return required_parties(honoree) - given


def allows(honoree: Honoree, scope: ConsentScope, today: date) -> bool:
    return not missing_parties(honoree, scope, today)


def is_public(honoree: Honoree, today: date) -> bool:
    """Whether the record appears on the site at all."""
    if not honoree.published or withdrawal(honoree, today):
        return False
    if is_child(honoree):
        return allows(honoree, ConsentScope.NAME, today) and allows(honoree, ConsentScope.SCHOOL, today)
    return True
