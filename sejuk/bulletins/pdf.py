"""An outline as a PDF (A4), with ReportLab.

ReportLab is the long-kept PDF library of Python: pure Python, no browser or system
library behind it. Text is set in the Bitstream Vera fonts that ship inside ReportLab and
are embedded in the file, so every Indonesian letter prints the same everywhere.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from . import charts
from .outline import Chart, Heading, Outline, Para, Table, printable_outline

BRAND = colors.HexColor("#0d6e8a")
LINE = colors.HexColor("#b8c4ce")
SHADE = colors.HexColor("#e8eef2")
MARGIN = 2.2 * cm
TEXT_WIDTH = A4[0] - 2 * MARGIN


def _fonts() -> tuple[str, str]:
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
        pdfmetrics.registerFont(TTFont("Vera-Bold", "VeraBd.ttf"))
        pdfmetrics.registerFont(TTFont("Vera-Italic", "VeraIt.ttf"))
        pdfmetrics.registerFont(TTFont("Vera-BoldItalic", "VeraBI.ttf"))
        pdfmetrics.registerFontFamily(
            "Vera",
            normal="Vera",
            bold="Vera-Bold",
            italic="Vera-Italic",
            boldItalic="Vera-BoldItalic",
        )
    return "Vera", "Vera-Bold"


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = _fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=14, spaceAfter=5)
    return {
        "body": base,
        "small": ParagraphStyle(
            "small", parent=base, fontSize=8, leading=11, textColor=colors.HexColor("#4a5a68")
        ),
        "head": ParagraphStyle(
            "head",
            parent=base,
            fontName=bold,
            fontSize=8.5,
            leading=11,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=bold,
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            spaceBefore=6,
            spaceAfter=2,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=9.5, alignment=TA_CENTER, spaceAfter=10
        ),
        "h": ParagraphStyle(
            "h",
            parent=base,
            fontName=bold,
            fontSize=11,
            leading=15,
            textColor=BRAND,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "headcell": ParagraphStyle(
            "headcell", parent=base, fontName=bold, fontSize=7.5, leading=9.5, spaceAfter=0
        ),
        "cellb": ParagraphStyle(
            "cellb", parent=base, fontName=bold, fontSize=8.5, leading=10.5, spaceAfter=0
        ),
        "caption": ParagraphStyle(
            "caption",
            parent=base,
            fontSize=8,
            leading=10,
            alignment=TA_CENTER,
            textColor=colors.HexColor("#4a5a68"),
        ),
    }


def render(outline: Outline) -> bytes:
    outline = printable_outline(outline)
    styles = _styles()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=1.8 * cm,
        bottomMargin=2 * cm,
        title=outline.title,
        author=outline.author,
        subject=outline.subtitle,
        lang="id-ID",
    )
    story: list[Any] = [Paragraph(escape(line), styles["head"]) for line in outline.letterhead]
    if outline.letterhead:
        story.append(_rule())
    story.append(Paragraph(escape(outline.title), styles["title"]))
    if outline.subtitle:
        story.append(Paragraph(escape(outline.subtitle), styles["subtitle"]))
    for block in outline.blocks:
        story.extend(_flowables(block, styles))
    if outline.footer:
        story += [Spacer(1, 8), Paragraph(escape(outline.footer), styles["small"])]
    label = outline.title if not outline.subtitle else outline.subtitle

    def number(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont("Vera", 7.5)
        canvas.setFillColor(colors.HexColor("#4a5a68"))
        canvas.drawString(MARGIN, 1.1 * cm, label[:110])
        canvas.drawRightString(A4[0] - MARGIN, 1.1 * cm, f"Halaman {document.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=number, onLaterPages=number)
    return out.getvalue()


def _rule() -> PdfTable:
    line = PdfTable([[""]], colWidths=[TEXT_WIDTH], rowHeights=[4])
    line.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 1.2, colors.black)]))
    return line


def _flowables(block: object, styles: dict[str, ParagraphStyle]) -> list[Any]:
    if isinstance(block, Heading):
        return [Paragraph(escape(block.text), styles["h"])]
    if isinstance(block, Para):
        return [Paragraph(escape(block.text), styles["small" if block.small else "body"])]
    if isinstance(block, Table):
        return [_table(block, styles), Spacer(1, 6)]
    if isinstance(block, Chart):
        width_px, height_px = charts.size(block.png)
        width = TEXT_WIDTH * 0.95
        image = Image(io.BytesIO(block.png), width=width, height=width * height_px / width_px)
        return [
            KeepTogether([image, Paragraph(escape(block.caption), styles["caption"])]),
            Spacer(1, 6),
        ]
    raise TypeError(f"unknown block {block!r}")


def _table(block: Table, styles: dict[str, ParagraphStyle]) -> PdfTable:
    def cell(text: str, bold: bool = False) -> Paragraph:
        return Paragraph(escape(text), styles["cellb" if bold else "cell"])

    last = len(block.rows)
    data = [[Paragraph(escape(h), styles["headcell"]) for h in block.header]]
    data += [
        [cell(v, block.total and i == last) for v in row] for i, row in enumerate(block.rows, 1)
    ]
    widths = [TEXT_WIDTH * w for w in block.widths] if block.widths else None
    table = PdfTable(data, colWidths=widths, repeatRows=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if block.total:
        style.append(("BACKGROUND", (0, last), (-1, last), SHADE))
    table.setStyle(TableStyle(style))
    return table
