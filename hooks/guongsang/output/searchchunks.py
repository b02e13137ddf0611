"""Pagefind's word index in chunks of a few tens of KB, Vietnamese words included.

A search fetches one index chunk per word. Pagefind closes a chunk once it holds 20,000 word
locations, but counts only those of words written without diacritics: nearly every Vietnamese word has
them ('nguyễn', 'văn'), so on a site of 10,000 profiles one chunk ran from 'un' to 'đua' and weighed
270 KB. Pagefind is therefore asked for its finest chunks (``FINEST``), and consecutive ones are joined
here, their bytes as Pagefind wrote them, up to ``CHUNK_BYTES``; the bundle's metadata then lists the
joined chunks.

Pagefind looks a word up in the first chunk whose range holds it, and where none does, in every chunk
that might. It ends a range with the beginning of its last word ('1010' for '10102025', a date typed),
so such a word fetched several chunks; here a range ends after its last word. The files are Pagefind's
own (gzip of a signature, then CBOR), a layout it does not document: its version is checked.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from guongsang.output.context import OutputError

PAGEFIND_VERSION = "1.5.2"
"""The Pagefind whose index layout this module reads: a meta file [version, pages, chunks [from, to,
name], filters, sorts, meta fields], and chunks [[word entry…]]."""
FINEST = {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": "1"}
"""Pagefind's own setting (an environment variable, marked unstable) for its chunk size in locations: at
1 it closes a chunk at each word written somewhere without diacritics ('minh', '2025'), so that its
chunks hold a few words each."""
CHUNK_BYTES = 20_000
"""Consecutive chunks are joined while their files weigh at most this much together (one heavier alone
stays as it is): about what Pagefind's 20,000 locations weigh for words without diacritics (its chunks
of numbers)."""
_SIGNATURE = b"pagefind_dcd"
_ARRAY, _TEXT = 4, 3
_AFTER_ALL = "\U0010ffff"
"""The last character of Unicode: 'ng' + it sorts after every word that begins with 'ng'."""


@dataclass(frozen=True)
class IndexChunk:
    """A chunk as the bundle's metadata lists it: the range of words a search looks up in it, its file."""

    start: str
    end: str
    name: str


