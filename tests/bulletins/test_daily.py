"""The daily situation report: its numbers are the pages' numbers, its day is the day of
the place, and "worsened" means what the report says it means."""

import io
import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from sejuk import dates
from sejuk.accounts.access import OutsideArea, RoleDenied, viewer_for
from sejuk.accounts.workplace import today_for
from sejuk.bulletins import services
from sejuk.bulletins.daily import daily_report
from sejuk.errors import Invalid
from sejuk.incidents.services import IncidentInput
from sejuk.links import services as links
from sejuk.regions.models import Region
from sejuk.reports import services as reports
from sejuk.reports.models import Report
from sejuk.units.models import Unit
from tests.factories import file_report, log_activity
from tests.personas import GERUNG_UTARA, LOTENG_DESA, SEKOTONG_BARAT, make_user

pytestmark = pytest.mark.django_db


def at(day: date, hour: int, zone: str = "WITA") -> datetime:
    return dates.day_bounds(day, zone)[0] + timedelta(hours=hour)


def received_on(report: Report, moment: datetime, **fields) -> Report:
    Report.objects.filter(pk=report.pk).update(created_at=moment, **fields)
    return Report.objects.get(pk=report.pk)


def a_day_of_work(world, day: date) -> dict[str, Report]:
    """Activities and reports of Polres Lombok Barat on one day, and some around it."""
    gerung = Unit.objects.get(name="Polsek Gerung").pk
    log_activity(world.users["bhabin"], date=day, types=["patroli_dialogis", "sambang"])
    log_activity(world.users["bhabin"], date=day, types=["sambang"], start_time=time(20, 0))
    log_activity(
        world.users["operator"], date=day, region=GERUNG_UTARA, types=["penyuluhan"], unit_id=gerung
    )
    log_activity(world.users["bhabin"], date=day - timedelta(days=1))
    log_activity(world.users["neighbour"], date=day, region=LOTENG_DESA)  # another Polres
    operator = viewer_for(world.users["operator"])
    settled = received_on(file_report(), at(day, 8))
    reports.move(operator, settled.pk, reports.Move(to="ditangani"))
    reports.move(
        operator,
        settled.pk,
        reports.Move(
            to="selesai", settlement="musyawarah", parties="Dua warga", agreement="Sepakat damai"
        ),
    )
    Report.objects.filter(pk=settled.pk).update(settled_at=at(day, 15))
    late = received_on(file_report(region=GERUNG_UTARA), at(day, 9), due_at=at(day, 10))
    answered = received_on(file_report(), at(day, 11), due_at=at(day, 12))
    Report.objects.filter(pk=answered.pk).update(first_response_at=at(day, 11, "WITA"))
    received_on(file_report(), at(day - timedelta(days=1), 9))
    received_on(file_report(region=LOTENG_DESA), at(day, 9))  # another Polres
    _, incident = links.record_incident(
        operator, late.pk, IncidentInput(types=["provokasi"], injured=1)
    )
    incident.occurred_at = at(day, 9)
    incident.save()
    return {"settled": settled, "late": late, "answered": answered}


