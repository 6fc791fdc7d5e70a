import pytest

from sejuk.accounts.models import ApiToken, AuditEvent
from sejuk.accounts.tokens import create_token

pytestmark = pytest.mark.django_db


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_a_token_is_shown_once_and_only_its_digest_is_stored(client, world):
    client.force_login(world.users["operator"])
    page = client.post("/akun/token/", {"name": "Integrasi WhatsApp"}).content.decode()
    record = ApiToken.objects.get(user=world.users["operator"])
    token = page.split('<code class="token">')[1].split("</code>")[0]
    assert token.startswith(f"sejuk_{record.prefix}_")
    assert token not in record.digest and len(record.digest) == 64
    assert token not in client.get("/akun/token/").content.decode()
    assert AuditEvent.objects.filter(action="token_created", object_id=str(record.pk)).exists()


def test_a_token_acts_with_its_owners_roles_and_area(client, world):
    _, token = create_token(world.users["bhabin"], "uji")
    me = client.get("/api/accounts/me", **bearer(token)).json()
    assert me["username"] == "bhabin_sekotong" and me["villages"] == ["52.01.07.2002"]
    names = [x["name"] for x in client.get("/api/leaders", **bearer(token)).json()["items"]]
    assert names == ["Ustaz Hamid"]
    other = world.leaders["other"].pk
    assert client.get(f"/api/leaders/{other}", **bearer(token)).status_code == 404


def test_a_revoked_token_no_longer_works(client, world):
    record, token = create_token(world.users["operator"], "uji")
    assert client.get("/api/accounts/me", **bearer(token)).status_code == 200
    client.force_login(world.users["operator"])
    client.post(f"/akun/token/{record.pk}/cabut/")
    client.logout()
    response = client.get("/api/accounts/me", **bearer(token))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "perlu_masuk"


def test_a_token_of_a_deactivated_user_no_longer_works(client, world):
    _, token = create_token(world.users["operator"], "uji")
    world.users["operator"].is_active = False
    world.users["operator"].save()
    assert client.get("/api/accounts/me", **bearer(token)).status_code == 401


def test_a_made_up_token_is_refused(client, world):
    assert client.get("/api/leaders", **bearer("sejuk_abcd_salah")).status_code == 401


def test_using_a_token_records_when_it_was_last_used(client, world):
    record, token = create_token(world.users["operator"], "uji")
    assert record.last_used_at is None
    client.get("/api/accounts/me", **bearer(token))
    record.refresh_from_db()
    assert record.last_used_at is not None


def test_a_token_needs_a_name(client, world):
    client.force_login(world.users["operator"])
    page = client.post("/akun/token/", {"name": "  "}).content.decode()
    assert "Nama token wajib diisi" in page
    assert not ApiToken.objects.exists()
