"""New records from a few answers: the file an editor would have written, in the project's layout.

Each function returns the file's path (from the project root) and its text; scripts/new.py asks for the
values and `write_new` writes the file and loads the project to prove it valid before keeping it (plan
import keeps its files the same way).
"""

from __future__ import annotations

import sys
from datetime import date

import yaml

from guongsang.diagnostics import Severity
from guongsang.lang import numbers
from guongsang.lang.text import slugify
from guongsang.project import ProjectPaths, load_project


def _yaml(values: dict[str, object]) -> str:
    kept = {key: value for key, value in values.items() if value not in (None, "", [])}
    return yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=100)


def _data_file(folder: str, schema: str, values: dict[str, object]) -> tuple[str, str]:
    record_id = str(values["ma"])
    header = f"# yaml-language-server: $schema=../schemas/{schema}.schema.json\n"
    return f"data/{folder}/{record_id}.yaml", header + _yaml(values)


def honoree(
    subject: str, unit: str, *, family: str = "", middle: str = "", given: str = "", collective: str = "", position: str = ""
) -> tuple[str, str]:
    """A person (family, middle, given name) or a collective (its name, or the unit's); not yet published."""
    name = collective if subject == "tap_the" else " ".join(part for part in (family, middle, given) if part)
    record_id = slugify(f"{name} {unit}")  # the unit's id in it keeps namesakes apart
    values: dict[str, object] = {"ma": record_id, "doi_tuong": subject}
    if subject == "tap_the":
        values["ten_tap_the"] = collective
    else:
        values.update(ho=family, ten_dem=middle, ten=given)
    values.update(don_vi=unit, chuc_vu=position)
    path, text = _data_file("guong", "guong", values)
    return path, text + "khen_thuong: []\ncong_khai: false  # đổi thành true khi hồ sơ đã đủ thông tin và sự đồng ý\n"


def campaign(record_id: str, name: str, form: str, start: date, end: date, subjects: list[str]) -> tuple[str, str]:
    return _data_file("phong-trao", "phong-trao", {
        "ma": record_id, "ten": name, "hinh_thuc": form, "tu_ngay": start, "den_ngay": end, "doi_tuong": subjects,
    })


def story(title: str, day: date, author: str, honorees: list[str]) -> tuple[str, str]:
    front = _yaml({"tieu_de": title, "ngay": day, "tac_gia": author, "guong": honorees})
    return f"content/cau-chuyen/{slugify(title)}.md", f"---\n{front}---\n\nViết câu chuyện ở đây.\n"


def document(doc_type: str, parent_body: str, issuing_body: str, number: str, place: str, year: int, title: str, position: str) -> tuple[str, str]:
    """A draft: its day and signer's name stay blank until it is signed."""
    front = _yaml({
        "loai": doc_type, "co_quan_chu_quan": parent_body, "co_quan_ban_hanh": issuing_body, "so_ky_hieu": number,
        "dia_danh": place, "ngay_ban_hanh": year, "trich_yeu": title, "nguoi_ky": {"chuc_vu": position},
        "noi_nhan": ["Như trên;", "Lưu: VT."], "trang_thai": "du_thao",
    })
    return document_path(year, number, title), f"---\n{front}---\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nNội dung văn bản.\n"


def document_path(year: int, number: str, title: str) -> str:
    """'content/van-ban/2020-237-kh-sgddt.md'; a draft without a number is named by its title's first words,
    so that two drafts of one year do not share a name."""
    named_by = number if numbers.has_number(number) else " ".join(title.split()[:8])
    return f"content/van-ban/{slugify(f'{year} {named_by}')}.md"


def write_new(paths: ProjectPaths, path: str, text: str, *, taken: str, fix: str) -> int:
    """Write a new file and keep it only if the project still loads without error; print what the check found.

    Never overwrites: an existing file is left as it is, with ``taken`` as the advice. ``fix`` closes the
    message when the file is refused. Returns the exit code (0 kept, 1 refused, 2 taken).
    """
    target = paths.root / path
    if target.exists():
        print(f"lỗi: đã có tệp {path}; {taken}", file=sys.stderr)
        return 2
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    problems = [d for d in load_project(paths).report.diagnostics if d.path == path]
    if any(d.severity is Severity.ERROR for d in problems):
        target.unlink()
        print("\n".join(str(d) for d in problems), file=sys.stderr)
        print(f"lỗi: chưa tạo {path}; {fix}", file=sys.stderr)
        return 1
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"Đã tạo {path}", file=sys.stderr)
    return 0