def page_numbers(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_report_counts_what_the_recap_and_report_pages_show_for_that_day(client, world):
    day = date.today() - timedelta(days=3)
    made = a_day_of_work(world, day)
    polres = Unit.objects.get(name="Polres Lombok Barat")
    report = daily_report(viewer_for(world.users["humas"]), polres.pk, day)

    client.force_login(world.users["operator"])
    recap_page = page_numbers(
        client, f"/kegiatan/rekap/?satuan={polres.pk}&dari={day}&sampai={day}&hari=30"
    )
    foot = re.search(r"<tfoot><tr><th>Jumlah</th>(.*?)</tr></tfoot>", recap_page, re.S).group(1)
    shown = [int(n) for n in re.findall(r"<th>(\d+)</th>", foot)]
    expected = [report.activities.totals[c] for c, _ in report.activities.types]
    assert shown == [*expected, report.activities.total]
    assert report.activities.total == 3  # the day's three, not the day before, not next door
    reached, total = map(
        int, re.search(r"<strong>(\d+)</strong> dari (\d+) desa/kelurahan", recap_page).groups()
    )
    assert (reached, total) == (report.coverage.reached, report.coverage.total)

    def listed(query: str) -> int:
        html = page_numbers(client, f"/laporan/?tampil=&{query}")
        return int(re.search(r'id="jumlah"><strong>(\d+)</strong>', html).group(1))

    assert listed(f"dari={day}&sampai={day}") == len(report.received) == 3
    assert listed(f"selesai_dari={day}&selesai_sampai={day}") == len(report.settled) == 1
    # Overdue at the end of that day: unanswered past its deadline (answered in time is not).
    assert [r.pk for r in report.overdue] == [made["late"].pk] and report.day_over
    assert len(report.incidents) == 1 and report.reached_today == 2

    # The same numbers in the PDF's summary table.
    pdf = services.daily_file(viewer_for(world.users["humas"]), polres.pk, day, "pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "LAPORAN SITUASI HARIAN" in text and dates.full_date(day) in text
    assert re.search(r"Kegiatan Cooling System\s+3\b", text)
    assert re.search(r"Laporan masyarakat diterima\s+3\b", text)
    assert re.search(r"Laporan masyarakat diselesaikan\s+1\b", text)
    assert re.search(rf"dalam 30 hari\s+{reached} dari {total}", text)


def test_todays_overdue_count_is_the_queues_terlambat_tab(client, world):
    today = today_for(viewer_for(world.users["operator"]))
    waiting = file_report()
    Report.objects.filter(pk=waiting.pk).update(due_at=timezone.now() - timedelta(minutes=5))
    polres = Unit.objects.get(name="Polres Lombok Barat")
    report = daily_report(viewer_for(world.users["pimpinan"]), polres.pk, today)
    client.force_login(world.users["operator"])
    html = page_numbers(client, "/laporan/")
    tab = int(re.search(r"Terlambat \((\d+)\)", html).group(1))
    assert len(report.overdue) == tab == 1 and not report.day_over


def test_the_docx_says_what_the_pdf_says(world):
    day = date.today() - timedelta(days=3)
    a_day_of_work(world, day)
    humas = viewer_for(world.users["humas"])
    polres = Unit.objects.get(name="Polres Lombok Barat").pk
    docx = services.daily_file(humas, polres, day, "docx")
    document = Document(io.BytesIO(docx.content))
    cells = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert cells["Kegiatan Cooling System"] == "3"
    assert cells["Laporan masyarakat diterima"] == "3"
    assert len(document.inline_shapes) == 2  # the two charts
    assert docx.name == f"lapsit-harian-polres-lombok-barat-{day:%Y%m%d}.docx"


def test_a_day_in_papua_is_the_day_in_papua(world):
    """23.30 WIT on the 8th is 14.30 UTC on the 8th; 00.30 WIT on the 9th is still the 8th
    in UTC and in Jakarta, but the 9th in Jayapura."""
    papua = make_user("op_jayapura", "Polresta Jayapura Kota", "operator")
    unit = Unit.objects.get(name="Polresta Jayapura Kota")
    kelurahan = Region.objects.filter(code__startswith="91.71.", level=4).order_by("code").first()
    log_activity(papua, region=kelurahan.code, date=date(2024, 12, 8), start_time=time(23, 30))
    late = received_on(
        file_report(region=kelurahan.code), datetime(2024, 12, 8, 14, 30, tzinfo=UTC)
    )
    after = received_on(
        file_report(region=kelurahan.code), datetime(2024, 12, 8, 15, 30, tzinfo=UTC)
    )
    viewer = viewer_for(papua)
    eighth = daily_report(viewer, unit.pk, date(2024, 12, 8))
    ninth = daily_report(viewer, unit.pk, date(2024, 12, 9))
    assert eighth.zone == "WIT" and eighth.activities.total == 1
    assert [r.pk for r in eighth.received] == [late.pk]
    assert [r.pk for r in ninth.received] == [after.pk] and ninth.activities.total == 0
    assert eighth.trend.days[-1] == (date(2024, 12, 8), 1)


def test_a_desa_worsened_when_its_latest_situation_is_worse_than_the_week_before(world):
    day = date.today() - timedelta(days=1)
    bhabin, operator = world.users["bhabin"], world.users["operator"]
    gerung = Unit.objects.get(name="Polsek Gerung").pk
    log_activity(bhabin, date=day - timedelta(days=10), situation="kondusif")
    log_activity(bhabin, date=day - timedelta(days=2), situation="waspada")
    # Gerung Utara got better: not worsened.
    for back, situation in ((9, "rawan"), (1, "kondusif")):
        log_activity(
            operator,
            date=day - timedelta(days=back),
            region=GERUNG_UTARA,
            unit_id=gerung,
            situation=situation,
        )
    polres = Unit.objects.get(name="Polres Lombok Barat")
    report = daily_report(viewer_for(world.users["pimpinan"]), polres.pk, day)
    assert [(w.region.code, w.before, w.after) for w in report.worsened] == [
        (SEKOTONG_BARAT, "Kondusif", "Waspada")
    ]
    assert report.worsened[0].kecamatan == "Sekotong"
    assert report.figures()["worsened"] == 1


def test_a_report_is_refused_for_a_future_day_another_area_or_a_role_without_bulletins(world):
    polres = Unit.objects.get(name="Polres Lombok Barat")
    humas = viewer_for(world.users["humas"])
    with pytest.raises(Invalid):
        daily_report(humas, polres.pk, date.today() + timedelta(days=2))
    with pytest.raises(OutsideArea):
        daily_report(humas, Unit.objects.get(name="Polres Lombok Tengah").pk, date.today())
    with pytest.raises(RoleDenied):
        daily_report(viewer_for(world.users["bhabin"]), polres.pk, date.today())
    # A Polsek below is inside the area; the report covers only that Polsek.
    log_activity(world.users["bhabin"])
    sekotong = Unit.objects.get(name="Polsek Sekotong")
    small = daily_report(humas, sekotong.pk, date.today() - timedelta(days=1))
    assert small.activities.total == 1 and small.coverage.total == 9


def test_the_report_lists_the_days_confirmed_media_signals_of_its_area(world):
    from sejuk.media import intake
    from sejuk.media import services as media
    from sejuk.media.models import Channel
    from sejuk.media.reading import Incoming

    day = date(2024, 12, 8)
    operator = viewer_for(world.users["operator"])
    texts = {
        "own": "Ayo geruduk kantor camat, tulis akun itu kepada warga Desa Sekotong Barat, "
        "Kecamatan Sekotong, Lombok Barat pada Minggu (8/12/2024).",
        "unconfirmed": "Beredar hoaks kotak suara dibuka di Kelurahan Gerung Utara, Kecamatan "
        "Gerung, Lombok Barat pada Minggu (8/12/2024).",
        "other_day": "Seorang pria membagikan amplop di Desa Sekotong Barat, Kecamatan "
        "Sekotong, Lombok Barat pada Sabtu (7/12/2024).",
    }
    stories = {}
    for name, text in texts.items():
        incoming = Incoming(text=text, channel=Channel.PASTE, published_at=at(day, 10))
        stories[name] = intake.take_in(incoming).story
    for name in ("own", "other_day"):
        signal = stories[name].signals.get()
        media.review_signal(operator, stories[name].pk, signal.pk, "benar")
    polres = Unit.objects.get(name="Polres Lombok Barat").pk
    report = daily_report(viewer_for(world.users["pimpinan"]), polres, day)
    assert [s.story_id for s in report.media_signals] == [stories["own"].pk]
    assert report.figures()["media_signals"] == 1
    text = "".join(
        p.extract_text()
        for p in PdfReader(
            io.BytesIO(services.daily_file(operator, polres, day, "pdf").content)
        ).pages
    )
    assert "Sinyal media terkonfirmasi" in text and "geruduk" in text
    neighbour = Unit.objects.get(name="Polres Lombok Tengah").pk
    assert daily_report(viewer_for(world.users["neighbour"]), neighbour, day).media_signals == []
