import pytest

from sejuk.nlp.document import Document
from sejuk.nlp.lexicon import Lexicon, each

LEX = Lexicon(
    {
        "sambang": (r"sambang\w*", r"menyambangi", r"silaturahmi"),
        "patroli_dialogis": (r"patroli dialogis",),
        "patroli": (r"patroli",),
        "tokoh": (r"tokoh masyarakat", r"pemuka (?:\w+ )?agama"),
        "tertib": each("berjalan berakhir", r" (?:dengan )?tertib"),
    }
)


def found(text):
    return [(code, m.text) for code, m in LEX.find(Document(text))]


def test_phrases_are_found_in_order_with_the_words_as_written():
    assert found("Tim Sambangi warga lalu Patroli Dialogis dgn Tomas") == [
        ("sambang", "Sambangi"),
        ("patroli_dialogis", "Patroli Dialogis"),
        ("tokoh", "Tomas"),
    ]


def test_the_longest_phrase_wins_and_matches_do_not_overlap():
    assert found("patroli dialogis") == [("patroli_dialogis", "patroli dialogis")]


def test_inflections_and_inner_words_follow_the_pattern():
    assert found("para pemuka lintas agama hadir") == [("tokoh", "pemuka lintas agama")]
    assert found("rapat berakhir dengan tertib") == [("tertib", "berakhir dengan tertib")]


def test_a_phrase_must_start_with_letters():
    with pytest.raises(ValueError):
        Lexicon({"x": (r"(?:a|b) c",)})


def test_words_in_skipped_lines_are_not_matched():
    assert found("Baca juga: patroli dialogis ke desa lain\nIsi berita") == []


def test_a_phrase_does_not_run_into_the_next_sentence():
    lex = Lexicon({"aman": (r"wilayah(?: \w+){0,5} aman", r"berjalan aman")})
    doc = Document("Warga menjaga wilayah kampung mereka. Acara berjalan aman.")
    assert [(code, m.text) for code, m in lex.find(doc)] == [("aman", "berjalan aman")]
