import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_home_page_says_what_sejuk_is_and_links_to_what_exists(client):
    html = client.get("/").content.decode()
    assert "Cooling System" in html
    for link in ('href="/wilayah/"', 'href="/satuan/"', 'href="/api/docs"'):
        assert link in html
    assert "38 provinsi" in html and "7.285 kecamatan" in html and "83.762 desa" in html


def test_the_api_docs_load_without_any_cdn(client):
    html = client.get("/api/docs").content.decode()
    assert "cdn" not in html.lower()
    assert re.search(r'src="/static/ninja/swagger-ui-bundle(\.[0-9a-f]+)?\.js"', html)


def test_the_interface_is_indonesian_even_when_the_browser_asks_for_english(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "id"
    assert "Masuk" in response.content.decode()


def test_a_user_can_switch_to_english_and_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/admin/login/"})
    assert response.status_code == 302
    page = client.get("/admin/login/")
    assert page.headers["Content-Language"] == "en" and "Log in" in page.content.decode()
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert client.get("/admin/login/").headers["Content-Language"] == "id"


def test_a_signed_in_operator_sees_overdue_and_new_reports_first(client, world):
    from datetime import timedelta

    from django.utils import timezone

    from sejuk.reports.models import Report
    from tests.factories import file_report

    late = file_report(category="bentrokan")
    Report.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(minutes=1))
    file_report()
    client.force_login(world.users["operator"])
    html = client.get("/").content.decode()
    assert "<strong>1</strong> laporan terlambat ditanggapi" in html
    assert "<strong>2</strong> laporan baru" in html


def test_the_week_counter_counts_the_areas_activities_of_the_last_seven_days(client, world):
    from datetime import date, timedelta

    from tests.factories import log_activity
    from tests.personas import GERUNG_UTARA

    for back in (1, 3, 10):  # the last is older than a week
        log_activity(world.users["operator"], date=date.today() - timedelta(days=back))
    log_activity(world.users["operator"], region=GERUNG_UTARA)  # elsewhere in the area
    client.force_login(world.users["pimpinan"])
    html = client.get("/").content.decode()
    assert re.search(r"<strong>3</strong> kegiatan 7 hari terakhir", html)
