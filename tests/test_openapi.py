"""The OpenAPI schema is one a client can rely on: every operation lists the error answers
it may give in the one error shape, the inputs carry their real vocabularies and limits,
and endpoints that answer with files say which."""

import pytest

from sejuk.activities.models import Source
from sejuk.reference.taxonomy import ACTIVITY_TYPES, PARTICIPANTS
from sejuk.reports.models import CATEGORIES, State

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    return client.get("/api/openapi.json").json()


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


def _body(schema, operation):
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]


def test_every_operation_documents_its_errors_in_the_one_shape(schema):
    galat = schema["components"]["schemas"]["Galat"]
    assert galat["properties"]["error"]["required"] == ["code", "message", "fields"]
    seen = set()
    for path, method, operation in _operations(schema):
        answers = operation["responses"]
        assert "400" in answers, (method, path)
        for status, answer in answers.items():
            if status.startswith(("4", "5")):
                ref = answer["content"]["application/json"]["schema"]["$ref"]
                assert ref == "#/components/schemas/Galat", (method, path, status)
        if operation.get("security"):
            assert {"401", "403"} <= set(answers), (method, path)
        if "requestBody" in operation:
            assert {"413", "422"} <= set(answers), (method, path)
        if "{" in path:
            assert "404" in answers, (method, path)
        seen |= set(answers)
    assert {"400", "401", "403", "404", "409", "413", "422", "429"} <= seen


def test_the_public_endpoints_document_the_rate_limit_with_retry_after(schema):
    for path, _method, operation in _operations(schema):
        if path.startswith("/api/public/"):
            assert "Retry-After" in operation["responses"]["429"]["headers"], path


def test_a_step_on_a_report_may_meet_a_conflict(schema):
    move = schema["paths"]["/api/reports/{report_id}/move"]["post"]
    assert "409" in move["responses"]
    assert _body(schema, move)["properties"]["to"]["enum"] == list(State.values)


def test_a_citizens_report_states_its_vocabulary_lengths_and_place_rule(schema):
    report = _body(schema, schema["paths"]["/api/public/reports"]["post"])
    fields = report["properties"]
    assert fields["category"]["enum"] == [code for code, _ in CATEGORIES]
    assert (fields["description"]["minLength"], fields["description"]["maxLength"]) == (10, 5000)
    required = [sorted(alternative["required"]) for alternative in report["anyOf"]]
    assert required == [["region"], ["place_text"]]


def test_an_activity_states_its_types_participants_and_limits(schema):
    activity = _body(schema, schema["paths"]["/api/activities"]["post"])
    fields = activity["properties"]
    assert fields["types"]["items"]["enum"] == list(ACTIVITY_TYPES)
    assert fields["types"]["minItems"] == 1 and fields["types"]["maxItems"] == 12
    assert fields["participants"]["propertyNames"]["enum"] == list(PARTICIPANTS)
    assert fields["summary"]["minLength"] == 1
    listing = schema["paths"]["/api/activities"]["get"]["parameters"]
    source = next(p for p in listing if p["name"] == "source")
    assert source["schema"]["enum"] == ["", *Source.values]


def test_file_endpoints_say_what_file_they_answer_with(schema):
    export = schema["paths"]["/api/activities/export.{fmt}"]["get"]["responses"]["200"]
    assert set(export["content"]) == {
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    photo = schema["paths"]["/api/activities/photos/{photo_id}"]["get"]["responses"]["200"]
    assert set(photo["content"]) == {"image/jpeg"}


def test_a_value_outside_the_vocabulary_is_refused_in_indonesian(client):
    response = client.post(
        "/api/public/reports",
        {"category": "kampanye_hitam", "description": "Ada kabar yang belum jelas.", "region": ""},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"]["category"] == "pilihan tidak dikenal"
