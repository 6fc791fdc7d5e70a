"""Cutting a list into pages, for the pages and the JSON API, without counting millions.

A list is a queryset in the order it shows. Where the viewer's area is the union of
several parts (the area's regions, the units' rows, a Bhabinkamtibmas's own), the caller
may give those parts as ``branches``: each is read in the list's order along its own
index, as far as the page needs, all in one statement (UNION ALL of the parts, each with
its LIMIT), and merged here. A filter that ORs the parts would make the database sort the
whole area's history instead. The count goes as far as ``COUNT_CAP`` and says "more"
beyond it, so no page counts millions of rows; the pages past the cap are still reached
by the next-page link."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any, Generic, TypeVar

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)

COUNT_CAP = 1000
_MARK = -7_364_582_919  # a value no key holds: where the fan's value goes in its SQL
# How deep paging reaches (rows from the top of a list); beyond it a page is empty and
# the filters narrow the list instead.
MAX_DEPTH = 100_000
# SQLite allows 500 terms in one compound SELECT; beyond that the parts are read by
# the plain filter (correct, only slower).
MAX_BRANCHES = 400


@dataclass
class Listing(Generic[M]):
    """What a list shows: a queryset in its order, and optionally the parts it is the
    union of: ``branches`` (narrower querysets of the same model), and the rows of
    ``fan_base`` whose ``fan_field`` is each of ``fan_values`` (a Polda's hundreds of
    units: the SQL written once, sent with each value). With two parts or more, the
    parts alone say which rows the list holds: ``qs`` then gives the order and the
    rows' fields, fetched by the ids the parts found."""

    qs: QuerySet[M]
    branches: Sequence[QuerySet[M]] = ()
    fan_base: QuerySet[M] | None = None
    fan_field: str = ""
    fan_values: Sequence[Any] = ()
    disjoint: int = 0  # how many of the first branches share no row (their counts add up)

    def order(self) -> list[str]:
        given = self.qs.query.order_by or self.qs.model._meta.ordering or ["-id"]
        names = [str(n) for n in given]
        if names[-1].lstrip("-") not in ("id", "pk"):
            names.append("-id" if names[-1].startswith("-") else "id")
        return names

    # The last count: (its cap, what it found). A queue's parts are counted for the
    # page's total and again for where the page starts in them: counted once.
    counted: tuple[int, int] | None = field(default=None, init=False, repr=False)
    # The first ids of the merged parts, as far as they were read: (how far, the ids).
    merged: tuple[int, list[Any]] | None = field(default=None, init=False, repr=False)

    def total(self, cap: int = COUNT_CAP) -> int:
        """The number of rows up to ``cap`` + 1 (cap + 1 meaning "more than cap")."""
        if self.counted is not None:
            known_cap, found = self.counted
            if found <= known_cap or cap < known_cap:  # exact, or more than both caps
                return min(found, cap + 1)
        if len(self.branches) + len(self.fan_values) < 2:
            found = self.qs.order_by().values("pk")[: cap + 1].count()
        elif self._beyond(cap):
            found = cap + 1
        else:
            # Counted as the page is read: each part along its index as far as cap + 1,
            # merged (the units' parts skipped when the area's alone pass the cap). A
            # COUNT of the parts ORed together scans the whole country's rows where the
            # area has fewer than the cap.
            found = min(len(self._merged_ids(cap + 1, counting=True)), cap + 1)
        self.counted = (cap, found)
        return found

    def rows(self, start: int, stop: int) -> list[M]:
        """Rows ``start`` to ``stop`` in the list's order."""
        if stop <= start:
            return []
        if len(self.branches) + len(self.fan_values) < 2:
            return list(self.qs[start:stop])
        ids = self._merged_ids(stop)[start:stop]
        found = self.qs.filter(pk__in=ids).in_bulk()
        return [found[i] for i in ids if i in found]

    def _beyond(self, cap: int) -> bool:
        """Whether the first branches, which share no row, hold more than ``cap`` rows
        together: read along their indexes one after another, and no further than
        ``cap`` + 1 rows in all, in one statement that sends back one number."""
        disjoint = self.branches[: min(self.disjoint, MAX_BRANCHES)]
        if len(disjoint) < 2:
            return False  # one branch: its read as far as cap + 1 says as much
        parts = [
            part
            for branch in disjoint
            if (part := _sql(branch.order_by().values_list("pk")[: cap + 1])) is not None
        ]
        if not parts:
            return False
        union = " UNION ALL ".join(
            f"SELECT * FROM ({part}) AS part{n}"  # noqa: S608
            for n, (part, _) in enumerate(parts)
        )
        sql = f"SELECT COUNT(*) FROM ({union} LIMIT {int(cap) + 1}) AS parts"  # noqa: S608
        with connections[self.qs.db].cursor() as cursor:
            cursor.execute(sql, [value for _, args in parts for value in args])
            return int(cursor.fetchone()[0]) > cap

    def _merged_ids(self, stop: int, *, counting: bool = False) -> list[Any]:
        """The first ``stop`` ids of the union of the parts, in the list's order; when
        ``counting``, only as many ids as say whether there are ``stop``."""
        if self.merged is not None and stop <= self.merged[0]:
            return self.merged[1][:stop]  # read already, for the count
        ids, whole = self._merge(stop, counting)
        if whole:
            self.merged = (stop, ids[:stop])
        return ids[:stop]

    def _merge(self, stop: int, counting: bool) -> tuple[list[Any], bool]:
        order = self.order()
        keys = [name.lstrip("-").replace("pk", "id") for name in order]
        found: dict[Any, tuple[Any, ...]] = {}
        parts = []
        for branch in self.branches:
            part = _sql(branch.order_by(*order).values_list(*keys)[:stop])
            if part is not None:
                parts.append(part)
        self._run(parts, found)
        if counting and len(found) >= stop:
            return list(found), False  # the area's own parts have them all: enough to count
        if self.fan_values and self.fan_base is not None:
            template = self.fan_base.filter(**{self.fan_field: _MARK})
            ranked = _ranked(list(found.values()), order)
            if len(ranked) >= stop:
                # Only what could still enter the page: nothing older than the branches'
                # last row needed (each unit's read stops there, along its index).
                bound = ranked[stop - 1][0]
                if isinstance(bound, datetime) and bound.tzinfo is None:
                    bound = bound.replace(tzinfo=UTC)  # SQLite's raw rows: UTC, unmarked
                lookup = "gte" if order[0].startswith("-") else "lte"
                template = template.filter(**{f"{keys[0]}__{lookup}": bound})
            fan = _sql(template.order_by(*order).values_list(*keys)[:stop])
            if fan is None:  # the list's own filters match nothing
                return [row[-1] for row in _ranked(list(found.values()), order)], True
            sql, args = fan
            at = args.index(_MARK)
            rest = [*args[:at], *args[at + 1 :]]
            if connections[self.qs.db].vendor == "postgresql":
                # One statement: the part run once per value by a LATERAL join (a UNION
                # of hundreds of parts costs PostgreSQL more to plan than to run).
                pieces = sql.split("%s")
                lateral = "%s".join(pieces[: at + 1]) + "fan.value" + "%s".join(pieces[at + 1 :])
                fanned = (
                    "SELECT part.* FROM unnest(%s) AS fan(value) "  # noqa: S608
                    f"CROSS JOIN LATERAL ({lateral}) AS part"
                )
                self._run([(fanned, [list(self.fan_values), *rest])], found, wrap=False)
            else:
                self._run([(sql, [*args[:at], v, *args[at + 1 :]]) for v in self.fan_values], found)
        return [row[-1] for row in _ranked(list(found.values()), order)], True

    def _run(
        self,
        parts: list[tuple[str, list[Any]]],
        found: dict[Any, tuple[Any, ...]],
        *,
        wrap: bool = True,
    ) -> None:
        """The parts' SQL (the ORM's own, its values kept apart as parameters) in
        statements of UNION ALL; rows by their last key (the id)."""
        with connections[self.qs.db].cursor() as cursor:
            if not wrap:
                for sql, args in parts:
                    cursor.execute(sql, args)
                    found.update((row[-1], row) for row in cursor.fetchall())
                return
            for at in range(0, len(parts), MAX_BRANCHES):
                chunk = parts[at : at + MAX_BRANCHES]
                sql = " UNION ALL ".join(
                    f"SELECT * FROM ({part}) AS part{n}"  # noqa: S608
                    for n, (part, _) in enumerate(chunk)
                )
                cursor.execute(sql, [value for _, args in chunk for value in args])
                found.update((row[-1], row) for row in cursor.fetchall())


