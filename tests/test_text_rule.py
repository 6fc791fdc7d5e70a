"""One rule for the text Sejuk takes in (sejuk/text.py), on both databases and at every
entry point: a NUL (or a lone surrogate) is refused whole with an Indonesian 400 and
changes nothing; other control characters are removed when a record is stored, tab and
line breaks staying in multi-line text only."""

from datetime import date, timedelta

import pytest

from sejuk.activities.models import Activity
from sejuk.leaders.models import Leader
from sejuk.reports.models import Message, Report
from sejuk.text import BadText, clean_line, clean_text, printable
from tests.factories import file_report, log_activity
from tests.personas import SEKOTONG_BARAT

YESTERDAY = str(date.today() - timedelta(days=1))


# -- the rule itself ----------------------------------------------------------------------


def test_multi_line_text_keeps_tabs_and_line_breaks_and_loses_other_controls():
    pasted = "Patroli\x1b[0m sore\x01\r\nbaris dua\tkolom\x0bbaris tiga\x7f\x9b"
    assert clean_text(pasted) == "Patroli[0m sore\nbaris dua\tkolom\nbaris tiga"


def test_single_line_text_turns_tabs_and_line_breaks_into_one_space():
    assert clean_line("Dusun\r\n Tawun\tBarat\x01") == "Dusun  Tawun Barat"


@pytest.mark.parametrize("bad", ["a\x00b", "a\ud800b"])
def test_a_nul_or_a_lone_surrogate_is_refused_in_indonesian(bad):
    with pytest.raises(BadText) as caught:
        clean_text(bad, "summary")
    assert caught.value.status == 400
    assert "karakter yang tidak sah" in caught.value.message
    assert caught.value.fields == {"summary": "karakter tidak sah"}


def test_printable_keeps_indonesian_text_and_drops_what_xml_cannot_hold():
    assert printable("Sekotong – “aman”\x00\x1b\x0c✓") == "Sekotong – “aman”\n✓"


# -- control characters are removed when stored, by field kind ----------------------------


