"""The text reader on real use: agreement between its guess and what officers saved,
the frequent corrections, and corrections written as evaluation cases.

The messages are composed for these tests in the style officers send to their group.
"""

import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from sejuk.accounts.access import viewer_for
from sejuk.activities import feedback, services
from sejuk.activities.models import Activity
from sejuk.activities.reading import read_message
from tests.factories import activity_input
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT, make_user

pytestmark = pytest.mark.django_db

YESTERDAY = date.today() - timedelta(days=1)
# Read as a sambang with warga and tokoh agama, kondusif, 2 personnel.
MESSAGE = (
    "Giat sambang Bhabinkamtibmas Polsek Sekotong Bripka Andi Saputra ke Dsn. Tawun Ds. "
    "Sekotong Barat, {day}, bertemu warga dan toga. Sit aman kondusif. Pers 2 org. "
    "Pelapor dapat dihubungi di 0812-3456-7890."
)
# The shape of a row of the shared evaluation set's gold file.
GOLD_KEYS = {
    "id", "kind", "unit_level", "unit_code", "event_date", "place_code", "place_name",
    "activity_types_agreed", "activity_types_allowed", "participants_agreed",
    "participants_allowed", "incident_types_agreed", "incident_types_allowed", "online",
    "situation", "personnel_count", "election",
}  # fmt: skip


def pasted(world, persona="bhabin", region=SEKOTONG_BARAT, **saved):
    """An activity saved from a pasted message, the officer having changed ``saved``."""
    v = viewer_for(world.users[persona])
    text = MESSAGE.format(day=f"{YESTERDAY:%d/%m/%Y}")
    prefill = read_message(v, text, YESTERDAY)
    values = {
        "region": region,
        "date": YESTERDAY,
        "types": prefill.values["types"],
        "participants": prefill.values["participants"],
        "situation": prefill.values.get("situation", ""),
        "personnel_count": prefill.values.get("personnel_count"),
        "election": prefill.values.get("election", ""),
        "summary": text,
        **saved,
    }
    return services.create_activity(
        v, activity_input(**values), source="text", raw_text=text, reader=prefill.reader
    )


def test_the_share_kept_as_read_per_field_unit_and_channel(world):
    pasted(world)
    pasted(world, types=["sambang", "penyuluhan"], situation="waspada")
    report = feedback.agreement()
    assert report.overall.readings == 2
    assert report.overall.share("activity_types") == 0.5
    assert report.overall.share("situation") == 0.5
    assert report.overall.share("event_date") == 1.0
    assert [(t.name, t.readings) for t in report.by_unit] == [("Polsek Sekotong", 2)]
    assert [(t.name, t.readings) for t in report.by_channel] == [("Tempel pesan", 2)]
    assert ("jenis: Penyuluhan / sosialisasi / imbauan ditambah", 1) in report.corrections
    assert ("situasi: Kondusif -> Waspada", 1) in report.corrections


def test_a_correction_made_later_by_editing_counts_too(world):
    a = pasted(world)
    assert feedback.agreement().overall.share("personnel_count") == 1.0
    v = viewer_for(world.users["bhabin"])
    services.update_activity(v, a.pk, services.ActivityInput(personnel_count=4), "salah hitung")
    report = feedback.agreement()
    assert report.overall.share("personnel_count") == 0.0
    assert ("personel: diganti", 1) in report.corrections


def test_the_report_is_narrowed_to_units_and_a_date(world):
    pasted(world)
    pasted(world, persona="operator", region=GERUNG_UTARA)
    sekotong = viewer_for(world.users["bhabin"]).unit_ids
    assert feedback.agreement(sekotong).overall.readings == 1
    assert feedback.agreement().overall.readings == 2
    assert feedback.agreement(since=date.today() + timedelta(days=1)).overall.readings == 0


def test_the_command_prints_agreement_and_corrections(world, capsys):
    pasted(world, situation="waspada")
    call_command("reader", "report", "--unit", "Polres Lombok Barat")
    out = capsys.readouterr().out
    assert "bacaan" in out and "situasi" in out and "Polsek Sekotong" in out
    assert "Tempel pesan" in out
    assert "situasi: Kondusif -> Waspada" in out
    call_command("reader", "report", "--since", (date.today() + timedelta(days=1)).isoformat())
    assert "Belum ada" in capsys.readouterr().out


def test_corrections_become_evaluation_cases_with_personal_data_masked(world, tmp_path, capsys):
    corrected = pasted(world, situation="waspada")
    pasted(world)  # kept as read: no case unless all are asked for
    call_command("reader", "export-corrections", "--out", str(tmp_path))
    assert "1 kasus evaluasi" in capsys.readouterr().out
    rows = [json.loads(line) for line in (tmp_path / "gold.jsonl").read_text().splitlines()]
    assert len(rows) == 1
    row = rows[0]
    assert set(row) == GOLD_KEYS
    assert row["id"] == f"sejuk-{corrected.pk}"
    assert row["situation"] == "waspada"  # what the officer saved
    assert row["place_code"] == SEKOTONG_BARAT and row["unit_code"] == "52.01.07"
    assert row["event_date"] == YESTERDAY.isoformat()
    text = (tmp_path / "texts" / f"sejuk-{corrected.pk}.txt").read_text()
    assert "0812" not in text and "[TELEPON]" in text
    assert "Andi Saputra" not in text and "Bripka [NAMA]" in text
    assert "Ds. Sekotong Barat" in text  # the place stays: it is what the reader reads
    call_command("reader", "export-corrections", "--out", str(tmp_path / "all"), "--all")
    assert len((tmp_path / "all" / "gold.jsonl").read_text().splitlines()) == 2


def test_an_unknown_unit_is_a_clear_error(world):
    with pytest.raises(Exception, match="tidak ditemukan"):
        call_command("reader", "report", "--unit", "Polres Atlantis")


def test_the_demo_has_corrected_readings_to_show(capsys, tmp_path):
    call_command("demo", "--days", "10")
    capsys.readouterr()
    read = Activity.objects.filter(is_demo=True, reader__isnull=False)
    assert read.exists() and read.exclude(corrections={}).exists()
    call_command("reader", "report")
    out = capsys.readouterr().out
    assert "Koreksi tersering" in out and "(tidak ada)" not in out
    call_command("reader", "export-corrections", "--out", str(tmp_path))
    assert list((tmp_path / "texts").iterdir())


def test_the_admin_page_shows_the_report_of_the_admins_area(client, world):
    pasted(world, situation="waspada")
    client.force_login(world.users["admin"])
    page = client.get("/admin/activities/activity/pembaca/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Polsek Sekotong" in body and "situasi: Kondusif -&gt; Waspada" in body
    listing = client.get("/admin/activities/activity/").content.decode()
    assert "/admin/activities/activity/pembaca/" in listing
    client.force_login(world.users["operator"])
    assert client.get("/admin/activities/activity/pembaca/").status_code == 302
    neighbour_admin = make_user("admin_loteng", "Polres Lombok Tengah", "admin")
    client.force_login(neighbour_admin)
    body = client.get("/admin/activities/activity/pembaca/").content.decode()
    assert "Polsek Sekotong" not in body and "Belum ada" in body
