import inspect

from sejuk.nlp import pipeline
from sejuk.nlp.document import Document
from sejuk.nlp.gazetteer import default_gazetteer


def test_the_registry_names_each_step_once_and_every_step_is_a_function_of_the_draft():
    names = [name for name, _ in pipeline.STEPS]
    assert len(names) == len(set(names))
    for _, step in pipeline.STEPS:
        assert list(inspect.signature(step).parameters) == ["d"]


def test_steps_run_in_order_and_fill_the_draft():
    draft = pipeline.Draft(
        Document("Polsek Gerung menyambangi warga di Desa Gerung Utara."),
        default_gazetteer(),
        None,
        (),
    )
    for _, step in pipeline.STEPS:
        step(draft)
    assert draft.unit is not None and draft.unit.name == "Polsek Gerung"
    assert draft.place is not None and draft.place.code == "52.01.01.1001"
    assert draft.kind.value == "activity"


def test_the_unit_is_chosen_before_the_place_that_it_supports():
    order = [name for name, _ in pipeline.STEPS]
    assert order.index("satuan") < order.index("lokasi") < order.index("tanggal")
