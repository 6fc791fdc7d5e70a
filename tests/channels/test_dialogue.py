"""The citizen's dialogue as pure functions: no database, the place lookups handed in."""

from __future__ import annotations

from datetime import date

from sejuk.channels.dialogue import Said, citizen_turn, command, read_when

TODAY = date(2024, 12, 8)
SEKOTONG = ("52.01.07.2002", "Sekotong Barat, Sekotong, Lombok Barat")
TWO = [SEKOTONG, ("52.01.07.2003", "Sekotong Tengah, Sekotong, Lombok Barat")]


def turn(step, answers, text="", **kw):
    return citizen_turn(
        step,
        answers,
        Said(kind=kw.pop("kind", "text"), text=text, **kw),
        places=lambda q: TWO if "sekotong" in q.lower() else [],
        point=lambda lat, lng: SEKOTONG if lat < -8 else None,
        guess=lambda t: "hoaks",
        today=TODAY,
    )


def test_a_long_first_message_is_taken_as_what_happened():
    t = turn("", {}, "Beredar kabar bohong soal surat suara di grup warga")
    assert t.step == "dimana" and t.answers["category"] == "hoaks"
    assert len(t.replies) == 2  # greeting, then the next question


def test_a_short_greeting_is_answered_with_the_first_question():
    t = turn("", {}, "halo")
    assert t.step == "apa" and "Apa yang terjadi?" in t.replies[-1]


def test_several_villages_are_offered_by_number_and_one_is_picked():
    t = turn("dimana", {}, "Sekotong")
    assert t.step == "tempat" and "1. Sekotong Barat" in t.replies[0]
    picked = turn("tempat", t.answers, "2")
    assert picked.step == "kapan" and picked.answers["region"] == "52.01.07.2003"


def test_a_shared_location_is_confirmed_as_the_nearest_desa():
    t = turn("dimana", {}, kind="location", lat=-8.8, lng=115.9)
    assert t.step == "tempat" and t.answers["lat"] == -8.8 and "YA" in t.replies[0]
    assert turn("tempat", t.answers, "ya").answers["region"] == SEKOTONG[0]


def test_a_shared_location_without_known_centres_asks_for_the_village_name():
    t = turn("dimana", {}, kind="location", lat=2.0, lng=99.0)
    assert t.step == "dimana" and "nama desa" in t.replies[0]


def test_when_is_read_as_people_write_it():
    assert read_when("SEKARANG", TODAY) == (TODAY, True)
    assert read_when("kemarin", TODAY) == (date(2024, 12, 7), False)
    assert read_when("5/12", TODAY) == (date(2024, 12, 5), False)
    assert read_when("tgl 9/12", TODAY) == (date(2023, 12, 9), False)  # not yet: last year's
    assert read_when("31/02", TODAY) is None
    assert read_when("minggu depan", TODAY) is None


def test_a_name_or_anonymous_ends_with_filing():
    assert turn("nama", {}, "anonim").answers["anonymous"] is True
    named = turn("nama", {}, "Siti Aminah")
    assert named.action == "file" and named.answers["name"] == "Siti Aminah"


def test_batal_and_cek_work_at_any_step():
    assert command(Said(kind="text", text="BATAL")).action == "cancel"
    check = command(Said(kind="text", text="cek k7m2-q9px-3tda"))
    assert check.action == "check" and check.code == "k7m2-q9px-3tda"
    assert command(Said(kind="text", text="cek dulu ya")) is None
