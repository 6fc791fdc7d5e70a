"""Draw the app icons the web app manifest names (PNG, as Android asks), from the same
shape as favicon.svg: `python scripts/make_icons.py`. Drawn with Pillow, on this machine;
nothing fetched."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "sejuk" / "web" / "static" / "sejuk" / "icons"
BRAND = (13, 110, 138)


def icon(size: int, *, maskable: bool = False) -> Image.Image:
    """The favicon's star on the brand colour; a maskable icon keeps it inside the
    middle 80% that any launcher's mask leaves visible."""
    scale = 4  # drawn large, then reduced: smooth edges
    big = size * scale
    image = Image.new("RGB", (big, big), BRAND) if maskable else Image.new("RGBA", (big, big))
    draw = ImageDraw.Draw(image)
    if not maskable:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 6 // 32, fill=BRAND)
    unit = big / 32 * (0.8 if maskable else 1.0)
    off = (big - 32 * unit) / 2
    width = round(2.5 * unit)

    def at(x: float, y: float) -> tuple[float, float]:
        return (off + x * unit, off + y * unit)

    for a, b in (((16, 6), (16, 26)), ((7, 11), (25, 21)), ((7, 21), (25, 11))):
        draw.line([at(*a), at(*b)], fill="white", width=width)
        for end in (a, b):
            x, y = at(*end)
            draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill="white")
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        icon(size).save(OUT / f"sejuk-{size}.png", optimize=True)
    icon(512, maskable=True).save(OUT / "sejuk-maskable-512.png", optimize=True)


if __name__ == "__main__":
    main()
