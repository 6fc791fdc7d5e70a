"""What a phone's outbox sends when the signal returns: a record made offline arrives
once however often it is sent, a stale edit comes back with the record as it is now, a
refusal comes back with its reason, a photo arrives in small parts and resumes where it
stopped, and a message pasted offline is read on arrival and waits to be checked."""

import uuid
from datetime import date, timedelta

import pytest

from sejuk.activities.models import Activity, Photo, PhotoUpload
from tests.activities.test_photos import phone_photo
from tests.factories import log_activity
from tests.personas import LOTENG_DESA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
YESTERDAY = date.today() - timedelta(days=1)


@pytest.fixture(autouse=True)
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


def body(**extra):
    return {
        "region": SEKOTONG_BARAT,
        "date": str(YESTERDAY),
        "start_time": "16:30",
        "types": ["sambang"],
        "summary": "Sambang ke pos kamling",
        **extra,
    }


def test_the_same_phone_record_sent_twice_through_the_api_is_one_activity(client, world):
    client.force_login(world.users["bhabin"])
    client_id = str(uuid.uuid4())
    first = client.post("/api/activities", body(client_id=client_id), "application/json")
    again = client.post("/api/activities", body(client_id=client_id), "application/json")
    assert first.status_code == 201, first.content
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert Activity.objects.filter(client_id=client_id).count() == 1


def test_two_officers_may_use_the_same_phone_id_without_meeting(client, world):
    client_id = str(uuid.uuid4())
    client.force_login(world.users["bhabin"])
    mine = client.post("/api/activities", body(client_id=client_id), "application/json")
    client.force_login(world.users["operator"])
    theirs = client.post("/api/activities", body(client_id=client_id), "application/json")
    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert mine.json()["id"] != theirs.json()["id"]


def test_a_stale_api_edit_answers_409_with_the_record_as_it_is_now(client, world):
    client.force_login(world.users["bhabin"])
    a = log_activity(world.users["bhabin"], summary="Versi pertama")
    client.patch(f"/api/activities/{a.pk}", {"summary": "Versi kedua"}, "application/json")
    stale = client.patch(
        f"/api/activities/{a.pk}", {"summary": "Versi ponsel", "version": 1}, "application/json"
    )
    assert stale.status_code == 409
    answer = stale.json()
    assert answer["error"]["code"] == "konflik" and "sudah diubah" in answer["error"]["message"]
    assert answer["current"]["summary"] == "Versi kedua" and answer["current"]["version"] == 2
    assert Activity.objects.get(pk=a.pk).summary == "Versi kedua"


def outbox(client, **fields):
    data = {
        "client_id": str(uuid.uuid4()),
        "region": SEKOTONG_BARAT,
        "date": str(YESTERDAY),
        "start_time": "09:00",
        "types": "sambang",
        "summary": "Sambang warga",
        **fields,
    }
    # A box left unticked is not sent at all, as a browser does.
    return client.post("/kegiatan/kirim/", {k: v for k, v in data.items() if v is not None})


def test_an_outbox_send_repeated_after_a_lost_answer_makes_one_activity(client, world):
    client.force_login(world.users["bhabin"])
    client_id = str(uuid.uuid4())
    first = outbox(client, client_id=client_id)
    again = outbox(client, client_id=client_id)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"] and again.json()["created"] is False
    assert Activity.objects.filter(created_by=world.users["bhabin"]).count() == 1


@pytest.mark.parametrize(
    ("fields", "field", "reason"),
    [
        ({"region": LOTENG_DESA}, "region", "di luar wilayah"),
        ({"date": str(date.today() + timedelta(days=5))}, "date", "masa depan"),
        ({"summary": ""}, "summary", "wajib diisi"),
    ],
)
def test_an_outbox_record_refused_comes_back_with_its_reason(client, world, fields, field, reason):
    client.force_login(world.users["bhabin"])
    refused = outbox(client, **fields)
    assert refused.status_code in (403, 422)
    error = refused.json()["error"]
    assert reason in error["message"] + " ".join(error["fields"].values())
    assert field in error["fields"] or field == "region"
    assert not Activity.objects.exists()


def test_an_outbox_send_without_a_phone_id_is_refused(client, world):
    client.force_login(world.users["bhabin"])
    refused = outbox(client, client_id="")
    assert refused.status_code == 422 and "client_id" in refused.json()["error"]["fields"]


def test_a_message_pasted_offline_is_read_on_arrival_and_waits_to_be_checked(client, world):
    client.force_login(world.users["bhabin"])
    text = (
        "Senin 2 Desember 2024 pukul 19.30 WITA Bhabinkamtibmas Desa Sekotong Barat "
        "melaksanakan sambang ke pos kamling bersama tokoh agama. Situasi kondusif."
    )
    sent = outbox(client, text=text, region="", date="", start_time="", types=None, summary="")
    assert sent.status_code == 201, sent.content
    assert sent.json()["needs_check"] is True
    a = Activity.objects.get()
    assert (a.region_id, str(a.local_date), a.situation) == (
        SEKOTONG_BARAT,
        "2024-12-02",
        "kondusif",
    )
    assert a.raw_text == text and a.reader is not None
    page = client.get(f"/kegiatan/{a.pk}/")
    assert "Perlu dicek" in page.content.decode()
    client.post(f"/kegiatan/{a.pk}/sudah-dicek/")
    assert not Activity.objects.get().needs_check