def join_chunks(bundle: Path) -> None:
    """Join the finest chunks of every language of the Pagefind bundle at ``bundle``."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    if entry.get("version") != PAGEFIND_VERSION:
        raise OutputError(
            f"chỉ mục tìm kiếm do Pagefind {entry.get('version')} ghi, nhưng bước gộp chỉ mục chỉ đọc được "
            f"định dạng của Pagefind {PAGEFIND_VERSION} (hooks/guongsang/output/searchchunks.py)"
        )
    for language, about in entry["languages"].items():
        about["hash"] = _join_language(bundle, language, about["hash"])
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _join_language(bundle: Path, language: str, meta_hash: str) -> str:
    """Rewrite one language's chunks and metadata; returns the new metadata's name."""
    meta_file = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = _items(_read(meta_file))
    finest = [IndexChunk(*(_text(field) for field in _items(listed))) for listed in _items(meta[2])]
    index = bundle / "index"
    groups = _groups(finest, [(index / f"{chunk.name}.pf_index").stat().st_size for chunk in finest])
    names = {chunk.name for chunk in finest}
    joined = []
    for number, group in enumerate(groups):
        following = groups[number + 1][0].start if number + 1 < len(groups) else None
        name = _join(index, group, f"{language}_", names)
        joined.append(IndexChunk(group[0].start, _range_end(group[-1].end, following), name))
    meta[2] = _array([_array([_text_item(c.start), _text_item(c.end), _text_item(c.name)]) for c in joined])
    body = _array(meta)
    new_hash = _unique_name(f"{language}_", body, 10, set())
    meta_file.unlink()
    _write(bundle / f"pagefind.{new_hash}.pf_meta", body)
    return new_hash


def _join(index: Path, group: list[IndexChunk], prefix: str, names: set[str]) -> str:
    """The file of a group of chunks, named as Pagefind names them; a chunk alone keeps its own."""
    if len(group) == 1:
        return group[0].name
    count, entries = 0, []
    for chunk in group:
        path = index / f"{chunk.name}.pf_index"
        held, words = _words(_read(path))
        count += held
        entries.append(words)
        path.unlink()
    body = _encoded_head(_ARRAY, 1) + _encoded_head(_ARRAY, count) + b"".join(entries)
    name = _unique_name(prefix, body, 7, names)
    _write(index / f"{name}.pf_index", body)
    return name


def _groups(finest: list[IndexChunk], sizes: list[int]) -> list[list[IndexChunk]]:
    """Consecutive chunks, as many in a group as weigh at most ``CHUNK_BYTES`` together (a chunk heavier
    than that alone: one word found on most pages)."""
    groups: list[list[IndexChunk]] = [[]]
    weight = 0
    for chunk, size in zip(finest, sizes):
        if groups[-1] and weight + size > CHUNK_BYTES:
            groups.append([])
            weight = 0
        groups[-1].append(chunk)
        weight += size
    return groups


def _range_end(end: str, following: str | None) -> str:
    """Where a range must end to hold its last word, given Pagefind's end (the beginning of that word
    one character past what it shares with the next chunk's first word) and the next range's start (the
    beginning of that first word as long). Pagefind's end is the whole last word when that word begins
    the next one, or when the range is the last."""
    if following is None or following.startswith(end):
        return end
    return end + _AFTER_ALL


def _words(chunk: bytes) -> tuple[int, bytes]:
    """How many word entries a chunk file holds, and their bytes: it is [[entry, entry…]]."""
    outer, count, at = _head(chunk, 0)
    inner, words, at = _head(chunk, at)
    if (outer, count, inner) != (_ARRAY, 1, _ARRAY):
        raise OutputError("chỉ mục tìm kiếm của Pagefind không đúng dạng (một tệp từ cần là [[từ…]])")
    return words, chunk[at:]


def _unique_name(prefix: str, body: bytes, length: int, taken: set[str]) -> str:
    digest = hashlib.sha256(body).hexdigest()
    while (name := prefix + digest[:length]) in taken:
        length += 1
    taken.add(name)
    return name


def _read(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise OutputError(f"tệp chỉ mục tìm kiếm không đúng dạng của Pagefind: {path.name}")
    return data[len(_SIGNATURE):]


def _write(path: Path, body: bytes) -> None:
    """Gzip as Pagefind writes it, at zlib's usual level (level 9 takes seconds more on a site of 10,000
    profiles, for 1% less), with no time in the header: the same index gives the same bytes."""
    path.write_bytes(gzip.compress(_SIGNATURE + body, 6, mtime=0))


# The little of CBOR (RFC 8949) that Pagefind's index uses: items are kept as their bytes; only arrays
# are opened and only texts read.


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """Major type, argument and where the content starts, of the item at ``at``."""
    major, info = data[at] >> 5, data[at] & 31
    if info < 24:
        return major, info, at + 1
    if info > 27:
        raise OutputError("chỉ mục tìm kiếm của Pagefind có một mục CBOR không độ dài, không đọc được")
    size = 1 << (info - 24)
    return major, int.from_bytes(data[at + 1 : at + 1 + size], "big"), at + 1 + size


def _end(data: bytes, at: int) -> int:
    """Where the item at ``at`` ends."""
    pending = 1
    while pending:
        pending -= 1
        major, argument, at = _head(data, at)
        if major in (2, _TEXT):
            at += argument
        elif major == _ARRAY:
            pending += argument
        elif major == 5:
            pending += 2 * argument
        elif major == 6:
            pending += 1
    return at


def _items(data: bytes) -> list[bytes]:
    """The items of the array ``data`` holds, each as its bytes."""
    major, count, at = _head(data, 0)
    if major != _ARRAY:
        raise OutputError("chỉ mục tìm kiếm của Pagefind không đúng dạng (cần một mảng CBOR)")
    items = []
    for _ in range(count):
        end = _end(data, at)
        items.append(data[at:end])
        at = end
    return items


def _text(item: bytes) -> str:
    major, length, at = _head(item, 0)
    if major != _TEXT:
        raise OutputError("chỉ mục tìm kiếm của Pagefind không đúng dạng (cần một chuỗi CBOR)")
    return item[at : at + length].decode("utf-8")


def _encoded_head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    size = next(size for size in (1, 2, 4, 8) if argument < 1 << (8 * size))
    return bytes([major << 5 | (24 + size.bit_length() - 1)]) + argument.to_bytes(size, "big")


def _array(items: list[bytes]) -> bytes:
    return _encoded_head(_ARRAY, len(items)) + b"".join(items)


def _text_item(text: str) -> bytes:
    encoded = text.encode("utf-8")
    return _encoded_head(_TEXT, len(encoded)) + encoded

