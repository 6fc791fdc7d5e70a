import io
from datetime import date, timedelta

import pytest
from PIL import Image

from sejuk.accounts.access import OutsideArea, viewer_for
from sejuk.activities import photos
from sejuk.errors import Invalid
from tests.factories import log_activity
from tests.personas import LOTENG_DESA

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


def phone_photo(size=(4000, 3000), gps=True) -> bytes:
    image = Image.new("RGB", size, (30, 120, 60))
    exif = Image.Exif()
    if gps:
        exif[0x8825] = {1: "S", 2: (8.0, 45.0, 0.0), 3: "E", 4: (115.0, 55.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_a_photo_is_resized_and_loses_its_location(world):
    a = log_activity(world.users["bhabin"])
    p = photos.add_photo(viewer_for(world.users["bhabin"]), a, phone_photo())
    stored = Image.open(p.image.open("rb"))
    assert max(stored.size) == 1600
    assert 0x8825 not in stored.getexif()
    assert not p.kept_location and a.lat is None
    assert a.changes.filter(action="photo").exists()


def test_a_kept_location_stays_in_the_photo_and_places_the_activity(world):
    a = log_activity(world.users["bhabin"])
    p = photos.add_photo(viewer_for(world.users["bhabin"]), a, phone_photo(), keep_location=True)
    assert p.kept_location
    a.refresh_from_db()
    assert (a.lat, a.lng) == (-8.75, 115.916667)


def test_a_file_that_is_not_a_photo_is_refused_whatever_its_name(world):
    a = log_activity(world.users["bhabin"])
    with pytest.raises(Invalid, match="bukan foto"):
        photos.add_photo(viewer_for(world.users["bhabin"]), a, b"%PDF-1.4 foto.jpg")
    assert a.photos.count() == 0


def test_photos_are_served_only_within_the_area(world, client):
    a = log_activity(world.users["bhabin"])
    p = photos.add_photo(viewer_for(world.users["bhabin"]), a, phone_photo((800, 600), gps=False))
    client.force_login(world.users["operator"])
    response = client.get(f"/kegiatan/foto/{p.pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    client.force_login(world.users["neighbour"])
    assert client.get(f"/kegiatan/foto/{p.pk}/").status_code == 404
    with pytest.raises(OutsideArea):
        photos.get_photo(viewer_for(world.users["neighbour"]), p.pk)


def test_photos_upload_through_the_form(world, client):
    a = log_activity(world.users["bhabin"])
    client.force_login(world.users["bhabin"])
    upload = io.BytesIO(phone_photo((1200, 900)))
    upload.name = "IMG_0001.jpg"
    response = client.post(f"/kegiatan/{a.pk}/foto/", {"photo": upload})
    assert response.status_code == 302
    assert a.photos.count() == 1


def test_a_refused_activity_keeps_none_of_the_photos_sent_with_it(world, client, settings):
    upload = io.BytesIO(phone_photo((800, 600), gps=False))
    upload.name = "foto.jpg"
    client.force_login(world.users["bhabin"])
    response = client.post(
        "/kegiatan/baru/",
        {
            "action": "simpan",
            "region": LOTENG_DESA,  # another Polres: refused after the photo was stored
            "date": (date.today() - timedelta(days=1)).isoformat(),
            "start_time": "16:30",
            "types": ["patroli_dialogis"],
            "summary": "Patroli sore",
            "photo": upload,
        },
    )
    assert response.status_code == 422 and "di luar wilayah Anda" in response.content.decode()
    assert list(settings.MEDIA_ROOT.rglob("*.jpg")) == []
