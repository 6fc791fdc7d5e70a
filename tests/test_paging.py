"""Paging: any page number is answered (past the end: the API's empty page, the pages'
last page; not a number: a clean 4xx or the first page), and page links replace the
page in the query rather than appending it, escaped once."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from sejuk.accounts.models import AuditAction, AuditEvent
from tests.factories import file_report, log_activity

pytestmark = pytest.mark.django_db
HUGE = "576460752303423489"


@pytest.mark.parametrize(
    "persona,url",
    [
        ("operator", "/api/activities"),
        ("operator", "/api/reports"),
        ("operator", "/api/leaders"),
        ("admin", "/api/accounts/audit"),
    ],
)
def test_an_api_page_past_the_end_is_empty_and_a_bad_one_is_refused(client, world, persona, url):
    log_activity(world.users["bhabin"])
    file_report()
    client.force_login(world.users[persona])
    past = client.get(url, {"page": HUGE})
    assert past.status_code == 200, past.content[:300]
    assert past.json()["items"] == [] and past.json()["page"] == int(HUGE)
    for bad in ("-1", "0", "abc", "1e400"):
        refused = client.get(url, {"page": bad})
        assert refused.status_code == 422
        assert "page" in refused.json()["error"]["fields"]


@pytest.mark.parametrize("url", ["/kegiatan/", "/laporan/", "/tokoh/", "/audit/"])
def test_a_list_page_answers_any_page_number(client, world, url):
    client.force_login(world.users["admin"])
    for number in (HUGE, "-1", "abc", "1e400", "99999999999999999999999999"):
        response = client.get(url, {"halaman": number})
        assert response.status_code == 200, (number, response.status_code)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")


def _pager_links(html: str) -> list[str]:
    pager = html[html.index('class="pager"') :]
    parser = _Links()
    parser.feed(pager[: pager.index("</p>")])
    return parser.hrefs


def test_page_links_replace_the_page_and_keep_the_filters(client, world):
    for _ in range(27):
        log_activity(world.users["bhabin"], situation="kondusif", summary="Sambang & dialog")
    client.force_login(world.users["operator"])
    html = client.get("/kegiatan/", {"situasi": "kondusif", "q": "g & d", "halaman": "2"})
    links = _pager_links(html.content.decode())
    assert len(links) == 1  # page 2 of 2: only "previous"
    query = parse_qs(urlsplit(links[0]).query, keep_blank_values=True)
    assert query == {"situasi": ["kondusif"], "q": ["g & d"], "halaman": ["1"]}
    assert "&amp;" not in links[0]  # the parser unescaped the attribute: escaped once


def test_audit_page_links_keep_the_action_filter(client, world):
    unit = world.users["admin"].unit
    AuditEvent.objects.bulk_create(
        AuditEvent(action=AuditAction.EXPORT, unit=unit, object_type="activity") for _ in range(60)
    )
    client.force_login(world.users["admin"])
    html = client.get("/audit/", {"aksi": AuditAction.EXPORT}).content.decode()
    (link,) = _pager_links(html)
    query = parse_qs(urlsplit(link).query)
    assert query == {"aksi": [AuditAction.EXPORT], "halaman": ["2"]}
