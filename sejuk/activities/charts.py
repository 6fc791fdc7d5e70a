"""Charts drawn as inline SVG on the server: no script library to download on a weak
signal, and the same picture in a page and in a document."""

from __future__ import annotations

from html import escape


def bar_chart(items: list[tuple[str, int]], width: int = 640, bar: int = 22) -> str:
    """Horizontal bars, one per (label, value), with the value written at the bar's end."""
    if not items:
        return ""
    label_w = 190
    top = max(v for _, v in items) or 1
    height = len(items) * (bar + 8) + 8
    scale = (width - label_w - 60) / top
    rows = []
    for i, (label, value) in enumerate(items):
        y = 8 + i * (bar + 8)
        w = max(1, round(value * scale)) if value else 0
        rows.append(
            f'<text x="{label_w - 6}" y="{y + bar * 0.7:.1f}" text-anchor="end">'
            f"{escape(label)}</text>"
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar}" rx="3"></rect>'
            f'<text x="{label_w + w + 6}" y="{y + bar * 0.7:.1f}">{value}</text>'
        )
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Grafik batang" xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>'
    )
