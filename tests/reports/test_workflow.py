from datetime import timedelta

import pytest
from django.utils import timezone

from sejuk.accounts.access import OutsideArea, RoleDenied, viewer_for
from sejuk.accounts.models import AuditEvent
from sejuk.errors import Conflict, Invalid
from sejuk.reports import public, services
from sejuk.reports.models import Report
from sejuk.units.models import Unit
from tests.factories import file_report
from tests.personas import GERUNG_UTARA

pytestmark = pytest.mark.django_db


def v(world, persona):
    return viewer_for(world.users[persona])


def test_the_journey_verify_handle_settle_by_musyawarah(world):
    report = file_report()
    services.move(v(world, "operator"), report.pk, services.Move(to="diverifikasi"))
    services.move(v(world, "bhabin"), report.pk, services.Move(to="ditangani"))
    services.move(
        v(world, "bhabin"),
        report.pk,
        services.Move(
            to="selesai",
            settlement="musyawarah",
            parties="Kedua kelompok pemuda dusun",
            agreement="Sepakat menurunkan selebaran dan saling menjaga.",
            follow_up_on=timezone.now().date() + timedelta(days=7),
        ),
    )
    report.refresh_from_db()
    assert report.state == "selesai" and report.settled_at and report.first_response_at
    assert [e.to_state for e in report.events.all() if e.to_state] == [
        "baru",
        "diverifikasi",
        "ditangani",
        "selesai",
    ]
    seen = public.case(report.code)
    assert seen.state_label == "Selesai" and seen.settlement == "Musyawarah"


def test_an_illegal_move_is_refused_and_changes_nothing(world):
    report = file_report()
    with pytest.raises(Conflict, match="Langkah berikutnya"):
        services.move(v(world, "operator"), report.pk, services.Move(to="selesai"))
    report.refresh_from_db()
    assert report.state == "baru" and report.first_response_at is None


def test_settling_needs_a_method_the_parties_and_an_agreement(world):
    report = file_report()
    services.move(v(world, "operator"), report.pk, services.Move(to="ditangani"))
    with pytest.raises(Invalid) as caught:
        services.move(
            v(world, "operator"), report.pk, services.Move(to="selesai", settlement="musyawarah")
        )
    assert set(caught.value.fields) == {"parties", "agreement"}


def test_refusing_needs_a_reason_and_referring_a_destination(world):
    report = file_report()
    with pytest.raises(Invalid):
        services.move(v(world, "operator"), report.pk, services.Move(to="ditolak"))
    with pytest.raises(Invalid):
        services.move(
            v(world, "operator"), report.pk, services.Move(to="dirujuk", referred_to="dpr")
        )
    services.move(
        v(world, "operator"), report.pk, services.Move(to="dirujuk", referred_to="bawaslu")
    )
    assert Report.objects.get(pk=report.pk).referred_to == "bawaslu"


def test_triage_is_for_operators_handling_also_for_the_assigned_officer(world):
    report = file_report()
    with pytest.raises(RoleDenied):
        services.move(v(world, "bhabin"), report.pk, services.Move(to="diverifikasi"))
    with pytest.raises(RoleDenied):
        services.move(v(world, "pimpinan"), report.pk, services.Move(to="ditangani"))
    services.move(v(world, "bhabin"), report.pk, services.Move(to="ditangani"))


def test_a_bhabinkamtibmas_sees_their_desa_and_what_is_assigned_to_them(world):
    mine = file_report()
    gerung = file_report(region=GERUNG_UTARA)
    with pytest.raises(OutsideArea):
        services.get_report(v(world, "bhabin"), gerung.pk)
    services.assign(
        v(world, "operator"),
        gerung.pk,
        world.officers["sekotong"].unit_id,
        world.officers["sekotong"].pk,
    )
    assert services.get_report(v(world, "bhabin"), gerung.pk) == gerung
    assert {r.pk for r in services.queue(v(world, "bhabin"))} == {mine.pk, gerung.pk}
    assert not services.queue(v(world, "neighbour")).exists()


