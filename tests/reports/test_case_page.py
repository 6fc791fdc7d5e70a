"""The case page an operator works on: it stays small at Polda and national scope, the
assign list is searched on the server (the desa's Bhabinkamtibmas on top), the step form
preselects no step, and every step says what it did and what comes next."""

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sejuk.accounts.access import viewer_for
from sejuk.regions.models import Region
from sejuk.reports import services
from sejuk.reports.models import Report
from sejuk.units.models import Officer, Unit
from tests.factories import file_report, superuser
from tests.personas import make_user

pytestmark = pytest.mark.django_db
DUE = datetime(2030, 12, 9, 2, 0, tzinfo=UTC)  # Monday 9 December 2030, 10.00 WITA
QUERY_BUDGET = 17  # the signed-in viewer (8), the case, its lists and the assign choices


def officers_across(polda: str, count: int, start: int = 0) -> None:
    """``count`` Bhabinkamtibmas spread over the Polsek of a Polda, one desa each."""
    polsek = list(Unit.objects.filter(level="polsek", parent__parent__name=polda).order_by("pk"))
    desa = Region.objects.filter(level=4, code__startswith="52.").order_by("code")
    for i in range(start, start + count):
        officer = Officer.objects.create(
            name=f"Petugas {i:03d}", rank="Bripka", unit=polsek[i % len(polsek)]
        )
        officer.villages.set([desa[i].code])


def measured(client, user, url):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(response.content), len(queries)


def test_the_case_page_stays_small_at_polda_and_national_scope(client, world):
    polda = "Polda Nusa Tenggara Barat"
    report = file_report()
    url = f"/laporan/{report.pk}/"
    people = {
        "polda": make_user("admin_ntb", polda, "admin"),
        "mabes": make_user("admin_mabes", "Mabes Polri", "admin"),
        "superuser": superuser(),
    }
    officers_across(polda, 10)
    before = {who: measured(client, user, url) for who, user in people.items()}
    officers_across(polda, 80, start=10)
    after = {who: measured(client, user, url) for who, user in people.items()}
    for who in people:
        size, queries = after[who]
        assert size < 20_000, who  # the whole country's units were 390 KB
        assert queries <= QUERY_BUDGET, who
        assert queries == before[who][1], who  # more officers, no more queries


@pytest.fixture
def area(world):
    """Beside the personas' Andi (Bhabinkamtibmas of Sekotong Barat) and Budi (Gerung):
    a Polsek Sekotong officer with no desa, and an officer of Lombok Tengah."""
    Officer.objects.create(
        name="Citra", rank="Briptu", unit=Unit.objects.get(name="Polsek Sekotong")
    )
    Officer.objects.create(
        name="Dedi", rank="Bripka", unit=Unit.objects.get(name="Polres Lombok Tengah")
    )
    return world


def options(html):
    select = re.search(r'<select name="to" id="assignees".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([ou]:\d+)">([^<]+)</option>', select)


def test_assigning_offers_the_desas_bhabinkamtibmas_first_and_searches_the_area(client, area):
    report = file_report()
    client.force_login(area.users["operator"])
    page = client.get(f"/laporan/{report.pk}/").content.decode()
    offered = options(page)
    assert offered[0][1] == "Bripka Andi — Polsek Sekotong · Bhabinkamtibmas desa ini"
    labels = [label for _, label in offered]
    assert "Briptu Citra — Polsek Sekotong" in labels
    assert labels[-2:] == ["Polsek Sekotong", "Polres Lombok Barat"]
    assert not any("Budi" in label or "Dedi" in label for label in labels)

    found = client.get(f"/laporan/{report.pk}/tugaskan/cari/?q=budi").content.decode()
    assert re.findall(r">([^<]+)</option>", found)[1:] == ["Brigpol Budi — Polsek Gerung"]
    for outside in ("dedi", "lombok tengah"):
        answer = client.get(f"/laporan/{report.pk}/tugaskan/cari/?q={outside}").content.decode()
        assert "Tidak ada yang cocok" in answer, outside
    without_script = client.get(f"/laporan/{report.pk}/?cari=gerung").content.decode()
    budi = Officer.objects.get(name="Budi")
    assert (f"o:{budi.pk}", "Brigpol Budi — Polsek Gerung") in options(without_script)

    Report.objects.filter(pk=report.pk).update(due_at=DUE)
    done = client.post(f"/laporan/{report.pk}/tugaskan/", {"to": f"o:{budi.pk}"}, follow=True)
    assert (
        f"Laporan {report.code} ditugaskan kepada Brigpol Budi (Polsek Gerung). "
        "Batas tanggapan pertama: Senin (9/12/2030) 10.00 WITA."
    ) in done.content.decode()


