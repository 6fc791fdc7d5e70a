"""Charts for documents, as PNG images: the same picture goes into the PDF and the DOCX.

matplotlib draws them with its Agg renderer, which needs no display, no system library
and no network, and ships its own DejaVu fonts, so a chart looks the same on every
machine. Figures are made with the object interface (never pyplot's global state) and one
at a time, because a page request and the morning scheduler may draw at once.
"""

from __future__ import annotations

import io
import threading
from datetime import date

from matplotlib.figure import Figure

from sejuk import dates

BRAND = "#0d6e8a"
INK = "#1b2733"
WIDTH_IN = 6.3  # inches: the text width of an A4 page with 2.5 cm margins
DPI = 200
_lock = threading.Lock()


def bars(items: list[tuple[str, int]], title: str) -> bytes:
    """Horizontal bars, one per (label, value), the value written at the bar's end."""
    height = 0.9 + 0.32 * max(len(items), 1)
    figure = _figure(height)
    axes = figure.add_subplot()
    labels = [label for label, _ in items][::-1]
    values = [value for _, value in items][::-1]
    drawn = axes.barh(labels, values, color=BRAND, height=0.6)
    axes.bar_label(drawn, padding=3, fontsize=8, color=INK)
    axes.set_xlim(0, max([*values, 1]) * 1.15)
    _finish(axes, title)
    axes.xaxis.set_visible(False)
    return _png(figure)


def by_day(days: list[tuple[date, int]], title: str) -> bytes:
    """Vertical bars per day, labelled with the Indonesian weekday and date."""
    figure = _figure(2.4)
    axes = figure.add_subplot()
    labels = [f"{dates.weekday(d)[:3]}\n{d.day}/{d.month}" for d, _ in days]
    values = [n for _, n in days]
    drawn = axes.bar(labels, values, color=BRAND, width=0.6)
    axes.bar_label(drawn, padding=2, fontsize=8, color=INK)
    axes.set_ylim(0, max([*values, 1]) * 1.2)
    _finish(axes, title)
    axes.yaxis.set_visible(False)
    return _png(figure)


def _figure(height_in: float) -> Figure:
    return Figure(figsize=(WIDTH_IN, height_in), dpi=DPI, layout="constrained")


def _finish(axes: object, title: str) -> None:
    if title:
        axes.set_title(title, fontsize=10, color=INK, loc="left")  # type: ignore[attr-defined]
    axes.tick_params(labelsize=8, colors=INK, length=0)  # type: ignore[attr-defined]
    for side in ("top", "right", "left", "bottom"):
        axes.spines[side].set_visible(side == "bottom" or side == "left")  # type: ignore[attr-defined]


def _png(figure: Figure) -> bytes:
    out = io.BytesIO()
    with _lock:
        figure.savefig(out, format="png", dpi=DPI, facecolor="white")
    return out.getvalue()


def size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, read from the PNG header."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
