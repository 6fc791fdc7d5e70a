"""One error shape: pinned here so no endpoint drifts from it."""

import pytest

from sejuk.errors import Conflict, Forbidden, Invalid, NotFound, error_body

pytestmark = pytest.mark.django_db


def test_every_domain_error_carries_status_code_and_message():
    assert (Invalid("x").status, NotFound("x").status) == (422, 404)
    assert (Forbidden("x").status, Conflict("x").status) == (403, 409)
    assert Invalid("Tanggal salah.", {"tanggal": "harus tanggal"}).as_dict() == {
        "error": {
            "code": "data_tidak_valid",
            "message": "Tanggal salah.",
            "fields": {"tanggal": "harus tanggal"},
        }
    }
    assert error_body("x", "y") == {"error": {"code": "x", "message": "y", "fields": {}}}


def test_the_api_answers_unknown_paths_in_the_same_shape(client):
    response = client.get("/api/tidak-ada")
    assert response.status_code == 404


def test_a_page_for_a_missing_thing_is_indonesian(client):
    response = client.get("/halaman-yang-tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
