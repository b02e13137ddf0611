"""Sharing: QR codes as inline SVG and 1200×630 preview cards, made offline and cached by content hash.

The cards use Be Vietnam Pro, a typeface drawn for Vietnamese, from the npm package
@expo-google-fonts/be-vietnam-pro (full TTF files) installed by `make`; nothing is downloaded at build time.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFont, ImageOps

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
    key = hashlib.sha256(url.encode()).hexdigest()[:32]
    cached = cache_dir / "qr" / f"{key}.svg"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    svg = segno.make(url, error="m", micro=False).svg_inline(scale=4, border=2, dark="#000", light="#fff", omitsize=True)
    _write(cached, svg.encode())
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
        photo = hashlib.sha256(Path(self.photo).read_bytes()).hexdigest() if self.photo else ""
        payload = json.dumps([CARD_VERSION, asdict(self), photo], ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:32]


def cached_card(card: CardText, cache_dir: Path) -> Path:
    return cache_dir / "cards" / f"{card.key()}.png"


def make_cards(cards: list[CardText], cache_dir: Path, fonts: dict[str, str]) -> list[Path]:
    """The cached image of each card, drawing only those not cached yet (in parallel when many)."""
    targets = [cached_card(card, cache_dir) for card in cards]
    missing = [(card, target) for card, target in zip(cards, targets, strict=True) if not target.is_file()]
    if len(missing) > 20 and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor() as pool:
            list(pool.map(_draw_to, [c for c, _ in missing], [t for _, t in missing], [fonts] * len(missing), chunksize=16))
    else:
        for card, target in missing:
            _draw_to(card, target, fonts)
    return targets


def _draw_to(card: CardText, target: Path, fonts: dict[str, str]) -> None:
    image = draw_card(card, fonts)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(f".{os.getpid()}.tmp")
    if card.photo:
        image.save(temporary, "PNG", compress_level=6)
    else:  # flat colours and text: a 32-colour palette looks the same at 2/5 of the size and 1/3 of the time
        image.quantize(32, method=Image.Quantize.FASTOCTREE).save(temporary, "PNG", compress_level=3)
    temporary.replace(target)


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
            initials = _font(fonts["bold"], 120)
            draw.text(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), card.initials, font=initials, fill=_BRAND, anchor="mm")
        left += circle + 60
    text_width = width - left - 70
    y = 110
    title_font = _fit(card.title, fonts["bold"], text_width, 64, 40)
    for line in _wrap(card.title, title_font, text_width)[:2]:
        draw.text((left, y), line, font=title_font, fill=(255, 255, 255))
        y += int(title_font.size * 1.2)
    y += 14
    body = _font(fonts["regular"], 32)
    for line in card.lines:
        for part in _wrap(line, body, text_width)[:2]:
            draw.text((left, y), part, font=body, fill=(255, 235, 235))
            y += 44
    if card.highlight:
        y += 10
        strong = _font(fonts["bold"], 34)
        for part in _wrap(card.highlight, strong, text_width)[:2]:
            draw.text((left, y), part, font=strong, fill=_GOLD)
            y += 46
    footer = _font(fonts["bold"], 30)
    draw.text((80, height - 45), card.footer, font=footer, fill=(255, 255, 255), anchor="lm")
    if card.badge:
        draw.text((width - 60, height - 45), card.badge, font=_font(fonts["bold"], 26), fill=_GOLD, anchor="rm")
    return image


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
