"""Places are named as people name them: desa, kecamatan, kabupaten. The Kemendagri code
stays where an expert looks (small grey text, a title, a hidden input), never instead
of the name."""

from __future__ import annotations

import re

import lxml.html
import pytest

from sejuk.activities.models import Activity
from tests.factories import log_activity
from tests.html_form import form_data, pressed
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
FORM = "//form[contains(@class, 'activity')]"
SEKOTONG_BARAT_NAME = "Desa Sekotong Barat, Kec. Sekotong, Kab. Lombok Barat"
GERUNG_UTARA_NAME = "Kel. Gerung Utara, Kec. Gerung, Kab. Lombok Barat"
MESSAGE = "Giat sambang di Dsn. Tawun Ds. Sekotong Barat kemarin pkl 09.30 Wita, situasi kondusif"


def _seen(html: str) -> str:
    """The text a person reads: without hidden inputs, grey codes and titles."""
    doc = lxml.html.fromstring(html)
    for hidden in doc.xpath("//*[contains(@class, 'code')] | //script | //input[@type='hidden']"):
        hidden.drop_tree()
    values = " ".join(i.get("value") or "" for i in doc.xpath("//input"))
    return doc.text_content() + " " + values


def test_after_baca_pesan_the_desa_is_named_and_its_code_is_kept_aside(client, world):
    client.force_login(world.users["bhabin"])
    html = client.post("/kegiatan/baru/", {"action": "baca", "text": MESSAGE}).content.decode()
    data = form_data(html, FORM)
    assert data["region"] == [SEKOTONG_BARAT_NAME]
    assert data["region_code"] == [SEKOTONG_BARAT]
    assert f'<span class="code" title="kode wilayah Kemendagri">{SEKOTONG_BARAT}</span>' in html
    assert not re.search(r"\d\d\.\d\d\.\d\d", _seen(html))
    # The marks over the message name the fields in words.
    assert 'title="Desa/kelurahan: ' in html and 'title="region: ' not in html


def test_the_name_shown_saves_the_exact_desa_and_a_name_typed_over_it_is_looked_up(client, world):
    client.force_login(world.users["operator"])
    html = client.post("/kegiatan/baru/", {"action": "baca", "text": MESSAGE}).content.decode()
    data = pressed(form_data(html, FORM), "action", "simpan")
    assert client.post("/kegiatan/baru/", data).status_code == 302
    assert Activity.objects.get().region_id == SEKOTONG_BARAT

    data["region"] = ["Gerung Utara, Kec. Gerung"]  # typed over the name; the code is stale
    assert client.post("/kegiatan/baru/", data).status_code == 302
    assert Activity.objects.order_by("-id").first().region_id == GERUNG_UTARA


def test_a_place_outside_the_area_is_refused_by_its_name(client, world):
    client.force_login(world.users["bhabin"])
    data = {
        "action": "simpan",
        "region": GERUNG_UTARA,
        "date": "2024-12-08",
        "start_time": "09:30",
        "types": ["sambang"],
        "summary": "Sambang ke rumah kades",
    }
    html = client.post("/kegiatan/baru/", data).content.decode()
    assert f"{GERUNG_UTARA_NAME} di luar wilayah Anda." in html
    assert f"Wilayah {GERUNG_UTARA}" not in html
    api = client.post(
        "/api/activities",
        {**data, "types": ["sambang"]},
        content_type="application/json",
    ).json()
    assert api["error"]["message"] == f"{GERUNG_UTARA_NAME} di luar wilayah Anda."
    assert api["error"]["fields"] == {"region": "di luar wilayah Anda"}


def test_the_detail_page_names_the_place_with_its_kecamatan_and_kabupaten(client, world):
    activity = log_activity(world.users["bhabin"], dusun="Tawun")
    client.force_login(world.users["bhabin"])
    html = client.get(f"/kegiatan/{activity.pk}/").content.decode()
    assert f"Dsn. Tawun, {SEKOTONG_BARAT_NAME}" in html
    assert f'<span class="code">{SEKOTONG_BARAT}</span>' in html
