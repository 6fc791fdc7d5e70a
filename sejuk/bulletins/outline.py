"""A document as a list of blocks (headings, paragraphs, tables, charts), written once and
rendered twice: ``pdf.render`` and ``word.render`` draw the same outline, so the PDF and
the DOCX of a report say exactly the same thing."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sejuk.text import printable


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    small: bool = False


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None  # shares of the text width, one per column
    total: bool = False  # the last row is a total, set in bold


@dataclass(frozen=True)
class Chart:
    png: bytes
    caption: str


Block = Heading | Para | Table | Chart


@dataclass(frozen=True)
class Outline:
    title: str
    subtitle: str = ""
    letterhead: list[str] = field(default_factory=list)  # the issuing units, top first
    blocks: list[Block] = field(default_factory=list)
    footer: str = ""
    author: str = "Sejuk"


def printable_outline(outline: Outline) -> Outline:
    """The outline with every text ``printable``: DOCX is XML and ReportLab parses its
    paragraphs, and neither takes a control character an older record may hold."""
    return replace(
        outline,
        title=printable(outline.title),
        subtitle=printable(outline.subtitle),
        letterhead=[printable(line) for line in outline.letterhead],
        blocks=[_printable_block(b) for b in outline.blocks],
        footer=printable(outline.footer),
        author=printable(outline.author),
    )


def _printable_block(block: Block) -> Block:
    if isinstance(block, Heading | Para):
        return replace(block, text=printable(block.text))
    if isinstance(block, Table):
        return replace(
            block,
            header=[printable(h) for h in block.header],
            rows=[[printable(str(c)) for c in row] for row in block.rows],
        )
    return replace(block, caption=printable(block.caption))
