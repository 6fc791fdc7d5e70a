"""A link an officer pastes is fetched by the server, so it must lead to the public
internet: a pasted address inside the server's own network (loopback, private ranges,
a cloud's metadata address), directly or by a redirect, is refused in words and nothing
is stored; where an administrator allows it (a closed network), it is read."""

from __future__ import annotations

import pytest

from sejuk.media.fetch import FetchError, check_public
from sejuk.media.models import Story
from tests.media.outlets import COPY_A, outlet, page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost", "10.1.2.3", "192.168.0.10", "169.254.169.254", "::1"]
)
def test_an_address_inside_the_network_is_not_public(host):
    with pytest.raises(FetchError, match="jaringan dalam"):
        check_public(host)


def test_a_public_address_passes():
    check_public("93.184.216.34")  # a literal address: no name lookup needed


def test_a_pasted_link_to_the_server_s_own_network_is_refused_and_nothing_stored(client, world):
    client.force_login(world.users["operator"])
    with outlet() as fake:
        url = fake.serve("/berita", page("Judul", COPY_A, "Kabar Lombok", "2024-12-08"))
        answer = client.post("/media/tambah/", {"url": url})
        assert fake.requests == []  # never asked
    text = answer.content.decode()
    assert answer.status_code == 200 and "jaringan dalam" in text
    assert Story.objects.count() == 0


def test_where_allowed_a_pasted_link_on_the_closed_network_is_read(client, world, settings):
    settings.MEDIA_PASTE_PRIVATE = True
    client.force_login(world.users["operator"])
    with outlet() as fake:
        url = fake.serve("/berita", page("Ajakan geruduk", COPY_A, "Kabar Lombok", "2024-12-08"))
        answer = client.post("/media/tambah/", {"url": url})
        assert [path for path, _ in fake.requests] == ["/berita"]
    assert answer.status_code == 302
    story = Story.objects.get()
    assert story.title == "Ajakan geruduk"
