"""Every entry of the reader's language tables (``sejuk/nlp/language/*.txt``) against its
example: the example, read by the reader, gives the entry's label, and the entry's own
phrase is what was found in it (so the example shows this entry at work, not another).
"""

import re
from importlib import resources

import pytest

from sejuk.nlp import phrases
from sejuk.nlp.document import Document
from sejuk.nlp.extract import extract
from sejuk.nlp.gazetteer import default_gazetteer
from sejuk.nlp.lexicon import Lexicon
from sejuk.nlp.mentions import read_mentions
from sejuk.nlp.normalize import fold
from sejuk.nlp.signals import read_signals


def _found_by_its_phrase(entry):
    lexicon = Lexicon({entry.label: entry.phrases()})
    return any(True for _ in lexicon.find(Document(entry.example)))


def _labels_of(field):
    def check(entry):
        assert _found_by_its_phrase(entry), "the phrase is not found in its example"
        got = [lab.code for lab in getattr(extract(entry.example), field)]
        assert entry.label in got, f"the reader gave {got}"

    return check


def _situation(entry):
    assert _found_by_its_phrase(entry), "the phrase is not found in its example"
    assert extract(entry.example).situation.value == entry.label


def _online(entry):
    assert _found_by_its_phrase(entry), "the phrase is not found in its example"
    assert extract(entry.example).online.value is True


def _election(entry):
    assert _found_by_its_phrase(entry), "the phrase is not found in its example"
    record = extract(entry.example)
    if entry.label == "any":
        assert record.election.value is not None
    else:
        assert record.election_kind.value == entry.label


def _kind(entry):
    assert _found_by_its_phrase(entry), "the phrase is not found in its example"
    assert extract(entry.example).kind.value == "activity"


def _shorthand(entry):
    doc = Document(entry.example)
    (short,) = entry.phrases()
    assert short in doc.folded, "the short form is not in its example"
    k = doc.folded.index(short)
    assert doc.words[k] == entry.label


_LEVELS = {
    "provinsi": {"provinsi"},
    "kabupaten": {"kabupaten"},
    "kota": {"kota"},
    "kecamatan": {"kecamatan"},
    "desa": {"desa"},
    "kelurahan": {"kelurahan"},
    "desa_kelurahan": {"desa", "kelurahan"},
}


def _region_cue(entry):
    (cue,) = entry.phrases()
    assert cue in fold(entry.example).split(), "the cue word is not in its example"
    place = extract(entry.example).place
    assert place is not None
    if entry.label == "dusun":
        assert place.dusun == "Tawun"
    else:
        assert place.level in _LEVELS[entry.label], place


def _title(entry):
    doc = Document(entry.example)
    (title,) = entry.phrases()
    assert title in doc.folded, "the title is not in its example"
    after = doc.folded.index(title) + 1
    if doc.folded[after] == "pol":
        after += 1  # "Kombes Pol Woha": the rank runs on
    mentions = read_mentions(doc, default_gazetteer(), [])
    assert all(m.first != after for m in mentions), "the name after the title read as a place"


def _signal(entry):
    assert _found_by_its_phrase(entry), "the phrase is not found in its example"
    reading = read_signals(entry.example)
    got = [f.kind for f in reading.signals] + (["klarifikasi"] if reading.clarifies else [])
    assert entry.label in got, f"the signals read were {got}"


CHECKS = {
    "activity": _labels_of("activity_types"),
    "participant": _labels_of("participants"),
    "incident": _labels_of("incident_types"),
    "situation": _situation,
    "online": _online,
    "election": _election,
    "kind": _kind,
    "shorthand": _shorthand,
    "region_cues": _region_cue,
    "titles": _title,
    "signal": _signal,
}


def test_every_table_in_the_package_has_a_check():
    folder = resources.files("sejuk.nlp").joinpath("language")
    names = {p.name.removesuffix(".txt") for p in folder.iterdir() if p.name.endswith(".txt")}
    assert names == set(CHECKS)


ENTRIES = [e for name in CHECKS for e in phrases.entries(name)]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.where for e in ENTRIES])
def test_each_entry_gives_its_label_on_its_example(entry):
    CHECKS[entry.file.removesuffix(".txt")](entry)


def test_a_wrong_line_names_its_file_and_line():
    with pytest.raises(phrases.LanguageError, match=re.escape("broken.txt:1: expected 'label |")):
        phrases.parse("broken.txt", "sambang | menyambangi\n")
    with pytest.raises(phrases.LanguageError, match=r"broken.txt:2: missing \)"):
        phrases.parse("broken.txt", "# comment\nsambang | menyambangi (warga | Contoh.\n")


def test_a_leading_choice_of_words_is_one_entry_for_each():
    assert phrases.expand_head("(?:menggelar|mengadakan) rapat") == (
        "menggelar rapat",
        "mengadakan rapat",
    )
    assert phrases.expand_gaps("situasi <0-2 kata bukan: tidak> aman") == (
        r"situasi(?: (?!tidak\b)\w+){0,2} aman"
    )
