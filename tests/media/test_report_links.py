"""A citizen's report may carry a link: whichever way the report comes in, the link is
read in the background as a pasted link is (never while the report is written), the
story shows "dari laporan warga <kode>" to those who may see that report, and the case
page shows the link's story. A bad link never stops the report."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from sejuk.background import REGISTRY
from sejuk.jobs.models import Job, State
from sejuk.jobs.runner import run_due
from sejuk.links.report_media import JOB, RETRY_AFTER, links_in
from sejuk.media.models import Article, Channel, ReportLink, Story
from sejuk.reports import intake
from sejuk.reports.models import Channel as ReportChannel
from sejuk.reports.models import Report
from tests.media.outlets import COPY_A, outlet, page
from tests.personas import SEKOTONG_BARAT

pytestmark = pytest.mark.django_db


def _form(description: str) -> dict[str, str]:
    return {
        "category": "provokasi",
        "description": description,
        "region": SEKOTONG_BARAT,
        "anonymous": "on",
    }


def _read_links() -> list[str]:
    return [o.result for o in run_due(REGISTRY, "uji") if o.job.name == JOB]


def test_the_links_of_a_text_are_found_without_the_sentence_s_punctuation():
    text = "Lihat https://kabar.example/a/1?x=2, juga (http://b.example/z). Lagi https://kabar.example/a/1?x=2."
    assert links_in(text) == ["https://kabar.example/a/1?x=2", "http://b.example/z"]
    assert links_in("tidak ada tautan di sini, hanya http:// saja") == []


def test_a_citizen_s_link_is_read_after_the_report_is_filed_and_shown_on_both_pages(
    client, world, settings
):
    settings.MEDIA_PASTE_PRIVATE = True  # the fake outlet is on the loopback address
    with outlet() as fake:
        url = fake.serve("/ajakan", page("Ajakan geruduk", COPY_A, "Kabar Lombok", "2024-12-08"))
        sent = client.post("/lapor/", _form(f"Ada ajakan geruduk beredar, lihat {url}."))
        assert sent.status_code == 302
        assert fake.requests == []  # nothing fetched while the report was filed
        report = Report.objects.get()
        assert Job.objects.filter(name=JOB, payload={"report": report.pk}).exists()
        (result,) = _read_links()
        assert [path for path, _ in fake.requests] == ["/robots.txt", "/ajakan"]
    assert result == f"1 tautan laporan {report.code} dibaca"
    story = Story.objects.get()
    article = story.articles.get()
    assert article.channel == Channel.REPORT and article.url == url
    assert article.seen_where == f"laporan warga di {report.region.name}"
    assert story.region_id == SEKOTONG_BARAT
    assert {s.kind for s in story.signals.all()} >= {"pengerahan_massa"}

    client.force_login(world.users["operator"])
    shown = client.get(f"/media/{story.pk}/").content.decode()
    assert f"dari laporan warga {report.code}" in shown
    case = client.get(f"/laporan/{report.pk}/").content.decode()
    assert f'href="/media/{story.pk}/"' in case and "Ajakan geruduk" in case


def test_humas_sees_the_story_but_not_the_report_it_came_from(client, world, settings):
    settings.MEDIA_PASTE_PRIVATE = True
    with outlet() as fake:
        url = fake.serve("/ajakan", page("Ajakan geruduk", COPY_A, "Kabar Lombok", "2024-12-08"))
        client.post("/lapor/", _form(f"Ada ajakan geruduk beredar: {url}"))
        _read_links()
    report, story = Report.objects.get(), Story.objects.get()
    client.force_login(world.users["humas"])  # reads media, not citizen reports
    shown = client.get(f"/media/{story.pk}/").content.decode()
    assert shown and report.code not in shown and "dari laporan warga" not in shown


def test_a_link_into_the_server_s_network_is_refused_and_the_report_is_still_filed(client, world):
    with outlet() as fake:
        url = fake.serve("/dalam", page("Rahasia", COPY_A, "Dalam", "2024-12-08"))
        answer = client.post(
            "/api/public/reports",
            {
                "category": "provokasi",
                "description": f"Ada ajakan geruduk di grup warga {url}",
                "region": SEKOTONG_BARAT,
            },
            content_type="application/json",
        )
        assert answer.status_code == 201
        (result,) = _read_links()
        assert fake.requests == []  # never asked
    report = Report.objects.get()
    assert result == f"0 tautan laporan {report.code} dibaca, 1 gagal"
    link = ReportLink.objects.get()
    assert link.story is None and "jaringan dalam" in link.error
    assert not Story.objects.exists()
    assert _read_links() == []  # not retried in a loop
    client.force_login(world.users["operator"])
    case = client.get(f"/laporan/{report.pk}/").content.decode()
    assert "tidak dapat dibaca" in case and "jaringan dalam" in case


def test_a_chat_report_s_link_joins_the_story_already_read_from_a_feed(world, settings):
    settings.MEDIA_PASTE_PRIVATE = True
    with outlet() as fake:
        url = fake.serve("/ajakan", page("Ajakan geruduk", COPY_A, "Kabar Lombok", "2024-12-08"))
        known = Story.objects.create(
            title="Ajakan geruduk",
            text=COPY_A,
            first_published="2024-12-08T03:00Z",
            latest_published="2024-12-08T03:00Z",
        )
        Article.objects.create(
            story=known,
            channel=Channel.FEED,
            url=url,
            text=COPY_A,
            published_at="2024-12-08T03:00Z",
            signature=b"",
        )
        data = intake.ReportInput(
            category="provokasi",
            description=f"Pak, ada ajakan geruduk {url}",
            region=SEKOTONG_BARAT,
        )
        report = intake.submit(data, channel=ReportChannel.WHATSAPP)
        _read_links()
        assert fake.requests == []  # read before: not fetched again
    assert ReportLink.objects.get(report=report).story == known
    assert Article.objects.count() == 1


def test_a_report_without_a_link_queues_nothing(client):
    client.post("/lapor/", _form("Ada pembagian amplop di rumah warga tadi malam."))
    assert Report.objects.exists()
    assert not Job.objects.filter(name=JOB).exists()


def test_a_link_cut_by_phone_masking_is_read_from_the_words_as_sent(client, settings):
    settings.MEDIA_PASTE_PRIVATE = True
    with outlet() as fake:
        url = fake.serve(
            "/berita/081234567890", page("Ajakan geruduk", COPY_A, "Kabar Lombok", "2024-12-08")
        )
        client.post("/lapor/", _form(f"Ajakan geruduk beredar: {url}"))
        _read_links()
    assert url not in Report.objects.get().description  # the number in it was masked
    assert ReportLink.objects.get().url == url
    assert ReportLink.objects.get().story is not None


def test_a_link_the_site_s_robots_txt_disallows_is_not_read_and_says_why(client, settings):
    settings.MEDIA_PASTE_PRIVATE = True
    with outlet() as fake:
        fake.serve("/robots.txt", b"User-agent: *\nDisallow: /\n", "text/plain")
        url = fake.serve("/ajakan", page("Ajakan geruduk", COPY_A, "Kabar Lombok", "2024-12-08"))
        client.post("/lapor/", _form(f"Ajakan geruduk beredar: {url}"))
        _read_links()
        assert [path for path, _ in fake.requests] == ["/robots.txt"]
    link = ReportLink.objects.get()
    assert link.story is None and "robots.txt" in link.error
    assert Report.objects.exists() and not Story.objects.exists()


def _report_with_link_answering(client, fake, status: int) -> str:  # type: ignore[no-untyped-def]
    """A citizen's report whose one link the site answers with ``status``; its code."""
    url = fake.serve("/ajakan", page("Ajakan geruduk", COPY_A, "Kabar Lombok", "2024-12-08"))
    fake.statuses["/ajakan"] = status
    client.post("/lapor/", _form(f"Ajakan geruduk beredar: {url}"))
    return Report.objects.get().code


