"""The unit tree as one snapshot per process: each unit's parent and its own area codes,
read in two queries and kept like the routes (``routing``): dropped in the process that
changes a unit or an area (at once and again at commit), and in every other process at
the latest ``routing.KEEP_SECONDS`` later. The recap of the nation groups 7,800 units
under their Polda from it without reading them per request."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from sejuk.reference.codes import normalised

from .models import Unit
from .routing import KEEP_SECONDS


@dataclass(frozen=True)
class Tree:
    parent: dict[int, int | None]
    codes: dict[int, tuple[str, ...]]  # a unit's own area
    _areas: dict[tuple[int, ...], dict[int, tuple[str, ...]]] = field(
        default_factory=dict, compare=False
    )
    _below: dict[int, list[int]] = field(default_factory=dict, compare=False)

    def areas(self, root: int, children: Iterable[int]) -> dict[int, tuple[str, ...]]:
        """The area of ``root`` and of each child: its own codes and those of every
        unit below it, none inside another (kept with the snapshot)."""
        key = (root, *children)
        if key not in self._areas:
            self._areas[key] = self._grouped(root, key[1:])
        return self._areas[key]

    def below(self, unit: int) -> list[int]:
        """The units right below ``unit``."""
        if not self._below and self.parent:
            found: dict[int, list[int]] = defaultdict(list)
            for uid, parent in self.parent.items():
                if parent is not None:
                    found[parent].append(uid)
            self._below.update(found)
        return self._below.get(unit, [])

    def _grouped(self, root: int, children: tuple[int, ...]) -> dict[int, tuple[str, ...]]:
        """Walks down from the root (and from a child not under it) only: a Polda's
        recap reads its few hundred units, not the nation's thousands."""
        heads = {root, *children}
        group_of: dict[int, int] = {}
        for start in (root, *children):
            if start in group_of:
                continue
            group_of[start] = start
            stack = [start]
            while stack:
                at = stack.pop()
                for unit in self.below(at):
                    if unit not in group_of:  # a unit is reached once, whatever the links
                        group_of[unit] = unit if unit in heads else group_of[at]
                        stack.append(unit)
        found: dict[int, set[str]] = defaultdict(set)
        for uid, group in group_of.items():
            found[group].update(self.codes.get(uid, ()))
            found[root].update(self.codes.get(uid, ()))
        return {pk: normalised(sorted(found[pk])) for pk in dict.fromkeys((root, *children))}


def _read() -> Tree:
    codes: dict[int, list[str]] = defaultdict(list)
    for uid, code in Unit.area.through.objects.values_list("unit_id", "region_id"):
        codes[uid].append(code)
    return Tree(
        parent=dict(Unit.objects.values_list("pk", "parent_id")),
        codes={uid: tuple(sorted(c)) for uid, c in codes.items()},
    )


class TreeCache:
    def __init__(self, keep_seconds: float = KEEP_SECONDS) -> None:
        self.keep_seconds = keep_seconds
        self._lock = threading.Lock()
        self._tree: Tree | None = None
        self._since = time.monotonic()

    def get(self) -> Tree:
        with self._lock:
            if time.monotonic() - self._since > self.keep_seconds:
                self._tree = None
            tree = self._tree
        if tree is None:
            tree = _read()
            with self._lock:
                self._tree, self._since = tree, time.monotonic()
        return tree

    def clear(self) -> None:
        with self._lock:
            self._tree = None


kept = TreeCache()


def current() -> Tree:
    """The unit tree (see the module's note)."""
    return kept.get()


def _changed(**_: Any) -> None:
    kept.clear()
    transaction.on_commit(kept.clear)


def connect() -> None:
    """Called once from the app's ready()."""
    post_save.connect(_changed, sender=Unit, dispatch_uid="tree-save")
    post_delete.connect(_changed, sender=Unit, dispatch_uid="tree-delete")
    m2m_changed.connect(_changed, sender=Unit.area.through, dispatch_uid="tree-area")
