import re
from datetime import date, timedelta

import pytest

from sejuk.activities.models import Activity, Plan
from tests.factories import log_activity
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT, make_user

pytestmark = pytest.mark.django_db
MESSAGE = (
    "Giat patroli dialogis cooling system di Dsn. Tawun Ds. Sekotong Barat kemarin "
    "pkl 16.30 Wita, 3 personel, situasi aman kondusif"
)


def test_a_pasted_message_fills_the_form_and_marks_the_words(client, world):
    client.force_login(world.users["bhabin"])
    html = client.post("/kegiatan/baru/", {"action": "baca", "text": MESSAGE}).content.decode()
    assert "<mark" in html and ">Sekotong Barat</mark>" in html
    assert f'value="{SEKOTONG_BARAT}"' in html
    assert re.search(r'value="patroli_dialogis"[^>]*checked', html)
    assert 'value="Tawun"' in html
    assert "dari: “" in html  # each filled field says which words it came from


def test_saving_a_pasted_message_keeps_the_text_and_the_readers_guess(client, world):
    client.force_login(world.users["bhabin"])
    yesterday = date.today() - timedelta(days=1)
    response = client.post(
        "/kegiatan/baru/",
        {
            "action": "simpan",
            "text": MESSAGE,
            "region": SEKOTONG_BARAT,
            "dusun": "Tawun",
            "date": yesterday.isoformat(),
            "start_time": "16:30",
            "types": ["patroli_dialogis"],
            "summary": MESSAGE,
            "situation": "kondusif",
            "personnel_count": "3",
            "participants": ["warga"],
            "jumlah_warga": "15",
        },
    )
    assert response.status_code == 302
    a = Activity.objects.get()
    assert a.source == "text" and a.raw_text == MESSAGE
    assert a.reader["contract"]["place"]["code"] == SEKOTONG_BARAT
    assert dict(a.participants.values_list("category", "count")) == {"warga": 15}
    assert "participants" in a.corrections  # the person added what the reader did not see


