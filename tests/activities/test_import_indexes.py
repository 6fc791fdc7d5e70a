"""Every index an import feeds earns its keep: none of the four tables an import writes
(activities, their types, participants and history) carries an index whose columns lead
another index of the same table, since every row written updates each index once more
for nothing. Read from the real database's own catalogue, as migrated."""

from __future__ import annotations

import pytest
from django.db import connection, models

from sejuk.activities.models import Activity, ActivityType, Change, Participation

pytestmark = pytest.mark.django_db


def _partial(model: type[models.Model]) -> set[str]:
    """Indexes that hold only some rows (a condition): they serve no general lookup."""
    return {
        c.name
        for c in [*model._meta.constraints, *model._meta.indexes]
        if getattr(c, "condition", None) is not None
    }


def _redundant(model: type[models.Model]) -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, model._meta.db_table)
    partial = _partial(model)
    indexes = {
        name: tuple(c["columns"])
        for name, c in found.items()
        if (c["index"] or c["unique"])
        and not c["primary_key"]
        and c["columns"]
        and None not in c["columns"]  # an expression index (a code's prefix)
        and name not in partial
    }
    out = []
    for name, columns in indexes.items():
        if found[name]["unique"]:
            continue  # a unique index keeps its rule, whatever else exists
        for other, longer in indexes.items():
            if (
                other != name
                and longer[: len(columns)] == columns
                and (len(longer) > len(columns) or other < name)
            ):
                out.append((name, other))
                break
    return out


@pytest.mark.parametrize("model", [Activity, ActivityType, Participation, Change])
def test_no_index_an_import_feeds_is_led_by_another(model):
    assert _redundant(model) == [], "each of these is served by the index beside it"
