"""The tension of a desa is the sum of its named parts, each checked by hand."""

from __future__ import annotations

from sejuk.tension.score import Inputs, Weights, incident_points, level_of, tension

W = Weights(
    incident_types={"bentrokan": 10.0, "hoaks": 2.0},
    report_urgency={"darurat": 6.0, "biasa": 1.5},
    situation={"kondusif": 0.0, "waspada": 8.0, "rawan": 18.0},
)


def test_a_desa_with_no_data_has_its_baseline_only_and_says_so():
    t = tension(Inputs(ikp=50.0, ikp_source="IKP 2024"), W)
    assert t.baseline_only
    assert t.parts["baseline"].points == 10.0
    # The coverage gap is full: no activity known.
    assert t.parts["coverage"].points == W.coverage
    assert t.score == 10.0 + W.coverage
    assert "Tidak ada sinyal pemantauan media" in t.parts["media"].why
    assert t.parts["media"].points == 0


def test_a_clash_weighs_more_than_a_hoax_and_fades_by_half_each_half_life():
    clash = incident_points(((0, {"bentrokan": 1}, 0),), W)
    hoax = incident_points(((0, {"hoaks": 1}, 0),), W)
    older = incident_points(((14, {"bentrokan": 1}, 0),), W)
    assert clash == 10.0 and hoax == 2.0 and older == 5.0
    assert incident_points(((61, {"bentrokan": 1}, 0),), W) == 0  # outside the window


def test_neighbours_of_the_same_kecamatan_add_a_share():
    t = tension(Inputs(neighbour_points=10.0, last_activity_age=0), W)
    assert t.parts["incidents"].points == 2.0
    assert "desa tetangga" in t.parts["incidents"].why


def test_open_reports_weigh_by_urgency_and_more_when_overdue():
    t = tension(Inputs(open_reports={"darurat": 1, "biasa": 2}, overdue_reports=1), W)
    assert t.parts["reports"].points == 6 + 3 + W.report_overdue
    assert "1 melewati batas tanggapan" in t.parts["reports"].why


def test_a_reported_situation_fades_with_its_age():
    fresh = tension(Inputs(situation="rawan", situation_age=0), W).parts["situation"]
    half = tension(Inputs(situation="rawan", situation_age=15), W).parts["situation"]
    assert fresh.points == 18.0 and half.points == 9.0
    assert "Rawan" in fresh.why


def test_the_coverage_gap_grows_with_the_days_since_the_last_visit():
    assert tension(Inputs(last_activity_age=0), W).parts["coverage"].points == 0
    assert tension(Inputs(last_activity_age=30), W).parts["coverage"].points == 5.0


def test_the_election_calendar_counts_when_a_stage_is_near():
    t = tension(Inputs(stages=(("Pemungutan suara", 0), ("Putusan MK", 200))), W)
    assert t.parts["election"].points == W.election
    far = tension(Inputs(stages=(("Pemungutan suara", 200),)), W)
    assert far.parts["election"].points == 0


def test_levels_follow_the_thresholds():
    assert level_of(0, W) == "kurang_rawan"
    assert level_of(W.rawan_from, W) == "rawan"
    assert level_of(W.sangat_rawan_from, W) == "sangat_rawan"
