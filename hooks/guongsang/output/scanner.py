"""The last guard: every build scans what it wrote for personal data that must never be published.

Whatever the records say, a citizen-ID-like number, a Vietnamese phone number, an e-mail address not on
the allow list, or a full date of birth anywhere in the output fails the build, naming the file. The scan
reads what a reader, a screen reader or a robot reads: page text (inline SVG charts included), attribute
values (alt, title, aria-label, meta content, links, data-*), JSON (decoded), CSV, feeds, calendars, and
the search index Pagefind writes. What counts as personal data is lang/personaldata.py's matching, the
one the check of editors' files uses too: this module reads the built files as a reader does.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Collection, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from guongsang.lang import personaldata

_SKIP_DIRS = {"pagefind", "admin"}
"""The search index, which Pagefind writes while the scan runs (``scan_search_index`` reads it after),
and the web editor: code from npm whose licence notices name their authors' addresses, and forms made
from the models; no record's data is written there (the build refuses editors' files under
content/admin/)."""

_NOT_TEXT_ATTRIBUTES = (
    "class", "id", "style", "d", "points", "viewBox", "transform", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy",
    "r", "rx", "ry", "dx", "dy", "width", "height", "fill", "stroke", "stroke-width", "stroke-dasharray",
    "text-anchor", "integrity", "nonce", "xmlns", "for", "headers", "aria-labelledby", "aria-describedby",
    "aria-controls",
)
"""Attribute values that are not text for anyone (names, styles, drawing geometry, hashes, references to
ids): SVG paths are runs of numbers that look like anything."""


_JSON_SCRIPT = re.compile(r"<script\b[^>]*\btype=[\"']?application/ld\+json\b[^>]*>(.*?)</script\s*>", re.S | re.I)
_CODE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_TAG = re.compile(r"<[^>]+>")
_INLINE_TAG = re.compile(
    r"</?(?:abbr|b|bdi|bdo|big|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup"
    r"|time|tt|u|var|wbr)\b[^>]*>"
)
"""Tags a browser shows nothing for, in a line of text: "0912<b></b>345678" reads 0912345678."""
_CLUES = "\\d@\\[({%&\uff20\ufe6b"
"""A value without any of these (a digit, an at sign, a bracket of "[at]", an escape) holds nothing to find."""


def _attribute_pattern(quote: str) -> re.Pattern[str]:
    """Values (in ``quote``) that may hold a number or an address, except those of ``_NOT_TEXT_ATTRIBUTES``.
    After the ``="`` the search skips to: a value without a clue is passed over first (most are), then one
    negative lookbehind per length of the names left out."""
    by_length: dict[int, list[str]] = {}
    for name in _NOT_TEXT_ATTRIBUTES:
        by_length.setdefault(len(name), []).append(re.escape(name))
    excluded = "".join(f"(?<!\\s(?:{'|'.join(names)})={quote})" for names in by_length.values())
    return re.compile(f"={quote}(?=[^{quote}{_CLUES}]*+[{_CLUES}]){excluded}([^{quote}]*+){quote}")


_DOUBLE_QUOTED = _attribute_pattern('"')
_SINGLE_QUOTED = _attribute_pattern("'")
_PLUS_BETWEEN_DIGITS = re.compile(r"(?<=\d)\+(?=\d)")


_CALENDAR_TEXT = (
    "SUMMARY", "DESCRIPTION", "LOCATION", "URL", "CONTACT", "COMMENT", "ORGANIZER", "ATTENDEE", "CATEGORIES",
    "RESOURCES", "X-WR-CALNAME", "X-WR-CALDESC", "NAME",
)
_PAGEFIND_SIGNATURE = b"pagefind_dcd"


@dataclass(frozen=True)
class Finding:
    page: str
    what: str
    excerpt: str

    def __str__(self) -> str:
        return (
            f"{self.page}: lỗi: trang có {self.what} ('{self.excerpt}'); dữ liệu cá nhân không được công khai"
            " (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): sửa tệp nguồn rồi dựng lại"
        )


def _html_text(source: str) -> str:
    """What a reader, a screen reader or a robot gets from an HTML (or SVG) page: its text (titles and
    labels of inline drawings included), the attribute values that can hold text or addresses (decoded
    as a browser does), and JSON scripts (structured data) decoded; not script code or styles. Text
    blocks are kept apart by personaldata.BREAK."""
    structured = [_json_source_text(body) for body in _JSON_SCRIPT.findall(source)] if "ld+json" in source else []
    source = _CODE.sub(" ", source)
    if "<!--" in source:
        source = _COMMENT.sub(r" \1 ", source)
    values = _DOUBLE_QUOTED.findall(source)
    if "='" in source:
        values += _SINGLE_QUOTED.findall(source)
    attributes = html.unescape(personaldata.APART.join(values))
    if "%" in attributes:
        attributes = unquote(attributes)
    if "+" in attributes:
        attributes = _PLUS_BETWEEN_DIGITS.sub(" ", attributes)
    text = html.unescape(_TAG.sub(personaldata.BREAK, _INLINE_TAG.sub("", source)))
    return personaldata.APART.join([text, attributes, *structured])


def calendar_text(source: str) -> str:
    """What a calendar shows of an iCalendar file: its text properties with their parameters (a
    participant's name), unfolded and unescaped; not the UIDs, which look like e-mail addresses."""
    unfolded = re.sub(r"\r?\n[ \t]", "", source)
    values = [
        line[len(name):] for line in unfolded.splitlines()
        if (name := re.split(r"[;:]", line, maxsplit=1)[0]).upper() in _CALENDAR_TEXT
    ]
    text = personaldata.APART.join(values)
    return text.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


def _json_text(data: object) -> str:
    """Every key and every string or number of decoded JSON, one "key: value" a line (so an escape such
    as ``\\u0040`` hides nothing, and a "ngay_sinh" key is read with its value)."""
    lines = []
    stack: list[tuple[str, object]] = [("", data)]
    while stack:
        key, value = stack.pop()
        if isinstance(value, str):
            lines.append(f"{key}: {value}")
        elif isinstance(value, dict):
            lines.append(key)  # a key can be data too
            stack.extend(value.items())
        elif isinstance(value, list):
            stack.extend((key, item) for item in value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            lines.append(f"{key}: {value}")
    text = personaldata.APART.join(reversed(lines))
    return html.unescape(text) if "&" in text else text


def _feed_text(source: str) -> str:
    """An Atom, RSS or other XML file: its content is escaped HTML inside XML, read once unescaped."""
    return _html_text(html.unescape(source))


def _json_source_text(source: str) -> str:
    try:
        return _json_text(json.loads(source.lstrip("\ufeff")))
    except ValueError:  # not JSON after all: read as text
        return source


_READERS: dict[str, Callable[[str], str]] = {
    ".html": _html_text, ".htm": _html_text, ".svg": _html_text,
    ".xml": _feed_text, ".atom": _feed_text, ".rss": _feed_text,
    ".json": _json_source_text, ".webmanifest": _json_source_text, ".geojson": _json_source_text,
    ".csv": personaldata.csv_text, ".tsv": personaldata.csv_text, ".txt": str, ".ics": calendar_text,
}
"""How each kind of file in the output is read, by suffix; other files (scripts, styles, fonts, images)
are not text for a reader."""


def scan(site_dir: Path, allowed: Collection[str], clean_cache: Path | None = None) -> list[Finding]:
    """Every hit in the built site, file by file (the search index apart: ``scan_search_index``).

    ``clean_cache`` names a file that remembers the contents found clean (by hash, with the rules that
    judged them): a file whose bytes did not change since is not read again as text. It is rewritten
    with the contents found clean in this scan only, so that it does not grow with every build.
    """
    return _scan_files(site_dir, _scanned_files(site_dir), _file_text, allowed, clean_cache, keep_known=False)


def scan_files(
    site_dir: Path, paths: Iterable[Path], allowed: Collection[str], clean_cache: Path | None = None
) -> list[Finding]:
    """Every hit in some files of the built site (those a rebuild wrote), as ``scan`` finds them in the
    whole site: ``paths`` in ``site_dir`` (or relative to it) of the kinds a reader reads, out of the
    folders ``scan`` skips; others are passed over. ``clean_cache`` as for ``scan``, but what it
    remembers of the other files is kept."""
    chosen = {site_dir / path for path in paths}
    readable = [
        path for path in chosen
        if path.suffix.lower() in _READERS and path.relative_to(site_dir).parts[0] not in _SKIP_DIRS
    ]
    return _scan_files(site_dir, sorted(readable), _file_text, allowed, clean_cache, keep_known=True)


def scan_search_index(
    site_dir: Path, allowed: Collection[str] = frozenset(), clean_cache: Path | None = None
) -> list[Finding]:
    """Every hit in the page fragments of Pagefind's index, once Pagefind has finished: what its search
    box shows (site/pagefind/fragment/*.pf_fragment, gzip of ``pagefind_dcd`` then JSON with the page's
    url, content, meta, filters and anchors). ``clean_cache`` as for ``scan``, in a file of its own."""
    fragments = sorted((site_dir / "pagefind" / "fragment").glob("*.pf_fragment"))
    return _scan_files(site_dir, fragments, _fragment_text, allowed, clean_cache, keep_known=False)


_CHUNK_FILES = 200
"""Files per task handed to a worker process; a scan of fewer than two chunks stays in the calling
process (it is over before workers would have started), as does any scan on a single core."""


@dataclass(frozen=True)
class _Reading:
    """How the files of one scan are read, in any process: each worker gets it once."""

    site_dir: Path
    read: Callable[[Path, bytes], tuple[str, str]]
    allowed: frozenset[str]
    known_clean: frozenset[str]

    def files(self, paths: list[Path]) -> tuple[list[Finding], list[str]]:
        """The findings in ``paths``, in their order, and the hashes of the contents found clean."""
        findings: list[Finding] = []
        clean = []
        for path in paths:
            content = path.read_bytes()
            digest = hashlib.blake2b(content, digest_size=16).hexdigest()
            if digest in self.known_clean:
                clean.append(digest)
                continue
            readable, source = self.read(path, content)
            found = personaldata.findings_in(readable, self.allowed)
            if found:
                page = path.relative_to(self.site_dir).as_posix() + source
                findings += [Finding(page, what, excerpt) for what, excerpt in found]
            else:
                clean.append(digest)
        return findings, clean


_worker_reading: _Reading | None = None
"""In a worker process, the scan it reads files for."""


def _start_worker(reading: _Reading) -> None:
    global _worker_reading
    _worker_reading = reading


def _read_in_worker(paths: list[Path]) -> tuple[list[Finding], list[str]]:
    assert _worker_reading is not None
    return _worker_reading.files(paths)


def _scan_files(
    site_dir: Path,
    paths: list[Path],
    read: Callable[[Path, bytes], tuple[str, str]],
    allowed_values: Collection[str],
    clean_cache: Path | None,
    keep_known: bool,
) -> list[Finding]:
    """The findings in ``paths``, in their order: chunks of them read by worker processes, one a core
    (the regular expressions hold the GIL: threads would take turns)."""
    allowed = personaldata.allowed_keys(allowed_values)
    rules = _rules_fingerprint(allowed)
    known = _read_clean(clean_cache, rules)
    reading = _Reading(site_dir, read, allowed, known)
    workers = min(len(paths) // _CHUNK_FILES, os.cpu_count() or 1)
    if workers < 2:
        results = [reading.files(paths)]
    else:
        chunks = [paths[start:start + _CHUNK_FILES] for start in range(0, len(paths), _CHUNK_FILES)]
        with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(reading,)) as pool:
            results = list(pool.map(_read_in_worker, chunks))
    if clean_cache is not None:
        clean = {digest for _, found_clean in results for digest in found_clean}
        if keep_known:
            clean |= known
        clean_cache.parent.mkdir(parents=True, exist_ok=True)
        clean_cache.write_text("\n".join([rules, *sorted(clean)]) + "\n", encoding="utf-8")
    return [finding for findings, _ in results for finding in findings]


def _file_text(path: Path, content: bytes) -> tuple[str, str]:
    return _READERS[path.suffix.lower()](content.decode("utf-8", errors="replace")), ""


def _fragment_text(path: Path, content: bytes) -> tuple[str, str]:
    """A fragment's text and, to name it, the page it was made from. Not in the format (another
    Pagefind version): its bytes are still read, as text."""
    try:
        content = gzip.decompress(content)
    except (OSError, EOFError):
        pass
    source = content.removeprefix(_PAGEFIND_SIGNATURE).decode("utf-8", errors="replace")
    try:
        data = json.loads(source)
    except ValueError:
        return source, ""
    url = data.get("url") if isinstance(data, dict) else None
    return _json_text(data), f" ({url})" if isinstance(url, str) else ""


def _scanned_files(site_dir: Path) -> list[Path]:
    """The files a reader can read, in path order; the folders of ``_SKIP_DIRS`` are not even walked."""
    paths = []
    for folder, dirs, files in os.walk(site_dir):
        if folder == str(site_dir):
            dirs[:] = [d for d in dirs if d not in _SKIP_DIRS]
        paths += [Path(folder, name) for name in files if os.path.splitext(name)[1].lower() in _READERS]
    return sorted(paths)


def _rules_fingerprint(allowed: Collection[str]) -> str:
    """Changes when anything in this module (the text extraction) or in the matching (a pattern), the Python that
    runs it (its Unicode database, its HTML entities), or the allowed addresses and phones change."""
    rules = [Path(module).read_text(encoding="utf-8") for module in (__file__, personaldata.__file__)]
    rules += [sys.version, unicodedata.unidata_version, sorted(allowed)]
    return hashlib.blake2b(json.dumps(rules).encode(), digest_size=16).hexdigest()


def _read_clean(clean_cache: Path | None, rules: str) -> frozenset[str]:
    if clean_cache is None or not clean_cache.is_file():
        return frozenset()
    lines = clean_cache.read_text(encoding="utf-8").split()
    return frozenset(lines[1:]) if lines and lines[0] == rules else frozenset()