def test_a_refused_form_keeps_everything_typed_and_says_why(client, world):
    client.force_login(world.users["bhabin"])
    response = client.post(
        "/kegiatan/baru/",
        {
            "action": "simpan",
            "region": GERUNG_UTARA,
            "date": date.today().isoformat(),
            "start_time": "16:30",
            "types": ["sambang"],
            "summary": "Sambang ke rumah kades",
        },
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "di luar wilayah Anda" in html
    assert "Sambang ke rumah kades" in html and f'value="{GERUNG_UTARA}"' in html
    assert not Activity.objects.exists()


def test_the_detail_page_shows_the_history_and_edit_asks_for_a_reason(client, world):
    a = log_activity(world.users["bhabin"], situation="kondusif")
    client.force_login(world.users["operator"])
    form = client.get(f"/kegiatan/{a.pk}/ubah/").content.decode()
    assert f'value="{SEKOTONG_BARAT}"' in form and 'name="reason"' in form
    data = {
        "region": SEKOTONG_BARAT,
        "date": a.local_date.isoformat(),
        "start_time": "16:30",
        "types": ["patroli_dialogis"],
        "summary": a.summary,
        "situation": "waspada",
        "reason": "laporan susulan",
        "unit_id": a.unit_id,
    }
    assert client.post(f"/kegiatan/{a.pk}/ubah/", data).status_code == 302
    html = client.get(f"/kegiatan/{a.pk}/").content.decode()
    assert "Diubah" in html and "laporan susulan" in html and "kondusif → waspada" in html
    assert "WITA" in html


def test_the_list_page_is_light_enough_for_a_weak_signal(client, world):
    for _ in range(25):
        log_activity(world.users["bhabin"])
    client.force_login(world.users["bhabin"])
    for url in ("/kegiatan/", "/kegiatan/baru/", "/kegiatan/rekap/"):
        response = client.get(url)
        assert response.status_code == 200
        assert len(response.content) < 100_000, url


def test_the_import_page_lists_row_problems(client, world):
    import io

    client.force_login(world.users["bhabin"])
    upload = io.BytesIO(
        b"tanggal,jam_mulai,kode_wilayah,jenis,uraian\n31/02/2024,16.30,52.01.07.2002,sambang,x\n"
    )
    upload.name = "kegiatan.csv"
    response = client.post("/kegiatan/impor/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 422
    assert "tidak ada yang diimpor" in html and "tanggal" in html


def test_the_leaders_of_the_desa_can_be_ticked_as_met(client, world):
    client.force_login(world.users["bhabin"])
    form = client.get("/kegiatan/baru/").content.decode()
    assert "Ustaz Hamid" in form and "Pak Lalu Made" not in form  # only their own desa's
    response = client.post(
        "/kegiatan/baru/",
        {
            "action": "simpan",
            "region": SEKOTONG_BARAT,
            "date": date.today().isoformat(),
            "start_time": "09:00",
            "types": ["sambang"],
            "summary": "Silaturahmi",
            "leader_ids": [world.leaders["own"].pk],
        },
    )
    assert response.status_code == 302
    assert list(Activity.objects.get().leaders.all()) == [world.leaders["own"]]


def test_a_weekly_plan_is_made_on_the_plans_page_and_shows_as_due(client, world):
    client.force_login(world.users["operator"])
    sekotong = world.users["bhabin"].unit_id
    response = client.post(
        "/kegiatan/rencana/",
        {
            "title": "Patroli dialogis Sekotong Barat",
            "type_code": "patroli_dialogis",
            "unit_id": sekotong,
            "region": SEKOTONG_BARAT,
            "weekday": "6",
            "starts_on": (date.today() - timedelta(days=21)).isoformat(),
        },
    )
    assert response.status_code == 302
    html = client.get("/kegiatan/rencana/").content.decode()
    assert "Patroli dialogis Sekotong Barat" in html and "terlewat" in html
    refused = client.post(
        "/kegiatan/rencana/",
        {
            "title": "x",
            "type_code": "sambang",
            "unit_id": sekotong,
            "region": SEKOTONG_BARAT,
        },
    )
    assert refused.status_code == 422
    assert "pilih hari dalam seminggu atau setiap N hari" in refused.content.decode()


def _by_name(region: str) -> dict[str, object]:
    return {
        "action": "simpan",
        "region": region,
        "date": (date.today() - timedelta(days=1)).isoformat(),
        "start_time": "09:00",
        "types": ["sambang"],
        "summary": "Sambang ke rumah kepala dusun membicarakan keamanan lingkungan.",
    }


def test_the_desa_may_be_typed_by_name_instead_of_its_code(client, world):
    client.force_login(world.users["operator"])
    response = client.post("/kegiatan/baru/", _by_name("Ds. Sekotong Barat, Kec. Sekotong"))
    assert response.status_code == 302
    assert Activity.objects.get().region_id == SEKOTONG_BARAT


def test_a_desa_name_outside_the_area_or_unknown_is_refused_in_indonesian(client, world):
    client.force_login(world.users["operator"])
    outside = client.post("/kegiatan/baru/", _by_name("Desa Paseban, Kecamatan Kencong"))
    assert outside.status_code == 422
    assert "di luar wilayah satuan Anda" in outside.content.decode()
    unknown = client.post("/kegiatan/baru/", _by_name("Qwzxv Plorg"))
    assert unknown.status_code == 422
    assert "wilayah tidak dikenali" in unknown.content.decode()
    assert not Activity.objects.exists()


def test_a_name_two_desa_share_in_the_area_asks_for_the_code(client, world):
    client.force_login(make_user("operator_ntb", "Polda Nusa Tenggara Barat", "operator"))
    response = client.post("/kegiatan/baru/", _by_name("Banyu Urip"))
    assert response.status_code == 422
    html = response.content.decode()
    assert "52.01.01.2006" in html and "52.02.05.2002" in html
    assert not Activity.objects.exists()


def test_a_plan_takes_the_desa_by_name_too(client, world):
    client.force_login(world.users["operator"])
    response = client.post(
        "/kegiatan/rencana/",
        {
            "title": "Sambang mingguan",
            "type_code": "sambang",
            "unit_id": world.users["bhabin"].unit_id,
            "region": "Sekotong Barat",
            "weekday": "4",
        },
    )
    assert response.status_code == 302
    assert Plan.objects.get().region_id == SEKOTONG_BARAT


def test_the_list_filters_by_a_kecamatan_typed_by_name(client, world):
    log_activity(world.users["operator"], region=SEKOTONG_BARAT)
    log_activity(world.users["operator"], region=GERUNG_UTARA)
    client.force_login(world.users["pimpinan"])
    html = client.get("/kegiatan/", {"wilayah": "Kecamatan Sekotong"}).content.decode()
    assert "Sekotong Barat" in html and "Gerung Utara" not in html
    refused = client.get("/kegiatan/", {"wilayah": "Qwzxv Plorg"})
    assert refused.status_code == 422
    assert "tidak dikenali" in refused.content.decode()


def test_counts_a_field_report_gives_reach_the_forms_count_boxes(client, world):
    client.force_login(world.users["bhabin"])
    text = (
        "Giat sambang di Ds. Sekotong Barat pkl 09.00 Wita.\n"
        "Sasaran : 14 org warga, 3 toga\n"
        "Situasi aman kondusif"
    )
    html = client.post("/kegiatan/baru/", {"action": "baca", "text": text}).content.decode()
    boxes = {
        name: value
        for name, value in re.findall(r'<input[^>]*name="(jumlah_\w+)"[^>]*value="(\d+)"', html)
    }
    assert boxes.get("jumlah_warga") == "14"
    assert boxes.get("jumlah_tokoh_agama") == "3"
