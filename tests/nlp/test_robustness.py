"""The reader takes any text a person or a client may send and answers a record: it never
raises. A message of 20,000 zeros made Python's int() refuse (more than 4,300 digits) and
the API answer 500; superscript digits pass str.isdigit but not int()."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sejuk.nlp.extract import extract
from sejuk.nlp.numbers import parse_number

ODD = [
    "0" * 20000,
    "Hadir " + "9" * 5000 + " orang warga",
    "Pers : ²³ org, jml peserta ⁴⁵ orang",
    "Hadir ٣٥ orang warga di balai desa",
    "1.000.000.000.000.000.000.000 personel",
    "H-99999 pencoblosan",
    "Tanggal 99/99/9999 pukul 99.99",
]


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_odd_numbers_give_a_record_not_an_error(text):
    record = extract(text, published=date(2024, 12, 8))
    assert record.to_contract()["kind"] in {"activity", "incident", "other"}


def test_a_run_of_digits_longer_than_any_count_is_no_count():
    assert parse_number(["9" * 40], 0) is None
    assert parse_number(["²"], 0) is None
    assert parse_number(["25"], 0) == (25, 1)


PIECES = st.sampled_from(
    [
        "Polsek",
        "Sekotong",
        "Desa",
        "hadir",
        "orang",
        "warga",
        "pers",
        "org",
        ":",
        ".",
        ",",
        "(",
        ")",
        "/",
        "-",
        "pkl",
        "Wita",
        "kemarin",
        "pilkada",
        "H-",
        "²",
        "٣",
        "\n",
        " ",
    ]
)
TEXTS = st.lists(
    st.one_of(PIECES, st.text(alphabet="0123456789", min_size=1, max_size=30), st.text(max_size=8)),
    max_size=40,
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_a_record(text):
    extract(text, published=date(2024, 12, 8)).to_contract()
