"""Times on the report pages are on the clocks of the place, with its zone: a case in
Lombok (WITA) received at 02:00 UTC reads 10.00 WITA, never 09.00 without a zone."""

from datetime import UTC, datetime

import pytest

from sejuk.reports.models import Report
from tests.factories import file_report

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 11, 26, 2, 0, tzinfo=UTC)


def test_the_queue_the_case_and_the_check_page_show_the_places_time_and_zone(client, world):
    report = file_report()
    Report.objects.filter(pk=report.pk).update(created_at=RECEIVED)
    client.force_login(world.users["operator"])
    for page in ("/laporan/?tampil=", f"/laporan/{report.pk}/"):
        html = client.get(page).content.decode()
        assert "26/11/2024 10.00 WITA" in html, page
        assert "09.00" not in html, page
    client.logout()
    html = client.post("/cek/", {"kode": report.code}).content.decode()
    assert "diterima 26/11/2024 10.00 WITA" in html