def test_assignment_stays_inside_the_operators_area(world):
    report = file_report()
    loteng = Unit.objects.get(name="Polres Lombok Tengah")
    with pytest.raises(Invalid):
        services.assign(v(world, "operator"), report.pk, loteng.pk)


def test_overdue_reports_show_in_the_queue_and_the_counts(world):
    late = file_report(category="bentrokan")
    Report.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(minutes=5))
    file_report(category="hoaks")
    op = v(world, "operator")
    assert [r.pk for r in services.queue(op, services.ReportFilter(view="terlambat"))] == [late.pk]
    assert services.counts(op)["terlambat"] == 1
    services.add_message(op, late.pk, "Petugas sedang menuju lokasi.")
    assert services.counts(op)["terlambat"] == 0  # a public answer is a first response


def test_likely_duplicates_are_suggested_and_merging_keeps_both(world):
    first = file_report(
        description="Ada selebaran berisi hasutan ditempel di pos ronda dekat lapangan."
    )
    second = file_report(description="Selebaran hasutan ditempel di pos ronda dekat lapangan bola.")
    file_report(region=GERUNG_UTARA, description="Selebaran hasutan di pos ronda.")
    op = v(world, "operator")
    suggested = services.similar(op, second.pk)
    assert [s.report.pk for s in suggested] == [first.pk]
    services.merge(op, second.pk, first.pk)
    second.refresh_from_db()
    assert second.state == "duplikat" and second.duplicate_of == first
    assert second.description.startswith("Selebaran")  # the text is kept
    assert first.events.filter(action="absorbed").exists()
    case = public.case(second.code)
    assert case.followed == first.code and case.state == "baru"


def test_viewing_the_reporters_identity_is_audited_and_role_limited(world):
    report = file_report(anonymous=False, name="Siti Aminah", phone="081234567890")
    identity = services.reveal_reporter(v(world, "operator"), report.pk)
    assert identity == {
        "name": "Siti Aminah",
        "phone": "+6281234567890",
        "anonymous": "",
        "original_text": "",
    }
    event = AuditEvent.objects.get(action="view_identity")
    assert event.actor == world.users["operator"] and event.object_id == str(report.pk)
    with pytest.raises(RoleDenied):
        services.reveal_reporter(v(world, "bhabin"), report.pk)
    with pytest.raises(OutsideArea):
        services.reveal_reporter(v(world, "neighbour"), report.pk)


def test_the_reporter_adds_information_by_code(world):
    report = file_report()
    public.add_information(report.code.lower(), "Selebaran serupa juga ada di masjid.")
    assert report.messages.get().from_reporter
    with pytest.raises(Invalid):
        public.add_information(report.code, " ")


def test_the_dashboard_counts_agree_with_the_queue_for_an_area_and_for_the_nation(world):
    from sejuk.reports.models import State
    from tests.personas import make_user

    late = file_report(category="bentrokan")
    Report.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(minutes=5))
    file_report(category="hoaks")
    done = file_report(category="provokasi")
    Report.objects.filter(pk=done.pk).update(state=State.SELESAI)
    outside = file_report(category="hoaks", region=GERUNG_UTARA)
    services.assign(
        v(world, "operator"), outside.pk, world.officers["sekotong"].unit_id,
        world.officers["sekotong"].pk,
    )  # fmt: skip
    nation = viewer_for(make_user("kapolri_uji", "Mabes Polri", "pimpinan"))
    for viewer in (v(world, "operator"), v(world, "bhabin"), v(world, "neighbour"), nation):
        qs = services.visible(viewer)
        assert services.counts(viewer) == {
            "baru": qs.filter(state=State.BARU).count(),
            "terlambat": services.overdue(qs).count(),
            "terbuka": qs.filter(state__in=services.OPEN_STATES).count(),
            "saya": qs.filter(assigned_officer_id=viewer.officer_id or 0)
            .exclude(state__in=(State.SELESAI, State.DITOLAK, State.DUPLIKAT))
            .count(),
        }, viewer.username
    assert services.counts(nation)["terlambat"] == 1
    assert services.counts(v(world, "bhabin"))["saya"] >= 1  # routed to their desa, or assigned
