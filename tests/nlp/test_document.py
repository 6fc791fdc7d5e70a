import re

from sejuk.nlp.document import Document

RELEASE = """URL: https://berita.example/2024/12/10/patroli
Polsek Sekotong Sambangi Nelayan Desa Pelangan
Baca juga: Polres Lombok Barat Raih Penghargaan
Kapolsek Gerung, AKP I Made S.H., memimpin patroli. Kegiatan berjalan lancar.
Personel menyapa warga di Kec. Sekotong pukul 20.15 Wita."""


def test_lines_are_told_apart_by_their_role():
    doc = Document(RELEASE)
    assert [role for _, _, role in doc.lines] == ["url", "headline", "skip", "body", "body"]
    assert doc.url == "https://berita.example/2024/12/10/patroli"


def test_abbreviations_times_and_initials_do_not_end_a_sentence():
    doc = Document(RELEASE)
    body = [doc.text[s.start : s.end] for s in doc.sentences if s.role == "body"]
    assert body == [
        "Kapolsek Gerung, AKP I Made S.H., memimpin patroli",
        "Kegiatan berjalan lancar",
        "Personel menyapa warga di Kec. Sekotong pukul 20.15 Wita",
    ]


def test_words_of_links_and_addresses_are_skipped():
    doc = Document(RELEASE)
    link = next(i for i, t in enumerate(doc.tokens) if t.text == "penghargaan")
    assert doc.is_skipped(link)
    assert not doc.is_skipped(next(i for i, t in enumerate(doc.tokens) if t.text == "menyapa"))


def test_a_photo_of_another_event_is_skipped():
    doc = Document("Ilustrasi - Kapolres berfoto bersama panitia (ANTARA/HO)\nIsi berita.")
    assert doc.lines[0][2] == "skip"


def test_a_clause_ends_at_a_comma():
    doc = Document("Setelah apel, personel berangkat patroli")
    patrol = len(doc.tokens) - 1
    assert doc.clause_start(patrol) == 2


def test_capitals_mean_names_only_inside_a_sentence_of_ordinary_case():
    doc = Document("Warga Baru datang. Petugas menemui warga Baru di pos.\nPATROLI DI PASAR BARU")
    tokens = [t.text for t in doc.tokens]
    assert not doc.capital_means_name(0)  # first word of a sentence
    assert doc.capital_means_name(tokens.index("baru", 4))
    assert not doc.capital_means_name(len(tokens) - 1)  # a line in capitals


def test_find_maps_a_match_back_to_the_words_as_written():
    doc = Document("Giat SAMBANG dgn Tomas")
    (m,) = doc.find(re.compile(r"\bsambang dengan tokoh masyarakat\b"))
    assert m.text == "SAMBANG dgn Tomas"
    assert (m.first, m.last) == (1, 4)


def test_exclamation_and_question_marks_end_sentences():
    doc = Document("Warga tenang! Apakah aman? Ya, aman.")
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "Warga tenang",
        "Apakah aman",
        "Ya, aman",
    ]
