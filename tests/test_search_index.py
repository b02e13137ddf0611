"""The search index as the build writes it (output/search.py, searchchunks.py): Pagefind's word index in
chunks of at most CHUNK_BYTES, Vietnamese words included, and every word looked up in the chunk that holds it."""

from __future__ import annotations

import gzip
import itertools
import json
import re
from pathlib import Path

import pytest
from guongsang.output import search, searchchunks

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Hữu", "Đức", "Ngọc", "Thanh", "Quốc", "Gia", "Bảo", "Diệu"]
GIVEN = ["Hà", "Hoa", "Nam", "Khoa", "Long", "Mai", "Lan", "Hùng", "Dũng", "Trang", "Nga", "Tú", "Phúc", "Nguyên", "An", "Bình"]
DEEDS = [
    "hiến máu tình nguyện", "trả lại của rơi", "dạy thêm miễn phí cho học sinh yếu", "giúp học sinh vùng khó đến trường",
    "đổi mới sáng tạo trong quản lý, giảng dạy và học tập", "được đồng nghiệp và học sinh quý mến",
]


def _write_site(site: Path, pages: int) -> None:
    """``pages`` profile-like pages marked for the index, as the theme marks them: a name, a unit, deeds."""
    names = itertools.cycle(itertools.product(SURNAMES, MIDDLE, GIVEN))
    for number in range(pages):
        name = " ".join(next(names))
        deeds = ". ".join(f"{name} {DEEDS[(number + k) % len(DEEDS)]}" for k in range(4))
        page = site / f"guong/trang-{number:04d}/index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<!doctype html><html lang="vi"><head><title>{name}</title></head><body><article data-pagefind-body>'
            f"<h1>{name}</h1><p>Giáo viên · Trường THCS số {number % 40}. Năm học 20{20 + number % 5}-20{21 + number % 5}."
            f" Số {number}/QĐ-SGDĐT ngày {number % 28 + 1}/{number % 12 + 1}/2025.</p>"
            f"<p>{deeds}.</p></article></body></html>",
            encoding="utf-8",
        )


ENGINE_PAGE = (
    '<!doctype html><meta charset="utf-8"><script type="module">const pagefind = await import("/pagefind/pagefind.js");'
    "await pagefind.options({ noWorker: true }); await pagefind.init(); window.pagefind = pagefind;</script>"
)
"""tim.html: Pagefind's engine alone, as the search page starts it, for a test to search with."""


def _index(root: Path, pages: int) -> Path:
    site = root / "site"
    _write_site(site, pages)
    assert search.index_and_scan(site, (), root / "cache") == []
    (site / "tim.html").write_text(ENGINE_PAGE, encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> Path:
    return _index(tmp_path_factory.mktemp("index"), 1500)


@pytest.fixture(scope="module")
def finest(tmp_path_factory) -> Path:
    """The same pages with every chunk Pagefind makes kept apart: every boundary between them is a range end."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(searchchunks, "CHUNK_BYTES", 1)
        return _index(tmp_path_factory.mktemp("finest"), 1500)


def _chunk_sizes(site: Path) -> list[int]:
    return [path.stat().st_size for path in (site / "pagefind/index").glob("*.pf_index")]


def test_chunks_of_vietnamese_words_stay_small(indexed, finest):
    """Pagefind alone writes these pages' accented words into chunks of up to 30 KB, or with its finest
    setting into thousands of tiny ones; here each chunk a search fetches weighs at most CHUNK_BYTES, few
    are left, and the metadata the engine loads names each of them."""
    sizes = _chunk_sizes(indexed)
    assert max(sizes) <= searchchunks.CHUNK_BYTES, sorted(sizes)
    assert 2 < 10 * len(sizes) < len(_chunk_sizes(finest)), sorted(sizes)
    entry = json.loads((indexed / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    meta = indexed / f"pagefind/pagefind.{entry['languages']['vi']['hash']}.pf_meta"
    assert [path.name for path in (indexed / "pagefind").glob("*.pf_meta")] == [meta.name]
    listed = gzip.decompress(meta.read_bytes())
    assert all(path.stem.encode() in listed for path in (indexed / "pagefind/index").iterdir())


def test_the_same_pages_give_the_same_index(indexed, tmp_path):
    """Builds are compared byte for byte: the joined chunks and their names do not vary from run to run."""
    again = _index(tmp_path, 1500)
    files = sorted(p.relative_to(indexed).as_posix() for p in (indexed / "pagefind").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again).as_posix() for p in (again / "pagefind").rglob("*") if p.is_file())
    assert all((indexed / name).read_bytes() == (again / name).read_bytes() for name in files if "/index/" in name or name.endswith(".pf_meta"))


def _words(site: Path) -> list[str]:
    """Every word the indexed pages show, as a reader would type it."""
    words: set[str] = set()
    for fragment in (site / "pagefind/fragment").glob("*.pf_fragment"):
        content = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])["content"]
        words |= {word for word in content.split() if re.search(r"[^\W_]", word)}
    return sorted(words)


def _engine(context, site_base: str):  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.goto(site_base + "tim.html")
    page.wait_for_function("window.pagefind !== undefined")
    return page


@pytest.mark.browser
@pytest.mark.parametrize("bundle", ["indexed", "finest"])
def test_every_word_of_the_pages_finds_them(browser, serve, request, bundle):
    """Every word a reader may copy from an indexed page, 'Nguyễn' or '10/10/2025.', finds a page."""
    site = request.getfixturevalue(bundle)
    page = _engine(browser, serve(site))
    words = _words(site)
    missing = page.evaluate(
        "async (words) => { const missing = []; for (const word of words) {"
        " if (!(await window.pagefind.search(word)).results.length) missing.push(word); } return missing; }",
        words,
    )
    page.close()
    assert len(words) > 100 and missing == []


@pytest.mark.browser
@pytest.mark.parametrize("word", ["10/10/2025", "1/1/2025", "12/12/2025", "974/QĐ-SGDĐT", "khoa", "nguyen"])
def test_a_word_fetches_one_chunk(browser, serve, finest, word):
    """Pagefind looks a word up in the first chunk whose range holds it, and where none does, in every
    chunk that might: its ranges end with the beginning of their last word ('1010' for '10102025'), so
    with its finest chunks a date typed fetched five. Here each range ends after its last word."""
    context = browser.new_context()
    fetched: list[str] = []
    context.on("requestfinished", lambda request: fetched.append(request.url) if request.url.endswith(".pf_index") else None)
    page = _engine(context, serve(finest))
    assert page.evaluate("async (word) => (await window.pagefind.search(word)).results.length", word) > 0
    context.close()
    assert len(fetched) == 1, fetched
