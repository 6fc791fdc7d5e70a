"""Officers' numbers kept in one form (E.164), whatever form they were written in; a
number that cannot be read is refused on the officer form in Indonesian."""

from __future__ import annotations

import pytest

from sejuk.units import phones
from sejuk.units.models import Officer
from tests.factories import officer, superuser, unit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "written",
    ["0812-3456-7890", "+62 812-3456-7890", "6281234567890", "62812 3456 7890", "081234567890"],
)
def test_an_indonesian_number_is_read_in_any_usual_form(written):
    assert phones.e164(written) == "+6281234567890"


@pytest.mark.parametrize("written", ["", "12", "0812", "bukan nomor", "0062 812 3456 7890"])
def test_what_is_no_phone_number_reads_as_none(written):
    assert phones.e164(written) is None


def test_an_officer_is_saved_with_the_number_in_one_form():
    assert officer(phone="0812-3456-7890").phone == "+6281234567890"


def test_the_officer_form_refuses_a_number_it_cannot_read_and_keeps_a_good_one(client):
    client.force_login(superuser())
    form = {"name": "Andi", "unit": unit("Polsek Sekotong").pk, "active": "on"}
    refused = client.post("/admin/units/officer/add/", {**form, "phone": "0812-34"})
    assert refused.status_code == 200
    assert "Nomor telepon tidak dikenali" in refused.content.decode()
    assert not Officer.objects.exists()
    kept = client.post("/admin/units/officer/add/", {**form, "phone": "+62 812 3456 7890"})
    assert kept.status_code == 302
    assert Officer.objects.get().phone == "+6281234567890"


def test_numbers_stored_before_are_put_in_one_form_and_unreadable_ones_left_as_they_are():
    good, odd, empty = officer(name="A"), officer(name="B"), officer(name="C")
    Officer.objects.filter(pk=good.pk).update(phone="0812-3456-7890")  # written before
    Officer.objects.filter(pk=odd.pk).update(phone="0812-34")
    phones.normalise_stored(Officer)
    stored = dict(Officer.objects.values_list("name", "phone"))
    assert stored == {"A": "+6281234567890", "B": "0812-34", "C": ""}
    assert empty.phone == ""
