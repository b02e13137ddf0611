"""QR codes made by segno with the data mask chosen here, byte for byte the code ``segno.make`` makes.

segno scores the eight data masks (ISO/IEC 18004:2015 7.8.3, penalties N1–N4) module by module in Python,
three quarters of the time of a code; here all eight are scored at once with numpy, each module a byte
whose bit k is its colour under mask k. The rules are segno 1.6.6's, including its reading of N3 (only the
dark-led 1:1:3:1:1 pattern, light beyond the edge, and a counted pattern hides the ones overlapping it),
so the lowest total, first on ties, is segno's choice. The steps are those of segno's ``encoder._encode``,
in its order, with the bits put where its ``add_codewords`` puts them (learnt once per version): calling
``segno.make(url, mask=...)`` instead would encode twice, 2x faster instead of 4x. tests/test_qrmask.py
compares the SVG with segno's for hundreds of addresses, and fails first if a segno upgrade changes this.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import segno
from segno import consts, encoder

_FINDER_LIKE = (1, 0, 1, 1, 1, 0, 1)
_BITS = (np.arange(256)[:, None] >> np.arange(8)) & 1
"""Bit k of each byte value, to count per mask."""


def make(url: str) -> segno.QRCode:
    """The code of ``segno.make(url, error="m", micro=False)``."""
    error = consts.ERROR_LEVEL_M
    segments = encoder.prepare_data(url, None, None)
    version = encoder.find_version(segments, error, eci=False, micro=False)
    error = encoder.boost_error_level(version, error, segments, eci=False)
    buff = encoder.Buffer()
    for segment in segments:
        encoder.write_segment(buff, segment, None, encoder.version_range(version))
    capacity = consts.SYMBOL_CAPACITY[version][error]
    encoder.write_terminator(buff, capacity, None, len(buff))
    encoder.write_padding_bits(buff, version, len(buff))
    encoder.write_pad_codewords(buff, version, capacity, len(buff))
    bits = encoder.make_final_message(version, error, buff).getbits()
    patterns, data, order = _layout(version)
    matrix = patterns.copy()
    matrix.ravel()[order] = np.frombuffer(bits, dtype=np.uint8)
    masked = masked_all(matrix, data)
    mask = int(np.argmin(penalties(masked).sum(axis=1)))
    final = tuple(map(bytearray, (masked >> mask) & 1))
    encoder.add_format_info(final, version, error, mask)
    encoder.add_version_info(final, version)
    return segno.QRCode(encoder.Code(final, version, error, mask, segments))


@lru_cache(maxsize=None)
def _layout(version: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A version's function patterns (format and version areas light), its data modules, and the data
    modules in the order segno places the bits."""
    size = encoder.calc_matrix_size(version)
    rows = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(rows, size, size)
    encoder.add_alignment_patterns(rows, size, size)
    patterns = np.array(rows, dtype=np.uint8)
    data = patterns == 2  # segno's mark of a module not set yet
    # segno places a numbered bit stream; numbers from 3 on never look like a free module
    numbered = [list(row) for row in rows]
    encoder.add_codewords(numbered, range(3, int(data.sum()) + 3), version)
    order = np.empty(int(data.sum()), dtype=np.intp)
    order[np.array(numbered)[data] - 3] = np.flatnonzero(data)
    return patterns, data, order


@lru_cache(maxsize=None)
def _mask_bits(size: int) -> np.ndarray:
    """Bit k of each module: whether mask k (ISO/IEC 18004:2015 Table 10) flips it."""
    i, j = np.indices((size, size))
    flips = (
        (i + j) % 2 == 0,
        i % 2 == 0,
        j % 3 == 0,
        (i + j) % 3 == 0,
        (i // 2 + j // 3) % 2 == 0,
        (i * j) % 2 + (i * j) % 3 == 0,
        ((i * j) % 2 + (i * j) % 3) % 2 == 0,
        ((i + j) % 2 + (i * j) % 3) % 2 == 0,
    )
    return sum(flip.astype(np.uint8) << k for k, flip in enumerate(flips)).astype(np.uint8)


def masked_all(matrix: np.ndarray, data: np.ndarray) -> np.ndarray:
    """The unmasked ``matrix`` (0/1) under each mask: bit k of a module is its colour under mask k."""
    return (matrix.astype(np.uint8) * 0xFF) ^ (_mask_bits(len(matrix)) & (data * np.uint8(0xFF)))


def penalties(masked: np.ndarray) -> np.ndarray:
    """Penalties N1, N2, N3, N4 (columns) under each of the eight masks (rows), as segno's mask_scores."""
    size = len(masked)
    lines = np.concatenate((masked, masked.T))  # rows, then columns
    same = ~(lines[:, 1:] ^ lines[:, :-1])
    five = same[:, :-3] & same[:, 1:-2] & same[:, 2:-1] & same[:, 3:]
    first_five = five.copy()
    first_five[:, 1:] &= ~five[:, :-1]
    n1 = _count(five) + 2 * _count(first_five)  # a run of 5 + i scores 3 + i
    corner = masked[1:, 1:]
    n2 = 3 * _count(~(corner ^ masked[:-1, 1:]) & ~(corner ^ masked[1:, :-1]) & ~(corner ^ masked[:-1, :-1]))
    starts = size - 6
    found = np.full((2 * size, starts), 0xFF, dtype=np.uint8)
    for k, dark in enumerate(_FINDER_LIKE):
        found &= lines[:, k : k + starts] if dark else ~lines[:, k : k + starts]
    padded = np.zeros((2 * size, size + 8), dtype=np.uint8)  # light beyond the edges
    padded[:, 4:-4] = lines
    dark_in_four = padded[:, :-3] | padded[:, 1:-2] | padded[:, 2:-1] | padded[:, 3:]
    counts = found & ~(dark_in_four[:, :starts] & dark_in_four[:, 11 : starts + 11])  # light before or after
    # segno's search goes on 7 modules past a counted pattern, so one starting 4 or 6 further (the only
    # overlaps) is not seen, and then hides none: repeat until nothing changes
    seen = found
    while True:
        hides = seen & counts
        hidden = np.zeros_like(hides)
        hidden[:, 4:] |= hides[:, :-4]
        hidden[:, 6:] |= hides[:, :-6]
        now_seen = found & ~hidden
        if np.array_equal(now_seen, seen):
            break
        seen = now_seen
    n3 = 40 * _count(seen & counts)
    n4 = [10 * int(abs(dark / size**2 * 100 - 50) / 5) for dark in _count(masked).tolist()]
    return np.stack((n1, n2, n3, np.array(n4)), axis=1)


def _count(bits: np.ndarray) -> np.ndarray:
    """How many bytes of ``bits`` have bit k set, for each mask k."""
    return np.bincount(bits.ravel(), minlength=256) @ _BITS
