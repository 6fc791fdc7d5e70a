"""The operators' queue: the most pressing case on top, and a search by tracking code,
desa name and text."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from sejuk.accounts.access import viewer_for
from sejuk.reports import services
from sejuk.reports.models import Report
from tests.factories import file_report
from tests.personas import GERUNG_UTARA

pytestmark = pytest.mark.django_db


def received(report, *, minutes_ago):
    """Date a report back as if it had arrived ``minutes_ago``, deadline with it."""
    at = timezone.now() - timedelta(minutes=minutes_ago)
    due = at + (report.due_at - report.created_at)
    Report.objects.filter(pk=report.pk).update(created_at=at, due_at=due)


def codes_on_the_page(client, query=""):
    html = client.get(f"/laporan/?tampil=&{query}").content.decode()
    return re.findall(r'<span class="code">([0-9A-Z-]{14})</span>', html)


def test_overdue_first_then_darurat_before_segera_then_cases_in_hand_then_closed(client, world):
    operator = viewer_for(world.users["operator"])
    settled = file_report(category="hoaks", description="Kabar bohong di grup warga desa.")
    services.move(operator, settled.pk, services.Move(to="ditangani"))
    services.move(
        operator,
        settled.pk,
        services.Move(to="selesai", settlement="tidak_terbukti", agreement="Tidak terbukti."),
    )
    in_hand = file_report(category="bentrokan", description="Dua kelompok saling ejek di pasar.")
    services.move(operator, in_hand.pk, services.Move(to="ditangani"))
    segera = file_report(category="provokasi")  # segera: 4 hours
    received(segera, minutes_ago=30)
    darurat = file_report(category="bentrokan", description="Saling lempar batu di lapangan.")
    late = file_report(category="hoaks", description="Pesan berantai soal kotak suara.")
    received(late, minutes_ago=2 * 24 * 60)  # biasa, a day past its deadline
    expected = [late.code, darurat.code, segera.code, in_hand.code, settled.code]

    assert [r.code for r in services.queue(operator)] == expected
    client.force_login(world.users["operator"])
    assert codes_on_the_page(client) == expected
    api = client.get("/api/reports").json()["items"]
    assert [r["code"] for r in api] == expected


def test_search_finds_a_report_by_code_desa_name_and_words_of_its_text(client, world):
    leaflet = file_report(description="Selebaran hasutan ditempel di pos ronda dekat lapangan.")
    gerung = file_report(region=GERUNG_UTARA, description="Baliho calon dirobek orang tak dikenal.")
    file_report(category="hoaks", description="Kabar bohong tentang surat suara beredar.")
    client.force_login(world.users["operator"])
    typed_back = leaflet.code.lower().replace("-", " ")
    for query, found in (
        (typed_back, [leaflet.code]),
        (leaflet.code[5:9], [leaflet.code]),  # a part of the code, as read out
        ("gerung utara", [gerung.code]),
        ("pos ronda hasutan", [leaflet.code]),
        ("BALIHO", [gerung.code]),
        ("baliho sekotong", []),
    ):
        assert codes_on_the_page(client, f"q={query}") == found, query
    html = client.get("/laporan/?q=baliho").content.decode()
    assert 'name="q" value="baliho"' in html