def test_an_activity_pasted_with_control_characters_is_stored_clean(client, world):
    client.force_login(world.users["bhabin"])
    response = client.post(
        "/api/activities",
        {
            "region": SEKOTONG_BARAT,
            "date": YESTERDAY,
            "start_time": "16:30",
            "types": ["patroli_dialogis"],
            "dusun": "Tawun\nBarat\x1b",
            "summary": "Patroli\x1b[1m dialogis\x01 di dusun.\nBaris kedua\tdengan tab.",
            "findings": "Tidak ditemukan\x07 hal menonjol.",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["summary"] == "Patroli[1m dialogis di dusun.\nBaris kedua\tdengan tab."
    assert body["dusun"] == "Tawun Barat"
    stored = Activity.objects.get(pk=body["id"])
    assert (stored.findings, stored.dusun) == ("Tidak ditemukan hal menonjol.", "Tawun Barat")


def test_the_service_path_of_imports_and_commands_obeys_the_same_rule(world):
    activity = log_activity(world.users["operator"], summary="Sambang\x1b warga\x02 desa")
    activity.refresh_from_db()
    assert activity.summary == "Sambang warga desa"
    with pytest.raises(BadText):
        log_activity(world.users["operator"], summary="Sambang warga\x00 desa")
    assert not Activity.objects.filter(summary__contains="warga desa", pk__gt=activity.pk)


def test_a_report_message_from_the_page_is_stored_without_controls(client, world):
    report = file_report()
    client.force_login(world.users["operator"])
    client.post(
        f"/laporan/{report.pk}/pesan/", {"body": "Sudah\x1b ditangani\x01.", "public": "on"}
    )
    assert Message.objects.get(report=report).body == "Sudah ditangani."


# -- a NUL anywhere in a request is a 400 in Indonesian, and nothing changes --------------

NUL = "a\x00b"


def _refused(response, api: bool) -> None:
    assert response.status_code == 400, response.content[:300]
    if api:
        error = response.json()["error"]
        assert error["code"] == "karakter_tidak_sah"
        assert "tidak sah" in error["message"]
    else:
        assert "karakter yang tidak sah" in response.content.decode()


def test_the_public_report_form_and_api_refuse_a_nul_on_both_databases(client, db):
    before = Report.objects.count()
    page = client.post(
        "/lapor/",
        {"category": "provokasi", "description": f"Ada selebaran {NUL} di pos", "region": "x"},
    )
    _refused(page, api=False)
    api = client.post(
        "/api/public/reports",
        {"category": "provokasi", "description": f"Ada selebaran {NUL} di pos ronda"},
        content_type="application/json",
    )
    _refused(api, api=True)
    assert Report.objects.count() == before


def test_the_case_check_refuses_a_nul_in_the_code_and_in_added_information(client, db):
    report = file_report()
    _refused(client.post("/cek/", {"kode": f"AB{NUL}"}), api=False)
    added = client.post("/cek/", {"action": "tambah", "kode": report.code, "body": NUL})
    _refused(added, api=False)
    for url, body in (
        ("/api/public/reports/status", {"code": NUL}),
        ("/api/public/reports/messages", {"code": report.code, "body": f"info {NUL}"}),
    ):
        _refused(client.post(url, body, content_type="application/json"), api=True)
    assert not Message.objects.filter(report=report).exists()


def test_an_officers_message_and_a_delete_reason_refuse_a_nul(client, world):
    report = file_report()
    activity = log_activity(world.users["operator"])
    client.force_login(world.users["operator"])
    _refused(client.post(f"/laporan/{report.pk}/pesan/", {"body": NUL}), api=False)
    _refused(
        client.post(
            f"/api/reports/{report.pk}/messages", {"body": NUL}, content_type="application/json"
        ),
        api=True,
    )
    _refused(client.post(f"/kegiatan/{activity.pk}/hapus/", {"reason": f"salah {NUL}"}), False)
    _refused(
        client.delete(
            f"/api/activities/{activity.pk}",
            {"reason": f"salah {NUL}"},
            content_type="application/json",
        ),
        api=True,
    )
    assert not Message.objects.filter(report=report).exists()
    assert Activity.objects.get(pk=activity.pk).deleted_at is None


@pytest.mark.parametrize(
    "url",
    ["/kegiatan/", "/laporan/", "/tokoh/", "/wilayah/", "/satuan/", "/audit/"],
)
def test_a_nul_in_a_page_query_is_refused(client, world, url):
    client.force_login(world.users["admin"])
    _refused(client.get(url, {"q": NUL, "aksi": NUL}), api=False)


@pytest.mark.parametrize(
    "url",
    ["/api/activities", "/api/reports", "/api/leaders", "/api/regions", "/api/units"],
)
def test_a_nul_in_an_api_query_is_refused(client, world, url):
    client.force_login(world.users["operator"])
    _refused(client.get(url, {"q": NUL}), api=True)


def test_a_nul_in_an_address_a_json_key_or_a_lone_surrogate_is_refused(client, world):
    client.force_login(world.users["operator"])
    _refused(client.get("/wilayah/52.01%00/"), api=False)
    _refused(client.get("/api/regions/52.01%00"), api=True)
    before = Activity.objects.count()
    for body in (
        '{"region": "52.01.07.2002", "summary": "x", "participants": {"war\\u0000ga": 1}}',
        '{"region": "52.01.07.2002", "summary": "Patroli \\ud800 sore"}',
    ):
        response = client.post("/api/activities", body, content_type="application/json")
        _refused(response, api=True)
    assert Activity.objects.count() == before


def test_a_nul_in_a_leader_form_is_refused_and_nothing_is_stored(client, world):
    client.force_login(world.users["operator"])
    before = Leader.objects.count()
    response = client.post(
        "/tokoh/baru/",
        {"region": SEKOTONG_BARAT, "name": f"Ustaz {NUL}", "category": "tokoh_agama"},
    )
    _refused(response, api=False)
    assert Leader.objects.count() == before
