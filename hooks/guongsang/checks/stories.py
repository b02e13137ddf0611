"""Stories: their picture is an image of content/, and each honoree they name exists and consented."""

from __future__ import annotations

from guongsang.checks.consent import check_story_consent
from guongsang.checks.context import Checking, hint
from guongsang.checks.images import check_image


def check_stories(run: Checking) -> None:
    honorees = run.data.honorees
    for story in run.stories:
        if story.meta.image:
            check_image(run.docs_dir, story.meta.image.file, story.path, story.located.mark(("anh", "tep")), run.report)
        for i, honoree_id in enumerate(story.meta.honorees):
            mark = story.located.mark(("guong", i))
            entry = honorees.get(honoree_id)
            if entry is not None:
                check_story_consent(run, story.path, mark, entry)
            elif honoree_id not in run.data.invalid_ids:
                run.report.error(story.path, mark.line, mark.col, f"không có hồ sơ mã '{honoree_id}' trong data/guong/{hint(honoree_id, honorees)}")