def test_what_the_officer_typed_wins_over_the_message_read_on_arrival(client, world):
    client.force_login(world.users["bhabin"])
    text = "Senin 2 Desember 2024 pukul 19.30 sambang di Desa Sekotong Barat, situasi kondusif"
    sent = outbox(client, text=text, summary="Uraian saya sendiri", situation="waspada")
    assert sent.status_code == 201, sent.content
    a = Activity.objects.get()
    assert (a.summary, a.situation, a.local_date) == ("Uraian saya sendiri", "waspada", YESTERDAY)


def test_a_message_read_before_sending_is_not_flagged(client, world):
    client.force_login(world.users["bhabin"])
    sent = outbox(client, text="sambang di pos kamling", dibaca="1")
    assert sent.status_code == 201 and sent.json()["needs_check"] is False


def test_a_stale_edit_from_the_outbox_comes_back_with_the_current_record(client, world):
    client.force_login(world.users["bhabin"])
    a = log_activity(world.users["bhabin"], summary="Versi pertama")
    client.patch(f"/api/activities/{a.pk}", {"summary": "Versi kantor"}, "application/json")
    stale = outbox(client, activity_id=a.pk, version=1, summary="Versi ponsel")
    assert stale.status_code == 409
    assert stale.json()["current"]["summary"] == "Versi kantor"
    assert Activity.objects.get(pk=a.pk).summary == "Versi kantor"


def put_part(client, activity_id, upload_id, offset, size, data):
    return client.put(
        f"/api/activities/{activity_id}/photos/parts/{upload_id}?offset={offset}&size={size}",
        data,
        content_type="application/octet-stream",
    )


def test_a_photo_sent_in_parts_resumes_where_it_stopped_and_is_attached_once(client, world):
    client.force_login(world.users["bhabin"])
    a = log_activity(world.users["bhabin"])
    raw = phone_photo(size=(1200, 900), gps=False)
    upload_id = uuid.uuid4()
    half = len(raw) // 2
    first = put_part(client, a.pk, upload_id, 0, len(raw), raw[:half])
    assert first.status_code == 200, first.content
    assert first.json()["received"] == half
    # The answer was lost: the phone asks how far the server got, and goes on from there.
    status = client.get(f"/api/activities/{a.pk}/photos/parts/{upload_id}").json()
    assert status["received"] == half and status["photo_id"] is None
    wrong = put_part(client, a.pk, upload_id, 0, len(raw), raw[:half])
    assert wrong.status_code == 409 and wrong.json()["error"]["fields"]["offset"] == str(half)
    last = put_part(client, a.pk, upload_id, half, len(raw), raw[half:])
    assert last.status_code == 200 and last.json()["photo_id"] is not None
    repeat = put_part(client, a.pk, upload_id, half, len(raw), raw[half:])
    assert repeat.json()["photo_id"] == last.json()["photo_id"]
    assert Photo.objects.filter(activity=a).count() == 1
    assert PhotoUpload.objects.get().received == len(raw)


def test_a_part_that_is_not_a_photo_is_refused_when_complete(client, world):
    client.force_login(world.users["bhabin"])
    a = log_activity(world.users["bhabin"])
    refused = put_part(client, a.pk, uuid.uuid4(), 0, 9, b"bukan foto")
    assert refused.status_code == 422
    refused = put_part(client, a.pk, uuid.uuid4(), 0, 10, b"bukan foto")
    assert refused.status_code == 422 and not Photo.objects.exists()


def test_parts_for_an_activity_outside_the_area_are_refused(client, world):
    client.force_login(world.users["neighbour"])
    theirs = log_activity(world.users["bhabin"])
    refused = put_part(client, theirs.pk, uuid.uuid4(), 0, 3, b"abc")
    assert refused.status_code in (403, 404) and not PhotoUpload.objects.exists()


def test_an_upload_id_taken_by_another_person_is_refused_not_shared(client, world):
    a = log_activity(world.users["bhabin"])
    upload_id = uuid.uuid4()
    client.force_login(world.users["bhabin"])
    assert put_part(client, a.pk, upload_id, 0, 10, b"abcde").status_code == 200
    client.force_login(world.users["operator"])
    refused = put_part(client, a.pk, upload_id, 5, 10, b"fghij")
    assert refused.status_code == 422 and "upload_id" in refused.json()["error"]["fields"]
    assert PhotoUpload.objects.get().received == 5


def test_a_desa_typed_outside_the_area_is_refused_not_read_over_from_the_message(client, world):
    client.force_login(world.users["bhabin"])
    text = "Senin 2 Desember 2024 pukul 19.30 sambang di Desa Sekotong Barat"
    refused = outbox(client, text=text, region=LOTENG_DESA)
    assert refused.status_code in (403, 422)
    assert not Activity.objects.exists()
