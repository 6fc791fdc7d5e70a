"""A unit's commander: named in releases with rank, set by the admin or the CLI."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from sejuk.units.models import Officer, Unit
from sejuk.units.services import set_commander

pytestmark = pytest.mark.django_db


def test_the_post_is_named_after_the_unit():
    assert Unit.objects.get(name="Polres Lombok Barat").commander_title == "Kapolres Lombok Barat"
    assert Unit.objects.get(name="Polresta Jayapura Kota").commander_title == (
        "Kapolresta Jayapura Kota"
    )
    assert Unit.objects.get(level="mabes").commander_title == "Kapolri"


def test_setting_a_commander_makes_or_updates_the_officer_of_that_unit(capsys):
    polres = Unit.objects.get(name="Polres Lombok Barat")
    call_command(
        "units", "commander", "Polres Lombok Barat", "--name", "Bambang W", "--rank", "AKBP"
    )
    assert "Kapolres Lombok Barat: AKBP Bambang W." in capsys.readouterr().out
    polres.refresh_from_db()
    first = polres.commander
    assert (first.unit, first.position) == (polres, "Kapolres Lombok Barat")
    again = set_commander(polres, "Bambang W", "Kombes Pol")
    assert again.pk == first.pk and again.rank == "Kombes Pol"
    assert Officer.objects.filter(name="Bambang W").count() == 1


def test_a_commander_must_belong_to_the_unit():
    polres = Unit.objects.get(name="Polres Lombok Barat")
    elsewhere = Officer.objects.create(name="Lain", unit=Unit.objects.get(name="Polsek Gerung"))
    polres.commander = elsewhere
    with pytest.raises(ValidationError):
        polres.clean()
