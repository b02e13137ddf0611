"""The QR codes drawn with qrmask's mask choice are segno's own, byte for byte."""

import random
from urllib.parse import quote

import numpy as np
import segno
from guongsang.output import qrmask
from segno import encoder

SVG = {"scale": 4, "border": 2, "dark": "#000", "light": "#fff", "omitsize": True}
NAMES = ["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Phúc", "Phạm Thị Thu Hương", "Đặng Quốc Bảo", "Võ Minh Trí"]
HOSTS = ["http://127.0.0.1:8000", "https://gddt.example.gov.vn", "https://sogddt.cantho.gov.vn/thi-dua"]


def addresses(count: int) -> list[str]:
    """The site's shapes of address, short to long (percent-encoded Vietnamese), so many versions."""
    rnd = random.Random(18)
    found = []
    for n in range(count):
        host = rnd.choice(HOSTS)
        shape = n % 5
        if shape in (0, 1):
            found.append(f"{host}/guong/gv-{rnd.randrange(100000):05d}/")
        elif shape == 2:
            found.append(f"{host}/guong/{quote(rnd.choice(NAMES).lower().replace(' ', '-'))}-{n}/")
        elif shape == 3:
            words = " ".join(rnd.choice(NAMES) for _ in range(rnd.randrange(1, 14)))
            found.append(f"{host}/nguoi-tot-viec-tot/{quote(words)}/")
        else:
            found.append(f"{host}/van-ban/?q={'kh-' * rnd.randrange(0, 120)}".upper() if n % 2 else f"{host}/{n}")
    return found


def test_codes_are_segnos_byte_for_byte():
    versions, masks = set(), set()
    for url in addresses(300):
        ours, segnos = qrmask.make(url), segno.make(url, error="m", micro=False)
        assert ours.svg_inline(**SVG) == segnos.svg_inline(**SVG), url
        versions.add(segnos.version)
        masks.add(segnos.mask)
    assert masks == set(range(8))
    assert len(versions) >= 10 and max(versions) >= 10  # one alignment pattern to six, version info blocks


def segno_scores(matrix: np.ndarray, data: np.ndarray) -> list[tuple[int, int, int, int]]:
    size = len(matrix)
    scores = []
    for mask in encoder.get_data_mask_functions(is_micro=False):
        rows = tuple(bytearray(row) for row in matrix)
        encoder.apply_mask(rows, mask, size, size, lambda i, j: data[i, j])
        scores.append(encoder.mask_scores(rows, size, size))
    return scores


def ours(matrix: np.ndarray, data: np.ndarray) -> list[tuple[int, ...]]:
    return [tuple(row) for row in qrmask.penalties(qrmask.masked_all(matrix, data)).tolist()]


def test_penalties_are_segnos_mask_scores():
    """Random modules, and runs of 1:1:3:1:1 patterns overlapping as 10111011101 (segno counts one)."""
    rnd = random.Random(7)
    pieces = ["1011101", "10111011101", "1011101011101", "0000", "00001011101", "11111", "1", "0"]
    for size in (21, 25, 33, 45, 57, 21, 29, 37):
        runs = ["".join(rnd.choice(pieces) for _ in range(size))[:size] for _ in range(size)]
        matrix = np.array([[int(c) for c in run] for run in runs], dtype=np.uint8)
        data = np.array([[rnd.random() < 0.8 for _ in range(size)] for _ in range(size)])
        assert ours(matrix, data) == segno_scores(matrix, data)


def test_a_counted_pattern_hides_the_one_overlapping_it():
    matrix = np.zeros((21, 21), dtype=np.uint8)
    matrix[0, :11] = [1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1]
    data = np.zeros((21, 21), dtype=bool)
    assert ours(matrix, data)[0][2] == segno_scores(matrix, data)[0][2] == 40
