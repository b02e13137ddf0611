"""Images: published only as resized, re-encoded copies with no metadata (EXIF, GPS).

The original file an editor adds is never copied to the site: it may carry the camera's GPS position,
serial number and time. Each published size is cached by the content hash of the original.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image, ImageOps

from guongsang.paths import content_file

MAX_IMAGE_BYTES = 8_000_000
MAX_PIXELS = 40_000_000
EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")
PHOTO_WIDTHS = (128, 320)
"""A profile photo is shown at 160 px and on cards at 64 px: these sizes cover both at 2× density."""
STORY_WIDTHS = (480, 960, 1600)


@dataclass(frozen=True)
class Variant:
    width: int
    url: str
    """Relative to the site root."""
    source: Path
    """The cached file."""


def variant_url(file: str, width: int) -> str:
    path = PurePosixPath(file)
    return str(path.with_name(f"{path.stem}-{width}w.jpg"))


def variants(docs_dir: Path, file: str, widths: tuple[int, ...], cache_dir: Path) -> list[Variant]:
    """The published sizes of one image, made (or taken from the cache) now."""
    source = content_file(docs_dir, file)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:32]
    result = []
    with Image.open(source) as opened:
        image = ImageOps.exif_transpose(opened).convert("RGB")
    for width in widths:
        cached = cache_dir / "images" / f"{digest}-{width}.jpg"
        if not cached.is_file():
            copy = image.copy()
            copy.thumbnail((width, width * 4))
            cached.parent.mkdir(parents=True, exist_ok=True)
            temporary = cached.with_suffix(f".{os.getpid()}.tmp")
            copy.save(temporary, "JPEG", quality=82, optimize=True, progressive=True)  # no exif= : metadata dropped
            temporary.replace(cached)
        result.append(Variant(width, variant_url(file, width), cached))
    return result


def stripped(docs_dir: Path, file: str, cache_dir: Path) -> Path:
    """Any other image of content/: re-encoded in its own format with no metadata, at most 1600 px wide."""
    source = content_file(docs_dir, file)
    suffix = source.suffix.lower()
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:32]
    cached = cache_dir / "images" / f"{digest}-plain{suffix}"
    if not cached.is_file():
        with Image.open(source) as opened:
            image = ImageOps.exif_transpose(opened)
            image.thumbnail((1600, 6400))
            cached.parent.mkdir(parents=True, exist_ok=True)
            temporary = cached.with_name(f"{cached.stem}.{os.getpid()}.tmp{suffix}")
            if suffix in (".jpg", ".jpeg"):
                image.convert("RGB").save(temporary, "JPEG", quality=85, optimize=True)
            else:
                image.save(temporary)
            temporary.replace(cached)
    return cached
