import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_home_page_says_what_sejuk_is_and_links_to_what_exists(client):
    html = client.get("/").content.decode()
    assert "Cooling System" in html
    for link in ('href="/wilayah/"', 'href="/satuan/"', 'href="/api/docs"', 'href="/admin/"'):
        assert link in html
    assert "38 provinsi" in html and "7285 kecamatan" in html


def test_the_api_docs_load_without_any_cdn(client):
    html = client.get("/api/docs").content.decode()
    assert "cdn" not in html.lower()
    assert re.search(r'src="/static/ninja/swagger-ui-bundle(\.[0-9a-f]+)?\.js"', html)
