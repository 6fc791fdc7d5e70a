"""An activity's history reads as a person would say it: the field's Indonesian name, and
old → new in words (type labels, participants with their counts, desa names), moments on
the clocks of the place ("Minggu (8/12/2024) 09.30 WITA"); never Python dicts, codes or
ISO timestamps."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from sejuk.accounts.access import viewer_for
from sejuk.activities.services import create_activity, update_activity
from tests.factories import activity_input
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
SUNDAY = date(2024, 12, 8)
MOMENT = re.compile(
    r"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) \(\d{1,2}/\d{1,2}/\d{4}\) \d\d\.\d\d WITA"
)


def _edited(world):
    bhabin = viewer_for(world.users["bhabin"])
    activity = create_activity(
        bhabin,
        activity_input(
            date=SUNDAY,
            start_time=time(9, 30),
            types=["patroli_dialogis"],
            participants={"warga": 12, "tokoh_agama": None},
            situation="kondusif",
        ),
    )
    update_activity(
        viewer_for(world.users["operator"]),
        activity.pk,
        activity_input(
            region=GERUNG_UTARA,
            date=SUNDAY,
            start_time=time(8, 15),
            types=["patroli_dialogis", "sambang"],
            participants={"warga": 15, "tokoh_agama": None},
            situation="waspada",
            online=True,
        ),
        reason="laporan susulan",
    )
    return activity


def test_the_history_on_the_page_reads_as_words_in_the_zone_of_the_place(client, world):
    activity = _edited(world)
    client.force_login(world.users["operator"])
    html = client.get(f"/kegiatan/{activity.pk}/").content.decode()
    history = html[html.index("Riwayat") :]
    assert "Mulai: Minggu (8/12/2024) 09.30 WITA → Minggu (8/12/2024) 08.15 WITA" in history
    assert "Jenis kegiatan: Patroli dialogis → Patroli dialogis, Sambang / silaturahmi" in history
    assert "Peserta: Tokoh agama, Warga (12) → Tokoh agama, Warga (15)" in history
    assert (
        "Desa/kelurahan: Desa Sekotong Barat, Kec. Sekotong, Kab. Lombok Barat → "
        "Kel. Gerung Utara, Kec. Gerung, Kab. Lombok Barat" in history
    )
    assert "Situasi: Kondusif → Waspada" in history
    assert "Daring: tidak → ya" in history
    # Who and when, on the place's clock; the codes only in a title for whoever needs them.
    assert MOMENT.search(history) and "oleh operator_lobar — laporan susulan" in history
    assert f'title="{SEKOTONG_BARAT} → {GERUNG_UTARA}"' in history
    for raw in ("{'", "['", "+00:00", "T0", "True", "None", "patroli_dialogis", "waspada →"):
        assert raw not in re.sub(r'title="[^"]*"', "", history), raw


def test_the_api_gives_the_same_history_in_words_beside_the_exact_values(client, world):
    activity = _edited(world)
    client.force_login(world.users["operator"])
    changes = client.get(f"/api/activities/{activity.pk}/history").json()
    assert [c["action_label"] for c in changes] == ["Dicatat", "Diubah"]
    assert MOMENT.fullmatch(changes[1]["at_local"])
    lines = {line["label"]: (line["before"], line["after"]) for line in changes[1]["lines"]}
    assert lines["Situasi"] == ("Kondusif", "Waspada")
    assert lines["Peserta"] == ("Tokoh agama, Warga (12)", "Tokoh agama, Warga (15)")
    assert changes[1]["fields"]["situation"] == ["kondusif", "waspada"]
    assert changes[1]["version"] == 2


def test_an_old_entry_that_logged_a_time_as_changed_to_itself_shows_no_such_change(client, world):
    activity = _edited(world)
    change = activity.changes.order_by("-id").first()
    start = change.fields["starts_at"][1]  # the new start, as UTC
    same = datetime.fromisoformat(start).astimezone(ZoneInfo("Asia/Makassar")).isoformat()
    activity.changes.create(action="updated", by_name="lama", fields={"starts_at": [start, same]})
    client.force_login(world.users["operator"])
    html = client.get(f"/kegiatan/{activity.pk}/").content.decode()
    last = html[html.index("oleh lama") :]
    assert "Mulai" not in last[: last.index("</li>")]
