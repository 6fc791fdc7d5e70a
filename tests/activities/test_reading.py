from datetime import date, timedelta

import pytest

from sejuk.accounts.access import viewer_for
from sejuk.accounts.workplace import today_for
from sejuk.activities.reading import Highlight, highlighted, read_message
from sejuk.errors import Invalid
from tests.personas import SEKOTONG_BARAT

pytestmark = pytest.mark.django_db

# A message in the style officers send to their WhatsApp group (composed for this test).
MESSAGE = (
    "Giat sambang dan patroli dialogis oleh Bhabinkamtibmas di Dsn. Tawun Ds. Sekotong Barat "
    "kemarin pkl 16.30 Wita, bertemu tokoh agama dan warga. Situasi aman kondusif."
)


def test_a_pasted_message_fills_the_form_with_the_words_it_came_from(world):
    prefill = read_message(viewer_for(world.users["bhabin"]), MESSAGE, date(2024, 12, 9))
    v = prefill.values
    assert v["region"] == SEKOTONG_BARAT and v["dusun"] == "Tawun"
    assert v["date"] == date(2024, 12, 8)  # "kemarin" against the day it was written
    assert v["start_time"].strftime("%H:%M") == "16:30"
    assert set(v["types"]) >= {"sambang", "patroli_dialogis"}
    assert set(v["participants"]) >= {"tokoh_agama", "warga"}
    assert v["situation"] == "kondusif"
    assert v["unit_id"] == world.users["bhabin"].unit_id
    fields = {h.field for h in prefill.highlights}
    assert {"region", "types", "situation", "date"} <= fields
    region = next(
        h
        for h in prefill.highlights
        if h.field == "region" and "Sekotong" in MESSAGE[h.start : h.end]
    )
    assert MESSAGE[region.start : region.end] == "Sekotong Barat"
    assert prefill.reader["contract"]["place"]["code"] == SEKOTONG_BARAT


def test_without_a_date_the_message_is_taken_as_of_today_with_a_note(world):
    prefill = read_message(
        viewer_for(world.users["bhabin"]), "Patroli dialogis di Ds. Sekotong Barat."
    )
    assert "date" not in prefill.values or prefill.values["date"] <= date.today()
    assert any("tanggal" in n.lower() for n in prefill.notes)


def test_an_empty_or_huge_message_is_refused(world):
    v = viewer_for(world.users["bhabin"])
    with pytest.raises(Invalid, match="Tempel pesan"):
        read_message(v, "   ")
    with pytest.raises(Invalid, match="terlalu panjang"):
        read_message(v, "a" * 20_001)


def test_highlighting_cuts_the_text_without_overlaps():
    text = "patroli di Sekotong Barat"
    pieces = highlighted(
        text,
        [
            Highlight(11, 25, "region", "desa"),
            Highlight(11, 19, "x", "y"),
            Highlight(0, 7, "types", "kata"),
        ],
    )
    assert "".join(p for p, _ in pieces) == text
    assert [(p, h.field if h else None) for p, h in pieces] == [
        ("patroli", "types"),
        (" di ", None),
        ("Sekotong Barat", "region"),
    ]


def test_yesterday_is_yesterday_where_the_officer_is(world):
    v = viewer_for(world.users["bhabin"])
    prefill = read_message(v, MESSAGE)
    assert prefill.values["date"] == today_for(v) - timedelta(days=1)  # in WITA


# A report with counts and a landmark (composed for this test).
COUNTED = (
    "Giat sambang Bhabinkamtibmas di Masjid Nurul Huda Dsn. Tawun Ds. Sekotong Barat, "
    "Senin 9/12/2024.\nSasaran : 12 org warga, 2 tomas\nSit aman kondusif."
)


def test_counts_and_the_landmark_of_a_message_fill_the_form(world):
    prefill = read_message(viewer_for(world.users["bhabin"]), COUNTED, date(2024, 12, 9))
    v = prefill.values
    assert v["participants"] == {"warga": 12, "tokoh_masyarakat": 2}
    assert v["landmark"] == "Masjid Nurul Huda"
    fields = {h.field for h in prefill.highlights}
    assert {"participants", "landmark"} <= fields
    assert any("14" in n for n in prefill.notes)  # the total, said in a note


def test_a_total_without_groups_goes_to_the_one_group_read(world):
    text = "Giat penyuluhan kepada warga di Balai Desa Sekotong Barat. Hadir 8 orang."
    prefill = read_message(viewer_for(world.users["bhabin"]), text, date(2024, 12, 9))
    assert prefill.values["participants"] == {"warga": 8}
    assert prefill.values["landmark"] == "Balai Desa Sekotong Barat"
