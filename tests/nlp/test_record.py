from datetime import date

from sejuk.nlp.record import EventDate, Evidence, Label, Place, Record, Unit, Value


def a_record(**changes):
    fields = {
        "kind": Value("activity"),
        "unit": Unit("Polsek Gerung", "polsek", "52.01.01", "Gerung", ()),
        "event_date": EventDate(date(2024, 12, 9), "09:00", "WITA", ()),
        "place": Place("52.01.01.1001", "Gerung Utara", "kelurahan", "path", "Batu Putih", ()),
        "activity_types": (Label("sambang", "Sambang / silaturahmi", (Evidence(0, 5, "x", "y"),)),),
        "participants": (),
        "incident_types": (),
        "online": Value(False),
        "situation": Value(None),
        "personnel_count": Value(2),
        "election": Value("pilkada_2024"),
    }
    fields.update(changes)
    return Record(**fields)


def test_the_contract_has_exactly_the_fields_of_the_evaluation_readme():
    assert list(a_record().to_contract()) == [
        "kind", "unit", "event_date", "place", "activity_types", "participants",
        "incident_types", "online", "situation", "personnel_count", "election",
    ]  # fmt: skip


def test_the_contract_writes_dates_as_iso_and_lists_codes_only():
    got = a_record().to_contract()
    assert got["event_date"] == "2024-12-09"
    assert got["activity_types"] == ["sambang"]
    assert got["place"] == {
        "code": "52.01.01.1001", "name": "Gerung Utara", "level": "kelurahan", "dusun": "Batu Putih"
    }  # fmt: skip


def test_no_unit_no_place_and_no_date_are_nulls():
    got = a_record(unit=None, place=None, event_date=EventDate(None, None, None, ())).to_contract()
    assert got["unit"] is None and got["place"] is None and got["event_date"] is None
