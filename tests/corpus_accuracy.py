"""Per-field accuracy of the document importer over the corpus of real documents (tests/corpus/van-ban/).

Each SLUG.yaml holds the header fields as the document means them; every copy of the document that
exists (SLUG.txt as found on the web, SLUG.docx and SLUG.pdf built from it) is imported and compared.
Run `python tests/corpus_accuracy.py` for the table and the misses.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

CORPUS = Path(__file__).parent / "corpus" / "van-ban"
SUFFIXES = (".txt", ".md", ".docx", ".pdf")
AUTHORITIES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")

FIELDS = {
    "co_quan_chu_quan": "Cơ quan chủ quản",
    "co_quan_ban_hanh": "Cơ quan ban hành",
    "so_ky_hieu": "Số, ký hiệu",
    "dia_danh": "Địa danh",
    "ngay_ban_hanh": "Ngày ban hành",
    "loai": "Loại văn bản",
    "trich_yeu": "Trích yếu",
    "so_can_cu": "Số căn cứ",
    "tham_quyen": "Thẩm quyền ký",
    "chuc_vu": "Chức vụ người ký",
    "nguoi_ky": "Họ tên người ký",
}


@dataclass(frozen=True)
class Miss:
    copy: str
    field: str
    expected: object
    found: object


def _norm(value: object) -> object:
    if value is None or value == [] or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_norm(item) for item in value]
    written = re.sub(r"\s+", " ", str(value)).strip()
    return written.replace("\u00d0", "Đ")


def _signature_fields(lines: list[str]) -> dict[str, object]:
    """The authority lines ('TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH') and the position under them."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in lines or []]
    authority = [line for line in lines if re.match(r"^(?:TM|KT|TL|TUQ)\s*\.", line)]
    rest = [line for line in lines if line not in authority]
    quyen = [line for line in rest if re.match(r"^Q\s*\.", line)]
    return {"tham_quyen": " / ".join(authority + quyen) or None, "chuc_vu": " ".join(line for line in rest if line not in quyen) or None}


def expected_fields(meta: dict) -> dict[str, object]:
    want = dict(meta["ky_vong"])
    fields = {key: want.get(key) for key in FIELDS if key not in ("tham_quyen", "chuc_vu")}
    fields.update(_signature_fields(want.get("ky") or []))
    return fields


def found_fields(path: Path) -> dict[str, object]:
    from guongsang.office import formats, planimport, plansource

    try:
        imported = planimport.parse(formats.read_plan(path))
    except plansource.PlanFileError as exc:
        return {"lỗi": str(exc)}
    parts = imported.parts
    fields = {
        "co_quan_chu_quan": parts.parent_body,
        "co_quan_ban_hanh": parts.issuing_body,
        "so_ky_hieu": parts.number,
        "dia_danh": parts.place,
        "ngay_ban_hanh": parts.issued,
        "loai": parts.doc_type,
        "trich_yeu": parts.title,
        "so_can_cu": len(parts.bases),
        "nguoi_ky": parts.signer_name,
    }
    fields.update(_signature_fields(parts.signature))
    return fields


def copies() -> list[tuple[Path, dict]]:
    found = []
    for meta_path in sorted(CORPUS.glob("*.yaml")):
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        for suffix in SUFFIXES:
            copy = meta_path.with_suffix(suffix)
            if copy.is_file():
                found.append((copy, meta))
    return found


def measure() -> tuple[dict[str, tuple[int, int]], list[Miss]]:
    """Right and total per field, and every miss."""
    counts = {key: [0, 0] for key in FIELDS}
    misses: list[Miss] = []
    for path, meta in copies():
        want, got = expected_fields(meta), found_fields(path)
        for key in FIELDS:
            counts[key][1] += 1
            expected, found = _norm(want.get(key)), _norm(got.get(key))
            if key == "so_can_cu":
                expected, found = int(expected or 0), int(found or 0)
            if expected == found:
                counts[key][0] += 1
            else:
                misses.append(Miss(path.name, key, expected, got.get("lỗi") or found))
    return {key: (right, total) for key, (right, total) in counts.items()}, misses


def table(counts: dict[str, tuple[int, int]]) -> str:
    rows = ["| Trường | Đúng | Tổng | % |", "|---|---:|---:|---:|"]
    for key, (right, total) in counts.items():
        rows.append(f"| {FIELDS[key]} (`{key}`) | {right} | {total} | {100 * right / max(total, 1):.1f} |")
    right = sum(r for r, _ in counts.values())
    total = sum(t for _, t in counts.values())
    rows.append(f"| **Tất cả** | {right} | {total} | {100 * right / max(total, 1):.1f} |")
    return "\n".join(rows)


def overall(counts: dict[str, tuple[int, int]]) -> float:
    return sum(r for r, _ in counts.values()) / max(sum(t for _, t in counts.values()), 1)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parents[1] / "hooks"))
    counts, misses = measure()
    print(f"{len(copies())} bản của {len(list(CORPUS.glob('*.yaml')))} văn bản\n")
    print(table(counts))
    for miss in misses:
        print(f"- {miss.copy} {miss.field}: cần {miss.expected!r}, được {miss.found!r}")
