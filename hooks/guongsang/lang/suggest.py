"""Did-you-mean: the known id or key that a mistyped one plausibly meant, or nothing.

Ids share long prefixes ('thpt-…', 'nguyen-van-…'), so a similarity ratio finds some known id for almost
anything; a suggestion here must be a mistake an editor makes: a slip of the keyboard, the words of a
name in another order, or a word added or left out at either end.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from guongsang.lang.text import slugify

_Form = tuple[str, tuple[str, ...]]


def suggest(typed: str, known: Iterable[str]) -> str | None:
    """The value of ``known`` that ``typed`` most plausibly meant, or None when none is a plausible mistake.

    Values are compared without accents, case or separators ('họ_tên' finds 'ho_ten'). Plausible, best first:

    1. the same letters;
    2. a typo: one edit in a value under 10 characters, two from 10, and no more than one in any word (two
       in a word of 10 or more); an edit is a letter added, dropped or changed, or two neighbours swapped
       ('nguyen-vna-an'); 'ho-an' is not a typo of 'le-an', nor 'thpt-le-loi' of 'thcs-le-loi';
    3. the same words in another order ('an-nguyen-van' for 'nguyen-van-an');
    4. words added or left out at either end, no more words nor letters than those kept
       ('nguyen-van-an' for 'nguyen-van-an-thpt-a', 'tac_gia_bai' for 'tac_gia'; not 'pt-2024' for 'pt').

    Among equally close values the first in alphabetical order wins.
    """
    form = _form(typed)
    if not form[0]:
        return None
    ranked = ((closeness, value) for value in known if (closeness := _closeness(form, _form(value))) is not None)
    best = min(ranked, default=None)
    return best[1] if best else None


@lru_cache(maxsize=65536)  # every unknown reference folds the same known ids again
def _form(value: str) -> _Form:
    slug = slugify(value)
    return slug, tuple(slug.split("-")) if slug else ()


def _closeness(typed: _Form, known: _Form) -> tuple[int, int] | None:
    """(kind of mistake, its size) as ranked in :func:`suggest`, or None when ``known`` is not plausible."""
    (a, a_words), (b, b_words) = typed, known
    if a == b:
        return (0, 0)
    budget = _budget(len(a))
    distance = _distance(a, b, budget)
    if distance <= budget and _words_close(a_words, b_words):
        return (1, distance)
    if len(a_words) > 1 and sorted(a_words) == sorted(b_words):
        return (2, 0)
    if _extends(a_words, b_words) or _extends(b_words, a_words):
        return (3, abs(len(a) - len(b)))
    return None


def _budget(length: int) -> int:
    """How many edits a value of ``length`` characters may hold and still be a typo: grows slowly."""
    return 0 if length < 3 else 1 if length < 10 else 2


def _words_close(a_words: tuple[str, ...], b_words: tuple[str, ...]) -> bool:
    """No word rewritten: 'ho-an-thpt-a' is not a typo of 'le-an-thpt-a', though two edits apart."""
    if len(a_words) != len(b_words):
        return True  # a separator added or dropped ('coso' for 'co-so'): the whole-value budget decides
    for a, b in zip(a_words, b_words):
        limit = max(1, _budget(max(len(a), len(b))))
        if _distance(a, b, limit) > limit:
            return False
    return True


def _extends(shorter: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    """Whether ``longer`` is ``shorter`` with words added at one end, no more words nor letters than kept."""
    kept = len(shorter)
    if not kept or len(longer) <= kept or len(longer) - kept > kept:
        return False
    letters = sum(map(len, shorter))
    if sum(map(len, longer)) - letters > letters:
        return False
    return longer[:kept] == shorter or longer[-kept:] == shorter


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance of ``a`` and ``b`` (letters added, dropped, changed, neighbours
    swapped), or ``limit + 1`` when it is greater than ``limit``.

    Equal letters are passed over and only the few edits within the limit are tried: with a limit of
    two, comparing a value with thousands of known ids stays fast.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    same = 0
    while same < len(a) and same < len(b) and a[same] == b[same]:
        same += 1
    a, b = a[same:], b[same:]
    if not a or not b:
        return max(len(a), len(b))
    if limit == 0:
        return 1
    fewest = min(_distance(a[1:], b[1:], limit - 1), _distance(a[1:], b, limit - 1), _distance(a, b[1:], limit - 1))
    if a[1:2] == b[0] and b[1:2] == a[0]:
        fewest = min(fewest, _distance(a[2:], b[2:], limit - 1))
    return min(fewest + 1, limit + 1)
