"""The importer over real documents of other offices: per-field accuracy, and the corpus itself."""

from __future__ import annotations

from collections import Counter

import yaml
from corpus_accuracy import CORPUS, FIELDS, copies, measure, overall, table

LEVELS = {"bo", "ubnd_tinh", "so", "phong", "truong"}


def _metas() -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(CORPUS.glob("*.yaml"))]


def test_every_corpus_document_says_where_it_comes_from_and_what_it_means() -> None:
    for path in sorted(CORPUS.glob("*.yaml")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert meta["nguon"].startswith(("http://", "https://")), path.name
        assert path.with_suffix(".txt").is_file(), f"{path.name}: thiếu bản .txt như tìm thấy"
        expected = set(meta["ky_vong"])
        wanted = {key for key in FIELDS if key not in ("tham_quyen", "chuc_vu")} | {"ky"}
        assert wanted <= expected, f"{path.name}: thiếu {sorted(wanted - expected)}"


def test_the_corpus_spans_the_levels_types_and_file_kinds_the_importer_must_read() -> None:
    metas = _metas()
    assert len(metas) >= 30
    levels = Counter(meta["cap"] for meta in metas)
    assert LEVELS <= set(levels), f"thiếu cấp {sorted(LEVELS - set(levels))}"
    assert len({meta["ky_vong"]["loai"] for meta in metas}) >= 8
    kinds = Counter(path.suffix for path, _ in copies())
    assert kinds[".docx"] >= 3 and kinds[".pdf"] >= 3, kinds


def test_at_least_95_percent_of_header_fields_are_read_right_across_the_corpus() -> None:
    counts, misses = measure()
    report = table(counts) + "\n" + "\n".join(f"{m.copy} {m.field}: cần {m.expected!r}, được {m.found!r}" for m in misses)
    assert overall(counts) >= 0.95, report