def step_options(html):
    select = re.search(r'<select name="to" required>.*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="(\w*)"( selected)?>', select)


def test_the_step_form_preselects_no_step_and_offers_the_usual_one_first(client, world):
    report = file_report()
    client.force_login(world.users["operator"])
    offered = step_options(client.get(f"/laporan/{report.pk}/").content.decode())
    assert offered[0] == ("", " selected") and all(not chosen for _, chosen in offered[1:])
    assert [value for value, _ in offered[1:]] == [
        "diverifikasi",
        "ditangani",
        "dirujuk",
        "ditolak",
    ]
    client.force_login(world.users["bhabin"])  # handles and settles, does not triage
    offered = step_options(client.get(f"/laporan/{report.pk}/").content.decode())
    assert [value for value, _ in offered] == ["", "ditangani"]


def said(response):
    return re.findall(r'<ul class="messages"><li class="(\w+)">([^<]+)</li>', response)[0]


def test_every_step_says_what_happened_and_what_comes_next(client, world):
    report = file_report()
    other = file_report(description="Selebaran hasutan serupa di pos ronda dekat lapangan.")
    code = report.code
    client.force_login(world.users["operator"])
    base = f"/laporan/{report.pk}"

    def step(url, data, who="operator"):
        client.force_login(world.users[who])
        return said(client.post(f"{base}/{url}/", data, follow=True).content.decode())

    assert step("langkah", {"to": "diverifikasi"}) == (
        "success",
        f"Laporan {code} diverifikasi. Berikutnya: tugaskan kepada personel, lalu tandai "
        "Ditangani saat penanganan dimulai.",
    )
    stale = step("langkah", {"to": "diverifikasi"})  # a second tab still showed Baru
    assert stale[0] == "error"
    assert stale[1].startswith("Langkah tidak disimpan. Laporan berstatus Diverifikasi")
    assert f"Laporan {code} kini berstatus Diverifikasi (diubah oleh operator_lobar" in stale[1]
    assert step("pesan", {"body": "Kami menuju lokasi.", "public": "on"}) == (
        "success",
        f"Pesan terkirim. Pelapor membacanya di halaman Cek laporan dengan kode {code}.",
    )
    assert step("pesan", {"body": "Cek dulu ke kades."})[1] == (
        "Catatan internal disimpan; pelapor tidak melihatnya."
    )
    assert step("langkah", {"to": "ditangani"}, who="bhabin")[1] == (
        f"Laporan {code} ditangani oleh Bripka Andi (Polsek Sekotong). Berikutnya: selesaikan "
        "(musyawarah, mediasi, penegakan hukum, rujukan, atau tidak terbukti) dan catat "
        "kesepakatannya."
    )
    assert step("kejadian", {"types": ["provokasi"]})[1] == (
        f"Kejadian (provokasi) dicatat untuk laporan {code} dan masuk ke laporan situasi harian."
    )
    settle = {
        "to": "selesai",
        "settlement": "musyawarah",
        "parties": "Pemuda kedua dusun",
        "agreement": "Sepakat menurunkan selebaran.",
        "follow_up_on": "2030-12-16",
    }
    assert step("langkah", settle, who="bhabin")[1] == (
        f"Laporan {code} selesai dengan musyawarah. Tindak lanjut pada Senin (16/12/2030). "
        "Pelapor melihat status Selesai dengan kodenya."
    )
    assert step("langkah", {"to": "ditangani"})[1].startswith(
        f"Laporan {code} dibuka kembali dan ditangani oleh"
    )
    services.move(viewer_for(world.users["operator"]), other.pk, services.Move(to="diverifikasi"))
    client.force_login(world.users["operator"])
    merged = said(
        client.post(
            f"/laporan/{other.pk}/gabung/", {"into": report.pk}, follow=True
        ).content.decode()
    )
    assert merged[1] == (
        f"Laporan {other.code} digabung ke laporan {code}. Pelapornya kini mengikuti laporan "
        f"{code}; lanjutkan penanganan di sana."
    )
    assert "Tersimpan." not in merged[1]
