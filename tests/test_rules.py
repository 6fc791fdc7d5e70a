"""One definition of a record's input: the rules on the service's input dataclass are the
ones the API's schema states and the ones the service checks, so they cannot drift."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from pydantic import ValidationError

from sejuk.activities.services import RULES, ActivityInput
from sejuk.incidents.services import IncidentInput
from sejuk.openapi import input_schema
from sejuk.rules import rule, rules


@dataclass
class Visit:
    desa: str = rule(max_length=13)
    when: dt.date | None = None
    kind: str = rule("", choices={"sambang": "Sambang"}, blank=True)
    people: int = rule(0, minimum=0, maximum=50)
    met: list[str] = rule(factory=list, choices={"warga": "Warga"}, max_items=3)


def test_a_schema_is_made_from_the_dataclass_and_its_rules():
    schema = input_schema("Visit", Visit).model_json_schema()
    fields = schema["properties"]
    assert schema["required"] == ["desa"]  # no default in the dataclass
    assert fields["desa"] == {"maxLength": 13, "minLength": 1, "title": "Desa", "type": "string"}
    assert fields["kind"]["enum"] == ["", "sambang"] and fields["kind"]["default"] == ""
    assert (fields["people"]["minimum"], fields["people"]["maximum"]) == (0, 50)
    assert fields["met"]["items"]["enum"] == ["warga"] and fields["met"]["maxItems"] == 3
    made = input_schema("Visit", Visit)(desa="52.01.07.2002")
    assert (made.when, made.kind, made.people, made.met) == (None, "", 0, [])
    with pytest.raises(ValidationError):
        input_schema("Visit", Visit)(desa="x" * 14)


def test_a_patch_schema_takes_every_field_as_optional():
    patch = input_schema("VisitPatch", Visit, patch=True)
    assert patch().model_dump() == {
        "desa": None,
        "when": None,
        "kind": None,
        "people": None,
        "met": None,
    }
    assert "required" not in patch.model_json_schema()


def test_the_activity_api_states_the_rules_the_service_checks(client):
    body = client.get("/api/openapi.json").json()["components"]["schemas"]["ActivityIn"]
    fields = body["properties"]
    for name, r in rules(ActivityInput).items():
        field = fields[name]
        if r.max_length is not None:
            assert field["maxLength"] == r.max_length, name
        if r.choices is not None and name in ("situation", "election", "phase"):
            assert field["enum"] == ["", *r.choices], name
        if r.max_items is not None:
            assert field["maxItems"] == r.max_items, name
    assert fields["personnel_count"]["anyOf"][0]["maximum"] == RULES["personnel_count"].maximum
    incident = client.get("/api/openapi.json").json()["components"]["schemas"]["IncidentIn"]
    assert incident["properties"]["types"]["items"]["enum"] == list(
        rules(IncidentInput)["types"].choices or {}
    )
