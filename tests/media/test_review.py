"""The cyber-patrol workflow on the real HTTP stack: stories under the area rule, a
signal confirmed or rejected, a hoax marked clarified, an incident recorded from a story,
a post pasted, an export imported; the confirmed signals per desa for the tension
picture; the classifier trained on the verdicts."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest

from sejuk.incidents.models import Incident
from sejuk.jobs.models import Job
from sejuk.media import intake, learning, services
from sejuk.media.models import Channel, Classifier, Review, Signal, Story
from sejuk.media.reading import Incoming
from tests.media.outlets import COPY_A, OTHER
from tests.personas import GERUNG_UTARA, LOTENG_DESA, SEKOTONG_BARAT

LOTENG_POST = (
    "Ayo geruduk kantor camat besok pagi, kata sebuah akun kepada warga Desa "
    "Puyung, Kecamatan Jonggat, Lombok Tengah pada Minggu (8/12/2024)."
)


def story_of(text: str, **fields) -> Story:
    fields.setdefault("published_at", datetime(2024, 12, 8, 3, tzinfo=UTC))
    article = intake.take_in(Incoming(text=text, channel=Channel.PASTE, **fields))
    assert article is not None
    return article.story


@pytest.mark.django_db
def test_an_operator_sees_the_stories_of_the_area_only(client, world):
    own = story_of(COPY_A, title="Ajakan geruduk")
    neighbour = story_of(LOTENG_POST)
    assert own.region_id == SEKOTONG_BARAT
    assert neighbour.region_id.startswith("52.02.")
    client.force_login(world.users["operator"])
    page = client.get("/media/").content.decode()
    assert "Ajakan geruduk" in page and "geruduk" in page
    assert "Puyung" not in page
    assert client.get(f"/media/{neighbour.pk}/").status_code == 404
    assert client.get("/media/?sinyal=hoaks").content.decode().count("Ajakan geruduk") == 0
    assert "Ajakan geruduk" in client.get("/media/?sinyal=pengerahan_massa").content.decode()
    assert client.get("/media/?dari=kemarin").status_code == 200  # a clear error, no 500


@pytest.mark.django_db
def test_confirming_a_signal_puts_it_on_its_desa_for_the_tension_picture(client, world):
    story = story_of(COPY_A)
    story_of(LOTENG_POST)
    assert {s.kind for s in story.signals.all()} == {"pengerahan_massa", "penolakan_hasil"}
    signal = story.signals.get(kind="pengerahan_massa")
    span = (date(2024, 12, 1), date(2024, 12, 31))
    assert services.signals_for("52.01", *span) == []  # not confirmed yet
    client.force_login(world.users["operator"])
    answer = client.post(f"/media/{story.pk}/sinyal/{signal.pk}/", {"verdict": "benar"})
    assert answer.status_code == 302
    assert "dikonfirmasi" in client.get(answer["Location"]).content.decode()
    (found,) = services.signals_for("52.01", *span)
    assert found == services.MediaSignal(
        SEKOTONG_BARAT, date(2024, 12, 8), "pengerahan_massa", signal.weight, story.pk
    )
    assert services.signals_for("52.01.01", *span) == []  # another kecamatan
    assert services.signals_for("52.01", date(2024, 12, 9), date(2024, 12, 31)) == []
    # Reviewing queues the classifier's training, once however many reviews wait.
    assert Job.objects.filter(name="media-belajar").count() == 1
    client.post(f"/media/{story.pk}/sinyal/{signal.pk}/", {"verdict": "salah"})
    assert services.signals_for("52.01", *span) == []
    # The review queue keeps the story while one of its signals waits for a verdict.
    queue = client.get("/media/?tinjau=1").content.decode()
    assert f"/media/{story.pk}/" in queue
    other = story.signals.get(kind="penolakan_hasil")
    client.post(f"/media/{story.pk}/sinyal/{other.pk}/", {"verdict": "benar"})
    assert f"/media/{story.pk}/" not in client.get("/media/?tinjau=1").content.decode()
    assert Story.objects.get(pk=story.pk).severity == other.weight


@pytest.mark.django_db
def test_a_neighbour_and_a_commander_cannot_review(client, world):
    story = story_of(COPY_A)
    signal = story.signals.get(kind="pengerahan_massa")
    client.force_login(world.users["neighbour"])
    assert (
        client.post(f"/media/{story.pk}/sinyal/{signal.pk}/", {"verdict": "benar"}).status_code
        == 404
    )
    client.force_login(world.users["pimpinan"])
    assert (
        client.post(f"/media/{story.pk}/sinyal/{signal.pk}/", {"verdict": "benar"}).status_code
        == 403
    )
    assert Signal.objects.get(pk=signal.pk).review == Review.NEW


@pytest.mark.django_db
def test_a_hoax_is_marked_clarified_with_its_link_and_nothing_else_is(client, world):
    hoax = story_of(OTHER)
    release = story_of(COPY_A)
    client.force_login(world.users["operator"])
    client.post(f"/media/{hoax.pk}/klarifikasi/", {"url": "bukan alamat"})
    assert Story.objects.get(pk=hoax.pk).clarified_url == ""
    client.post(f"/media/{release.pk}/klarifikasi/", {"url": "https://contoh.go.id/klarifikasi"})
    assert Story.objects.get(pk=release.pk).clarified_url == ""
    answer = client.post(
        f"/media/{hoax.pk}/klarifikasi/", {"url": "https://contoh.go.id/klarifikasi"}
    )
    page = client.get(answer["Location"]).content.decode()
    assert "sudah diklarifikasi" in page
    assert Story.objects.get(pk=hoax.pk).clarified_url == "https://contoh.go.id/klarifikasi"


@pytest.mark.django_db
def test_an_incident_is_recorded_from_a_story_where_and_when_it_happened(client, world):
    story = story_of(COPY_A)
    client.force_login(world.users["operator"])
    client.post(f"/media/{story.pk}/kejadian/", {"types": ["pengerahan_massa"]})
    incident = Incident.objects.get()
    assert incident.region_id == SEKOTONG_BARAT
    assert incident.occurred_at.date() == date(2024, 12, 8)
    assert Story.objects.get(pk=story.pk).incident_id == incident.pk
    client.post(f"/media/{story.pk}/kejadian/", {"types": ["pengerahan_massa"]})
    assert Incident.objects.count() == 1  # refused: recorded already


@pytest.mark.django_db
def test_a_pasted_post_is_read_and_a_copy_joins_its_story(client, world):
    client.force_login(world.users["operator"])
    answer = client.post(
        "/media/tambah/", {"text": COPY_A, "seen_where": "Grup Facebook warga Sekotong"}
    )
    assert answer.status_code == 302
    story = Story.objects.get()
    again = client.post("/media/tambah/", {"text": "Diteruskan: " + COPY_A})
    assert again["Location"] == answer["Location"]
    assert story.articles.count() == 2
    assert "Isi tautan atau teks" in client.post("/media/tambah/", {"text": " "}).content.decode()


@pytest.mark.django_db
def test_an_export_is_imported_whole_or_not_at_all(client, world):
    client.force_login(world.users["operator"])
    good = (
        "text,url,outlet,published,seen_where\n"
        f'"{COPY_A}",https://contoh.id/1,Akun A,2024-12-08,X\n'
        f'"{OTHER}",https://contoh.id/2,Akun B,2024-12-09,X\n'
    ).encode()
    bad = good + b",https://contoh.id/3,Akun C,2024-12-09,X\n"
    page = client.post("/media/tambah/", {"file": _named(bad, "ekspor.csv")}).content.decode()
    assert "Baris 3 tidak punya teks" in page
    assert Story.objects.count() == 0
    client.post("/media/tambah/", {"file": _named(good, "ekspor.csv")})
    assert Story.objects.count() == 2
    json_rows = b'[{"text": "Beredar hoaks surat suara sudah dicoblos di Desa Puyung."}]'
    client.post("/media/tambah/", {"file": _named(json_rows, "ekspor.json")})
    assert Story.objects.count() == 3


def _named(data: bytes, name: str) -> io.BytesIO:
    out = io.BytesIO(data)
    out.name = name
    return out


@pytest.mark.django_db
def test_the_classifier_learns_from_the_verdicts_and_shows_its_figures(world):
    from sejuk.accounts.access import viewer_for

    operator = viewer_for(world.users["operator"])
    kept = [
        f"Akun itu menulis ayo geruduk kantor panitia di Desa Sekotong Barat, unggahan ke-{i}."
        for i in range(6)
    ]
    dropped = [
        f"Lomba layang-layang berlangsung meriah, peserta menyerbu lapangan desa, hari ke-{i}."
        for i in range(6)
    ]
    assert learning.train().startswith("belum dilatih")
    for texts, verdict in ((kept, Review.CONFIRMED), (dropped, Review.REJECTED)):
        for i, text in enumerate(texts):
            # Words of its own in each, so that no two are taken for one story.
            own = " ".join(f"catatan{verdict}{i}x{k}" for k in range(40))
            story = story_of(f"{text} {own}", title=f"{verdict}-{i}")
            signal = story.signals.get()
            if story.region_id is None:
                story.region_id = SEKOTONG_BARAT
                story.save()
            services.review_signal(operator, story.pk, signal.pk, verdict)
    said = learning.train()
    classifier = Classifier.objects.get()
    assert classifier.examples == 9 and classifier.held_back == 3
    assert 0 <= classifier.precision <= 1 and 0 <= classifier.recall <= 1
    assert "presisi" in said
    fresh = story_of("Ayo geruduk kantor panitia malam ini juga di Desa Sekotong Barat.")
    assert fresh.signals.get().model_score is not None
    assert "putusan analis" in classifier.trained_on.lower()


def test_gerung_is_in_the_personas():
    assert GERUNG_UTARA and LOTENG_DESA
