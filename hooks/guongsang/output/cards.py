"""Share cards and QR codes: QR codes as inline SVG and 1200×630 preview cards, made offline and cached
by content hash. The cards are drawn in parallel with the build from the time the records are loaded; a
QR code is drawn by the process that renders its page, when it is not cached yet (each once).

The cards use Be Vietnam Pro, a typeface drawn for Vietnamese, from the npm package
@expo-google-fonts/be-vietnam-pro (full TTF files) installed by `make`; nothing is downloaded at build time.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont, ImageOps

from guongsang import paths, urls
from guongsang.output.context import OutputContext
from guongsang.settings import Settings
from guongsang.site.linking import SiteModel

CARD_SIZE = (1200, 630)
CARD_VERSION = 2
"""Bump when the card design changes, so cached cards are made again."""
FONT_PACKAGE = Path("node_modules/@expo-google-fonts/be-vietnam-pro")
_FONTS = {"regular": "400Regular/BeVietnamPro_400Regular.ttf", "bold": "700Bold/BeVietnamPro_700Bold.ttf"}
_BRAND = (183, 28, 28)
_GOLD = (255, 214, 102)


class MissingFont(Exception):
    pass


def font_paths(root: Path) -> dict[str, str]:
    paths = {name: root / FONT_PACKAGE / rel for name, rel in _FONTS.items()}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        raise MissingFont(f"thiếu phông chữ cho thẻ chia sẻ ({FONT_PACKAGE}); chạy 'make build' hoặc 'npm ci' để cài")
    return {name: str(path) for name, path in paths.items()}


def qr_svg(url: str, cache_dir: Path) -> str:
    """The QR code of ``url`` as an SVG element to inline in a page."""
    cached = _cached_qr(url, cache_dir)
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    return _draw_qr(url, cached)


def _cached_qr(url: str, cache_dir: Path) -> Path:
    return cache_dir / "qr" / f"{hashlib.sha256(url.encode()).hexdigest()[:32]}.svg"


def _draw_qr(url: str, target: Path) -> str:
    # imported here: numpy takes about 0.1 s to import, and a build whose codes are all cached draws none
    from guongsang.output import qrmask

    # segno's code byte for byte, the mask scanners read best among eight (ISO/IEC 18004: these are printed
    # on certificates and notice boards) chosen about 4x faster
    svg = qrmask.make(url).svg_inline(scale=4, border=2, dark="#000", light="#fff", omitsize=True)
    _write(target, svg.encode())
    return svg


@dataclass(frozen=True)
class CardText:
    """What a preview card says; its hash names the cached image."""

    title: str
    lines: tuple[str, ...]
    highlight: str
    footer: str
    photo: str | None = None
    """Absolute path of a photo to show, or None for initials."""
    initials: str = ""
    badge: str = ""
    """A small label at the bottom right, e.g. 'DỮ LIỆU MẪU' on sample records."""

    def key(self) -> str:
        if not self.photo:
            return _key(self, None)
        stat = Path(self.photo).stat()
        return _key(self, (stat.st_mtime_ns, stat.st_size, stat.st_ino))


@lru_cache(maxsize=1 << 15)  # a rebuild under serve asks again for every card: only a changed one is hashed
def _key(card: CardText, photo_file: tuple[int, int, int] | None) -> str:
    """The card's cache name; ``photo_file`` (the photo's time, size and inode) only tells the cache when
    to read the photo's bytes again."""
    photo = hashlib.sha256(Path(card.photo).read_bytes()).hexdigest() if card.photo else ""
    payload = json.dumps([CARD_VERSION, asdict(card), photo], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def cached_card(card: CardText, cache_dir: Path) -> Path:
    return cache_dir / "cards" / f"{card.key()}.png"


def start(site: SiteModel, settings: Settings, root: Path, docs_dir: Path, cache_dir: Path) -> Workshop:
    """Start drawing the site's card and each profile's (MissingFont when the fonts are not installed)."""
    fonts = font_paths(root)
    site_name = settings.site_name
    organization = site.organization.name if site.organization else ""
    footer = f"{site_name} · {organization}" if organization else site_name
    cards = [CardText(site_name, (organization,), "Gương điển hình tiên tiến · Người tốt, việc tốt", footer)]
    for profile in site.profiles:
        highest = profile.highest_award
        photo = profile.photo
        cards.append(CardText(
            title=profile.name,
            lines=(profile.role, profile.affiliation) if profile.affiliation else (profile.role,),
            highlight=f"{highest.title} ({highest.year})" if highest else "",
            footer=footer,
            photo=str(paths.content_file(docs_dir, photo.file)) if photo else None,
            initials=profile.initials,
            badge="DỮ LIỆU MẪU" if profile.honoree.sample else "",
        ))
    return Workshop(cards, cache_dir, fonts)


def write(site_dir: Path, context: OutputContext) -> None:
    """The cards, in the order ``start`` asked for them: linked from the cache where the disk allows (a card
    already there, the same file or the same bytes, is left as it is)."""
    targets = [urls.DEFAULT_SHARE_CARD, *(profile.card_url for profile in context.site.profiles)]
    for source, target in zip(context.cards.cards_ready(), targets, strict=True):
        destination = site_dir / target
        context.produced.add(destination)
        if _same(source, destination):
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.unlink(missing_ok=True)
        try:
            os.link(source, destination)
        except OSError:
            shutil.copyfile(source, destination)
        context.written.append(destination)


def _same(source: Path, destination: Path) -> bool:
    try:
        there = destination.stat()
    except OSError:
        return False
    here = source.stat()
    return (here.st_ino, here.st_dev) == (there.st_ino, there.st_dev) or (here.st_size == there.st_size and source.read_bytes() == destination.read_bytes())


_CHUNK = 64
"""Cards per task handed to a worker process."""


class Workshop:
    """Draws the cards not cached yet in worker processes while the build goes on.

    Started as soon as the records are loaded; the cards are collected at the end (``cards_ready``).
    With few to draw, or one core, it draws in the build's own process.
    """

    def __init__(self, cards: list[CardText], cache_dir: Path, fonts: dict[str, str]) -> None:
        self.card_paths = [cached_card(card, cache_dir) for card in cards]
        missing_cards = [(card, target) for card, target in zip(cards, self.card_paths, strict=True) if not target.is_file()]
        self._pool: ProcessPoolExecutor | None = None
        self._cards: list[Future[None]] = []
        if len(missing_cards) <= _CHUNK or (os.cpu_count() or 1) < 2:
            _draw_cards([c for c, _ in missing_cards], [t for _, t in missing_cards], fonts)
            return
        self._pool = ProcessPoolExecutor()
        for chunk in _chunks(missing_cards):
            self._cards.append(self._pool.submit(_draw_cards, [c for c, _ in chunk], [t for _, t in chunk], fonts))

    def cards_ready(self) -> list[Path]:
        """The cached image of each card, in the order given."""
        _finish(self._cards)
        self.close()
        return self.card_paths

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _chunks(items: list[Any]) -> list[list[Any]]:
    return [items[start : start + _CHUNK] for start in range(0, len(items), _CHUNK)]


def _finish(futures: list[Future[None]]) -> None:
    """Wait, and raise the first worker's error if any."""
    for future in wait(futures).done:
        future.result()


def _draw_cards(cards: list[CardText], targets: list[Path], fonts: dict[str, str]) -> None:
    for card, target in zip(cards, targets, strict=True):
        image = draw_card(card, fonts)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        if card.photo:
            image.save(temporary, "PNG", compress_level=6)
        else:
            _flat(image).save(temporary, "PNG", compress_level=3)
        temporary.replace(target)


def _flat(image: Image.Image) -> Image.Image:
    """Flat colours and text in a 32-colour palette: the same look at 2/5 of the size. The palette comes
    from every fourth pixel (one sixteenth of the work); the rare edge shades map to their nearest."""
    sample = image.resize((image.width // 4, image.height // 4), Image.Resampling.NEAREST)
    palette = sample.quantize(32, method=Image.Quantize.FASTOCTREE)
    return image.quantize(palette=palette, dither=Image.Dither.NONE)


def draw_card(card: CardText, fonts: dict[str, str]) -> Image.Image:
    width, height = CARD_SIZE
    image = Image.new("RGB", CARD_SIZE, _BRAND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height - 90, width, height), fill=(140, 20, 20))
    left = 80
    circle = 300
    if card.photo or card.initials:
        top = (height - 90 - circle) // 2
        box = (left, top, left + circle, top + circle)
        if card.photo:
            with Image.open(card.photo) as photo:
                face = ImageOps.fit(ImageOps.exif_transpose(photo).convert("RGB"), (circle, circle))
            mask = Image.new("L", (circle, circle), 0)
            ImageDraw.Draw(mask).ellipse((0, 0, circle, circle), fill=255)
            image.paste(face, box[:2], mask)
        else:
            draw.ellipse(box, fill=(255, 255, 255))
            _text(image, ((box[0] + box[2]) // 2, (box[1] + box[3]) // 2), card.initials, _font(fonts["bold"], 120), _BRAND, "mm")
        left += circle + 60
    text_width = width - left - 70
    y = 110
    title_font = _fit(card.title, fonts["bold"], text_width, 64, 40)
    for line in _wrap(card.title, title_font, text_width)[:2]:
        _text(image, (left, y), line, title_font, (255, 255, 255))
        y += int(title_font.size * 1.2)
    y += 14
    body = _font(fonts["regular"], 32)
    for line in card.lines:
        for part in _wrap(line, body, text_width)[:2]:
            _text(image, (left, y), part, body, (255, 235, 235))
            y += 44
    if card.highlight:
        y += 10
        strong = _font(fonts["bold"], 34)
        for part in _wrap(card.highlight, strong, text_width)[:2]:
            _text(image, (left, y), part, strong, _GOLD)
            y += 46
    footer = _font(fonts["bold"], 30)
    _text(image, (80, height - 45), card.footer, footer, (255, 255, 255), "lm")
    if card.badge:
        _text(image, (width - 60, height - 45), card.badge, _font(fonts["bold"], 26), _GOLD, "rm")
    return image


def _text(image: Image.Image, xy: tuple[int, int], text: str, font: ImageFont.FreeTypeFont, fill: tuple[int, int, int], anchor: str = "la") -> None:
    mask, (left, top) = _text_mask(text, font, anchor)
    image.paste(fill, (xy[0] + left, xy[1] + top), mask)


@lru_cache(maxsize=512)  # a mask is 20-50 KB: enough for the recurring texts, not every name
def _text_mask(text: str, font: ImageFont.FreeTypeFont, anchor: str) -> tuple[Image.Image, tuple[int, int]]:
    """Text drawn once as a coverage mask: units, roles, awards and the footer recur on thousands of cards."""
    left, top, right, bottom = font.getbbox(text, anchor=anchor)
    mask = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
    ImageDraw.Draw(mask).text((-left, -top), text, font=font, fill=255, anchor=anchor)
    return mask, (left, top)


@lru_cache(maxsize=64)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def _fit(text: str, path: str, width: int, largest: int, smallest: int) -> ImageFont.FreeTypeFont:
    """The largest font size at which ``text`` fits in two lines."""
    size = largest
    while size > smallest:
        font = _font(path, size)
        if len(_wrap(text, font, width)) <= 2:
            return font
        size -= 4
    return _font(path, smallest)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and font.getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(content)
    temporary.replace(path)
