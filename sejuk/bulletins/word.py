"""An outline as a DOCX, with python-docx: what Humas and the staff edit further in Word
or LibreOffice Writer. The file is built from python-docx's own template, so it opens
without a repair prompt in both."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable

from .outline import Chart, Heading, Outline, Para, Table, printable_outline

BRAND = RGBColor(0x0D, 0x6E, 0x8A)
GREY = RGBColor(0x4A, 0x5A, 0x68)
TEXT_WIDTH = Cm(21.0 - 2 * 2.2)


def render(outline: Outline) -> bytes:
    document = Document()
    outline = printable_outline(outline)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    props = document.core_properties
    props.title, props.author, props.subject = outline.title, outline.author, outline.subtitle
    props.language = "id-ID"

    for line in outline.letterhead:
        _centered(document, line, bold=True, size=9)
    if outline.letterhead:
        _centered(document, "_" * 60, size=8)
    _centered(document, outline.title, bold=True, size=14)
    if outline.subtitle:
        _centered(document, outline.subtitle, size=10)
    for block in outline.blocks:
        _block(document, block)
    if outline.footer:
        note = document.add_paragraph()
        run = note.add_run(outline.footer)
        run.font.size, run.font.color.rgb = Pt(8), GREY
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _centered(document: DocxDocument, text: str, *, bold: bool = False, size: float = 10) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(2)
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _block(document: DocxDocument, block: object) -> None:
    if isinstance(block, Heading):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(10)
        run = paragraph.add_run(block.text)
        run.bold, run.font.size, run.font.color.rgb = True, Pt(12), BRAND
    elif isinstance(block, Para):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(block.text)
        if block.small:
            run.font.size, run.font.color.rgb = Pt(8.5), GREY
    elif isinstance(block, Table):
        _table(document, block)
    elif isinstance(block, Chart):
        document.add_picture(io.BytesIO(block.png), width=int(TEXT_WIDTH * 0.95))
        document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption = document.add_paragraph()
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = caption.add_run(block.caption)
        run.font.size, run.font.color.rgb = Pt(8.5), GREY
    else:
        raise TypeError(f"unknown block {block!r}")


def _table(document: DocxDocument, block: Table) -> DocxTable:
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        _cell(cell, text, bold=True)
    last = len(block.rows)
    for i, row in enumerate(block.rows, 1):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            _cell(cell, text, bold=block.total and i == last)
    if block.widths:
        # Word reads the cells' widths, LibreOffice the grid's: set both.
        table.autofit = False
        for column, share in zip(table.columns, block.widths, strict=True):
            column.width = int(TEXT_WIDTH * share)
            for cell in column.cells:
                cell.width = int(TEXT_WIDTH * share)
    document.add_paragraph()
    return table


def _cell(cell: object, text: str, *, bold: bool) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(8.5)
