"""The starter list of news sources: shipped as data, loaded switched off and marked as
not yet checked, once however often the command runs."""

import pytest
from django.core.management import call_command

from sejuk.media.models import Source
from sejuk.media.sources import starter


@pytest.mark.django_db
def test_the_starter_list_loads_switched_off_and_unchecked_once(capsys):
    call_command("media", "load-sources")
    assert "nonaktif" in capsys.readouterr().out
    assert Source.objects.count() == len(starter()) >= 10
    assert not Source.objects.filter(active=True).exists()
    assert not Source.objects.filter(checked=True).exists()
    assert Source.objects.filter(region_id="52").exists()  # a regional outlet of NTB
    call_command("media", "load-sources")
    assert Source.objects.count() == len(starter())


def test_every_starter_source_is_a_web_feed_address():
    for row in starter():
        assert row["feed_url"].startswith("https://"), row
        assert row["name"]