@dataclass
class Chain(Generic[M]):
    """A list made of lists shown one after another (a queue: the overdue cases, then the
    waiting ones, ...), each read along its own index in its own order. A page takes
    what it needs from each in turn; the lists before it are counted only as far as the
    page reaches."""

    segments: Sequence[Listing[M]]

    def total(self, cap: int = COUNT_CAP) -> int:
        counted = 0
        for segment in self.segments:
            counted += segment.total(cap - counted)
            if counted > cap:
                return cap + 1
        return counted

    def rows(self, start: int, stop: int) -> list[M]:
        found: list[M] = []
        skipped = 0  # rows of the segments before, up to ``stop``
        for segment in self.segments:
            size = segment.total(stop - skipped)  # up to stop - skipped + 1
            first = max(start - skipped, 0)
            last = min(stop - skipped, size)
            if first < last:
                found += segment.rows(first, last)
            skipped += size
            if skipped >= stop:
                break
        return found


def _ranked(rows: list[tuple[Any, ...]], order: list[str]) -> list[tuple[Any, ...]]:
    for i in reversed(range(len(order))):  # a stable sort per key, the last key first
        rows.sort(key=itemgetter(i), reverse=order[i].startswith("-"))
    return rows


@dataclass
class Page(Generic[M]):
    """A page of a list, with what ``web/pager.html`` and the API need."""

    items: list[M]
    number: int
    size: int
    count: int  # exact up to the cap
    more: bool  # beyond the cap (``count`` is then the cap)
    has_next: bool

    @property
    def pages(self) -> int:
        """The pages counted; beyond the cap, as far as this page and the next."""
        known = -(-self.count // self.size)
        if not self.more or not self.items:
            return known
        return max(known, self.number + 1 if self.has_next else self.number)

    # The pager template's names (Django's Paginator page).
    @property
    def paginator(self) -> Page[M]:
        return self

    @property
    def num_pages(self) -> int:
        return self.pages

    def has_other_pages(self) -> bool:
        return self.number > 1 or self.has_next

    def has_previous(self) -> bool:
        return self.number > 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def count_text(self) -> str:
        """ "1.000+" beyond the cap, else the count, written the Indonesian way."""
        text = f"{self.count:,}".replace(",", ".")
        return text + "+" if self.more else text

    def __iter__(self) -> Any:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def page(listing: Listing[M] | Chain[M] | QuerySet[M], number: int, size: int) -> Page[M]:
    """Page ``number`` (from 1) of ``size`` rows. A page past the end is empty and its
    offset never reaches the database."""
    if not isinstance(listing, Listing | Chain):
        listing = Listing(listing)
    counted = listing.total()
    more = counted > COUNT_CAP
    count = min(counted, COUNT_CAP)
    start = (max(number, 1) - 1) * size
    if start >= (MAX_DEPTH if more else count):
        return Page([], number, size, count, more, has_next=False)
    rows = listing.rows(start, start + size + 1)
    return Page(rows[:size], number, size, count, more, has_next=len(rows) > size)


def get_page(listing: Listing[M] | Chain[M] | QuerySet[M], raw: str | None, size: int) -> Page[M]:
    """For the pages (``?halaman=``), as Django's ``Paginator.get_page``: a number that
    is not one gives the first page, one past the end the last."""
    try:
        number = max(1, int(raw or 1))
    except (TypeError, ValueError, OverflowError):
        number = 1
    found = page(listing, number, size)
    if not found.items and number > 1:
        last = max(1, min(found.pages, MAX_DEPTH // size))
        found = page(listing, last, size) if last != number else found
    return found


def page_of(
    qs: Listing[M] | Chain[M] | QuerySet[M], number: int, size: int, out: Callable[[M], Any]
) -> dict[str, Any]:
    """``{"items", "total", "page", "pages"}`` for the JSON API: ``total`` is exact up to
    ``COUNT_CAP`` and ``COUNT_CAP`` + 1 beyond it (then ``pages`` counts to the next
    page only). A page past the end is empty: a client may send any integer."""
    found = page(qs, number, size)
    return {
        "items": [out(x) for x in found.items],
        "total": found.count + 1 if found.more else found.count,
        "page": number,
        "pages": found.pages,
    }


def _sql(qs: QuerySet[Any]) -> tuple[str, list[Any]] | None:
    """A part's SQL and its values; None for a part that can hold no row (a condition
    the ORM knows matches nothing, such as a unit id past any column's range)."""
    try:
        sql, args = qs.query.sql_with_params()
    except EmptyResultSet:
        return None
    return sql, list(args)
