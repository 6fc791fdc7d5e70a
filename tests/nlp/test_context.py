import re

from sejuk.nlp import context
from sejuk.nlp.document import Document


def at(doc, word):
    return next(i for i, t in enumerate(doc.tokens) if t.text == word)


def test_a_plan_or_a_wish_is_not_something_that_happened():
    doc = Document(
        "Polres akan menggelar patroli. Diharapkan warga tenang. Polsek menggelar sambang."
    )
    assert context.is_irrealis(doc, at(doc, "patroli"))
    assert context.is_irrealis(doc, at(doc, "tenang"))
    assert not context.is_irrealis(doc, at(doc, "sambang"))


def test_a_plan_holds_over_the_list_that_follows_it():
    doc = Document("Kami menyiapkan tiga langkah: pengawalan logistik, sambang, dan patroli malam.")
    assert context.is_irrealis(doc, at(doc, "patroli"))


def test_examples_of_ways_of_working_are_a_list_not_an_event():
    doc = Document(
        "Cara kerja polisi misalnya dialog, mediasi warga yang berselisih, dan sosialisasi."
    )
    assert context.in_example_list(doc, at(doc, "mediasi"))


def test_a_disturbance_named_in_a_warning_is_no_event():
    doc = Document(
        "Warga diimbau tidak mudah terprovokasi dan menghindari politik uang, hoaks dan "
        "ujaran kebencian."
    )
    assert context.is_warning(doc, at(doc, "ujaran"))
    event = Document("Massa pendukung terlibat bentrokan di depan kantor camat.")
    assert not context.is_warning(event, at(event, "bentrokan"))


def test_a_date_after_a_speaker_is_when_it_was_said():
    doc = Document("Semua terkendali, kata Kapolsek Lingsar, Jumat (20/12/2024).")
    assert context.is_attribution(doc, at(doc, "jumat"))


def test_words_before_stop_at_the_sentence():
    doc = Document("Apel selesai. Patroli berangkat")
    assert context.words_before(doc, at(doc, "berangkat"), 10) == ["patroli"]
    assert re.fullmatch(r"\w+", "patroli")
