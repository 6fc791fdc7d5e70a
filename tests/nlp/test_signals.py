"""The media signals of a text: the words that raised each, a police appeal raising none,
a clarification marked, weight growing with the sentences that repeat a signal."""

from sejuk.nlp.signals import WEIGHTS, read_signals


def test_a_call_to_mobilise_is_read_with_its_words():
    reading = read_signals("Ayo geruduk kantor panitia pemilihan besok pagi, jangan takut.")
    (found,) = reading.signals
    assert found.kind == "pengerahan_massa"
    assert [e.text for e in found.evidence] == ["geruduk"]


def test_a_police_appeal_against_hoaxes_raises_no_signal():
    text = (
        "Kapolsek mengimbau warga agar tidak mudah terprovokasi hoaks dan menghindari "
        "politik uang menjelang pemungutan suara."
    )
    assert read_signals(text).signals == ()


def test_a_clarification_is_marked_and_is_no_signal_itself():
    reading = read_signals("Bawaslu meluruskan informasi soal kotak suara yang dibuka.")
    assert reading.signals == ()
    assert [e.text for e in reading.clarifies] == ["meluruskan"]


def test_each_further_sentence_adds_weight_up_to_twice_the_kind():
    one = read_signals("Seorang pria membagikan amplop kepada warga.").signals[0]
    many = read_signals(
        "Seorang pria membagikan amplop kepada warga. Ada serangan fajar di dusun itu. "
        "Tim sukses membagikan uang di pasar. Panwas menyebut politik uang terjadi lagi."
    ).signals[0]
    assert one.weight == WEIGHTS["politik_uang"]
    assert many.weight == 2 * WEIGHTS["politik_uang"]
    assert len(many.evidence) == 4
