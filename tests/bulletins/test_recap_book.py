"""The recap workbook: one sheet per unit below, totals per type and week, coverage,
charts; the same numbers as the recap page."""

import io
import re
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from sejuk.accounts.access import OutsideArea, RoleDenied, viewer_for
from sejuk.bulletins import services
from sejuk.errors import Invalid
from sejuk.units.models import Unit
from tests.factories import log_activity
from tests.personas import GERUNG_UTARA

pytestmark = pytest.mark.django_db


def rows(sheet):
    return [[c for c in row] for row in sheet.iter_rows(values_only=True)]


def test_the_recap_has_a_sheet_per_unit_below_and_the_pages_numbers(client, world):
    end = date.today() - timedelta(days=1)
    start = end - timedelta(days=13)
    gerung = Unit.objects.get(name="Polsek Gerung").pk
    log_activity(world.users["bhabin"], date=end, types=["patroli_dialogis", "sambang"])
    log_activity(world.users["bhabin"], date=end - timedelta(days=8), types=["sambang"])
    log_activity(
        world.users["operator"], date=end, region=GERUNG_UTARA, types=["mediasi"], unit_id=gerung
    )
    log_activity(world.users["bhabin"], date=start - timedelta(days=1))  # before the period
    polres = Unit.objects.get(name="Polres Lombok Barat")
    file = services.recap_file(viewer_for(world.users["humas"]), polres.pk, start, end)
    assert file.name == f"rekap-cooling-system-polres-lombok-barat-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"
    book = load_workbook(io.BytesIO(file.content))
    polseks = sorted(u.name for u in Unit.objects.filter(parent=polres, active=True))
    assert book.sheetnames == ["Ringkasan", *polseks, "Grafik"]

    summary = rows(book["Ringkasan"])
    header = next(r for r in summary if r[0] == "Satuan" and r[-1] == "Jumlah kegiatan")
    total = next(r for r in summary if r[0] == "Jumlah")
    counts = dict(zip(header[1:], total[1:], strict=True))
    assert counts == {
        "Patroli dialogis": 1,
        "Sambang / silaturahmi": 2,
        "Mediasi / problem solving": 1,
        "Jumlah kegiatan": 3,
    }

    client.force_login(world.users["operator"])
    page = client.get(f"/kegiatan/rekap/?satuan={polres.pk}&dari={start}&sampai={end}&hari=14")
    html = page.content.decode()
    foot = re.search(r"<tfoot><tr><th>Jumlah</th>(.*?)</tr></tfoot>", html, re.S).group(1)
    assert [int(n) for n in re.findall(r"<th>(\d+)</th>", foot)] == list(counts.values())
    reached, of = re.search(r"<strong>(\d+)</strong> dari (\d+) desa", html).groups()
    cover = next(r for r in summary if r[0] == "Polres Lombok Barat" and isinstance(r[1], int))
    assert cover[1:3] == [int(reached), int(of)]

    weeks = [r for r in summary if r[0] and re.fullmatch(r"\d\d/\d\d/\d{4}", str(r[0]))]
    assert sum(r[2] for r in weeks) == 3

    sekotong = rows(book["Polsek Sekotong"])
    assert sekotong[1][0] == "Polsek Sekotong"
    listed = [r for r in sekotong if r[5] == "52.01.07.2002"]
    assert len(listed) == 2  # its two activities of the period, in the activity list
    assert len(book["Grafik"]._charts) == 2


def test_the_recap_is_under_the_area_rule_and_refuses_a_bad_period(world):
    polres = Unit.objects.get(name="Polres Lombok Barat").pk
    with pytest.raises(RoleDenied):
        services.recap_file(viewer_for(world.users["bhabin"]), polres, None, None)
    with pytest.raises(OutsideArea):
        services.recap_file(viewer_for(world.users["neighbour"]), polres, None, None)
    with pytest.raises(Invalid):
        services.recap_file(
            viewer_for(world.users["humas"]), polres, date(2024, 12, 8), date(2024, 12, 1)
        )
