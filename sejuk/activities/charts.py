"""Charts drawn as inline SVG on the server: no script library to download on a weak
signal, and the same picture in a page and in a document."""

from __future__ import annotations

from html import escape


def bar_chart(items: list[tuple[str, int]], width: int = 360, bar: int = 16) -> str:
    """Horizontal bars, one per (label, value): the label above its bar, the value written at
    the bar's end. Narrow on purpose, so that on a 360-pixel phone the words stay readable
    and a long type name is never cut."""
    if not items:
        return ""
    top = max(v for _, v in items) or 1
    step = bar + 26
    height = len(items) * step + 4
    scale = (width - 44) / top
    rows = []
    for i, (label, value) in enumerate(items):
        y = 4 + i * step
        w = max(1, round(value * scale)) if value else 0
        rows.append(
            f'<text x="0" y="{y + 13}">{escape(label)}</text>'
            f'<rect x="0" y="{y + 18}" width="{w}" height="{bar}" rx="3"></rect>'
            f'<text x="{w + 5}" y="{y + 18 + bar * 0.78:.1f}">{value}</text>'
        )
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Grafik batang" xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>'
    )
