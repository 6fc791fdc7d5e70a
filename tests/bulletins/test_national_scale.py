"""The daily situation report and the recap of a Polda or of the nation: a summary per
unit below, the first rows of every long list with how many there are in all and where
the rest is, and never a record per desa or per activity of the whole area."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from sejuk.accounts.access import OutsideArea, viewer_for
from sejuk.activities import recap
from sejuk.bulletins import daily, services, workbook
from sejuk.bulletins.daily import daily_report
from sejuk.reports.models import Report
from sejuk.units.models import Unit, UnitLevel
from tests.factories import file_report, log_activity
from tests.personas import GERUNG_UTARA, make_user

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_a_national_commander_gets_the_nations_report_per_polda(world):
    day = date.today() - timedelta(days=1)
    log_activity(world.users["bhabin"], date=day, types=["sambang"])
    mabes = Unit.objects.get(level=UnitLevel.MABES)
    kapolri = viewer_for(make_user("pimpinan_mabes", mabes.name, "pimpinan"))
    assert services.report_units(kapolri)[0] == mabes  # offered first on the page
    report = daily_report(kapolri, mabes.pk, day)
    assert report.activities.total == 1
    rows = {row.unit.name: row.total for row in report.activities.rows}
    assert rows["Polda Nusa Tenggara Barat"] == 1
    assert all(Unit.objects.get(name=n).level == UnitLevel.POLDA for n in rows)
    assert report.reached_today == 1
    assert report.coverage.total == recap.Region.objects.filter(level=4).count()
    assert len(report.coverage.never) == daily.NAMES_SHOWN < report.coverage.never_count
    text = pdf_text(services.daily_file(kapolri, mabes.pk, day, "pdf").content)
    assert "Polda Nusa Tenggara Barat" in text and "lainnya" in text

    book = load_workbook(io.BytesIO(services.recap_file(kapolri, mabes.pk, None, None).content))
    ntb = [r for r in book["Polda Nusa Tenggara Barat"].iter_rows(values_only=True)]
    total = next(r for r in ntb if r[0] == "Jumlah")
    assert [v for v in total if v is not None][-1] == 1  # its count, from the daily figures
    assert any(r[0] == workbook.NOT_LISTED for r in ntb)
    assert not any(r[5] == "52.01.07.2002" for r in ntb if len(r) > 5)  # no activity rows


def test_the_nation_is_refused_to_a_polda_commander(world):
    mabes = Unit.objects.get(level=UnitLevel.MABES)
    ntb = viewer_for(make_user("pimpinan_ntb", "Polda Nusa Tenggara Barat", "pimpinan"))
    assert mabes not in services.report_units(ntb)
    with pytest.raises(OutsideArea):
        daily_report(ntb, mabes.pk, date.today())
    with pytest.raises(OutsideArea):
        services.recap_file(ntb, mabes.pk, None, None)


def test_a_long_overdue_list_shows_its_first_rows_the_whole_count_and_where_the_rest_is(
    world, monkeypatch
):
    monkeypatch.setattr(daily, "LISTED", 2)
    late = [file_report(region=GERUNG_UTARA) for _ in range(3)]
    Report.objects.filter(pk__in=[r.pk for r in late]).update(
        due_at=timezone.now() - timedelta(hours=1)
    )
    polres = Unit.objects.get(name="Polres Lombok Barat")
    pimpinan = viewer_for(world.users["pimpinan"])
    report = daily_report(pimpinan, polres.pk, date.today())
    assert len(report.overdue) == 2 and report.total("overdue") == 3
    assert report.figures()["reports_overdue"] == 3
    text = pdf_text(services.daily_file(pimpinan, polres.pk, date.today(), "pdf").content)
    assert "Terlambat ditanggapi (per" in text and ": 3 laporan" in text
    assert "Ditampilkan 2 pertama dari 3; 1 lainnya" in text
    assert "Laporan masyarakat" in text


def test_coverage_names_only_the_first_desa_and_counts_them_all(world):
    log_activity(world.users["bhabin"], date=date.today() - timedelta(days=40))
    sekotong = Unit.objects.get(name="Polsek Sekotong")
    operator = viewer_for(world.users["operator"])
    whole = recap.coverage(operator, sekotong.pk, days=30)
    named = recap.coverage(operator, sekotong.pk, days=30, listed=3)
    assert (named.total, named.reached) == (whole.total, whole.reached) == (9, 0)
    assert named.never_count == whole.never_count == len(whole.never) == 8
    assert [r.code for r in named.never] == [r.code for r in whole.never[:3]]
    assert named.stale_count == 1 and [r.code for r, _ in named.stale] == ["52.01.07.2002"]
    assert recap.coverage(operator, sekotong.pk, days=30, listed=0).never == []


def test_a_units_sheet_lists_its_newest_activities_and_says_how_many_more(world, monkeypatch):
    monkeypatch.setattr(workbook, "LISTED_ACTIVITIES", 1)
    end = date.today() - timedelta(days=1)
    for back in (0, 2, 4):
        log_activity(world.users["bhabin"], date=end - timedelta(days=back))
    polres = Unit.objects.get(name="Polres Lombok Barat")
    file = services.recap_file(viewer_for(world.users["humas"]), polres.pk, None, end)
    sheet = load_workbook(io.BytesIO(file.content))["Polsek Sekotong"]
    rows = [r for r in sheet.iter_rows(values_only=True)]
    listed = [r for r in rows if r[5] == "52.01.07.2002"]
    assert len(listed) == 1 and listed[0][1] == end.strftime("%d/%m/%Y")
    assert any(r[0] and str(r[0]).startswith("Ditampilkan 1 kegiatan terbaru dari 3") for r in rows)
