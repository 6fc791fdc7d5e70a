from sejuk.nlp.normalize import compact, fold, tokenize


def test_fold_drops_case_accents_and_punctuation():
    assert fold("Kab. Lombok-Barat") == "kab lombok barat"
    assert fold("  Désa   SEKOTONG\tBarat ") == "desa sekotong barat"


def test_fold_keeps_apostrophes_inside_words_as_one_word():
    assert fold("Ma'u dan Jum’at") == "mau dan jumat"


def test_compact_joins_words_so_word_breaks_do_not_matter():
    assert compact("Way Layap") == compact("Waylayap") == "waylayap"
    assert compact("Sei Rampah") == compact("SEIRAMPAH")


def test_tokenize_keeps_offsets_into_the_original_text():
    text = "Giat di Ds. Sekotong Barat"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["giat", "di", "ds", "sekotong", "barat"]
    assert text[tokens[3].start : tokens[4].end] == "Sekotong Barat"
