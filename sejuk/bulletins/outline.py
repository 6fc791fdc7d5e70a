"""A document as a list of blocks (headings, paragraphs, tables, charts), written once and
rendered twice: ``pdf.render`` and ``word.render`` draw the same outline, so the PDF and
the DOCX of a report say exactly the same thing."""

from __future__ import annotations

from dataclasses import dataclass, field


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