def _make_due() -> None:
    Job.objects.filter(name=JOB, state=State.WAITING).update(run_after=timezone.now())


def test_a_link_whose_site_fails_for_now_is_read_on_a_later_try(client, world, settings):
    settings.MEDIA_PASTE_PRIVATE = True
    with outlet() as fake:
        code = _report_with_link_answering(client, fake, 503)
        report = Report.objects.get()
        assert _read_links() == [f"0 tautan laporan {code} dibaca, 1 dicoba lagi nanti"]
        link = ReportLink.objects.get()
        assert link.read_at is None and "503" in link.error and "dicoba lagi" in link.error
        waiting = Job.objects.get(name=JOB, state=State.WAITING)
        assert waiting.payload == {"report": report.pk, "try": 2}
        assert waiting.run_after > timezone.now() + timedelta(minutes=4)
        assert _read_links() == []  # not before its time
        client.force_login(world.users["operator"])
        case = client.get(f"/laporan/{report.pk}/").content.decode()
        assert "Akan dicoba lagi otomatis" in case

        del fake.statuses["/ajakan"]  # the site is back
        _make_due()
        assert _read_links() == [f"1 tautan laporan {report.code} dibaca"]
    link = ReportLink.objects.get()
    assert link.story is not None and link.error == "" and link.read_at is not None
    assert not Job.objects.filter(name=JOB, state=State.WAITING).exists()


def test_a_link_whose_site_never_answers_is_given_up_after_the_last_try(client, settings):
    settings.MEDIA_PASTE_PRIVATE = True
    with outlet() as fake:
        code = _report_with_link_answering(client, fake, 502)
        results = []
        for _ in range(len(RETRY_AFTER) + 2):
            results += _read_links()
            _make_due()
    assert results == [f"0 tautan laporan {code} dibaca, 1 dicoba lagi nanti"] * len(
        RETRY_AFTER
    ) + [f"0 tautan laporan {code} dibaca, 1 gagal"]
    link = ReportLink.objects.get()
    assert link.read_at is not None and "502" in link.error and "dicoba lagi" not in link.error
    assert not Job.objects.filter(name=JOB, state=State.WAITING).exists()


def test_a_page_the_site_refuses_is_not_asked_again(client, settings):
    settings.MEDIA_PASTE_PRIVATE = True
    with outlet() as fake:
        code = _report_with_link_answering(client, fake, 404)
        assert _read_links() == [f"0 tautan laporan {code} dibaca, 1 gagal"]
    assert "404" in ReportLink.objects.get().error
    assert not Job.objects.filter(name=JOB, state=State.WAITING).exists()
