from sejuk.nlp.document import Document
from sejuk.nlp.shorthand import SHORTHAND, expand


def test_field_report_shorthand_is_spelled_out():
    assert expand("yg") == "yang"
    assert expand("dgn") == "dengan"
    assert expand("giat") == "kegiatan"
    assert expand("bhabin") == "bhabinkamtibmas"
    assert expand("tomas") == "tokoh masyarakat"
    assert expand("toga") == "tokoh agama"
    assert expand("todat") == "tokoh adat"
    assert expand("kades") == "kepala desa"
    assert expand("pam") == "pengamanan"
    assert expand("lok") == "lokasi"
    assert expand("dsb") == "dan sebagainya"


def test_an_ordinary_word_stays_as_it_is():
    assert expand("patroli") == "patroli"


def test_the_table_is_folded_words_only():
    for short, full in SHORTHAND.items():
        assert short == short.lower() and " " not in short and full == full.lower()


def test_expanded_words_keep_the_offsets_of_what_was_typed():
    doc = Document("giat dgn tomas di lok")
    assert doc.norm == "kegiatan dengan tokoh masyarakat di lokasi"
    (match,) = doc.find(__import__("re").compile(r"\btokoh masyarakat\b"))
    assert match.text == "tomas"


def test_a_word_doubled_with_a_2_is_read_as_doubled():
    doc = Document("Menyampaikan pesan2 kamtibmas soal isu2 di TPS 2 tahun 2024")
    assert doc.norm == "menyampaikan pesan pesan kamtibmas soal isu isu di tps 2 tahun 2024"
