from sejuk.nlp.common_words import all_common, is_common_word, is_word_form


def test_ordinary_words_and_their_derived_forms_are_common():
    for word in ("aman", "pasar", "baru", "puluhan", "bersama", "tengah"):
        assert is_common_word(word), word


def test_place_names_that_are_no_words_are_not_common():
    for word in ("sekotong", "tuapukan", "sidoarjo"):
        assert not is_common_word(word), word


def test_a_name_is_common_only_when_every_word_is():
    assert all_common(["pasar", "baru"])
    assert not all_common(["sekotong", "barat"])


def test_a_nasal_prefix_that_swallowed_the_roots_first_letter_is_undone():
    for word in ("memantau", "menanam", "mengirim", "menyapa", "penanaman"):
        assert is_word_form(word), word
    assert not is_word_form("sekotong")
