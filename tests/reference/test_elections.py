"""The calendar of known elections: which one a kind of election on a date is."""

from datetime import date

import pytest

from sejuk.reference.elections import CALENDAR, election_for


@pytest.mark.parametrize(
    ("kind", "on", "want"),
    [
        ("pemilu", date(2024, 2, 14), "pemilu_2024"),
        ("pilkada", date(2024, 11, 27), "pilkada_2024"),
        ("pilkada", date(2025, 2, 1), "pilkada_2024"),
        ("psu", date(2025, 4, 19), "psu_2025"),
        ("pilkada", date(2026, 12, 1), None),
        ("pemilu", date(2026, 1, 5), None),
        ("pilkades", date(2025, 9, 10), None),
    ],
)
def test_the_calendar_places_a_kind_on_a_date(kind, on, want):
    found = election_for(kind, on)
    assert (found.contract if found else None) == want


def test_the_calendar_is_in_order_and_every_window_holds_its_voting_days():
    for e in CALENDAR:
        assert e.opens <= e.first_vote <= e.last_vote <= e.closes


def test_words_every_election_has_speak_of_the_one_whose_vote_is_nearest():
    assert election_for(None, date(2024, 9, 20)).code == "pilkada_2024"
    assert election_for(None, date(2024, 3, 1)).code == "pemilu_2024"
    assert election_for("psu", date(2024, 2, 20)).code == "pemilu_2024"
    assert election_for(None, date(2026, 12, 1)) is None
