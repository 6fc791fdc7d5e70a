import pytest
from django.core.management import call_command

from sejuk.accounts.models import AuditEvent, User

pytestmark = pytest.mark.django_db


def test_after_a_reset_the_user_must_choose_a_new_password_first(client, world, capsys):
    call_command("users", "reset-password", "operator_lobar")
    temporary = capsys.readouterr().out.split(": ")[1].split(" ")[0]
    operator = User.objects.get(username="operator_lobar")
    assert operator.must_change_password
    client.post("/masuk/", {"username": "operator_lobar", "password": temporary})
    assert client.get("/tokoh/")["Location"] == "/akun/sandi/"
    api = client.get("/api/leaders")
    assert api.status_code == 403 and api.json()["error"]["code"] == "ganti_kata_sandi"
    page = client.get("/akun/sandi/").content.decode()
    assert "Buat kata sandi baru" in page
    response = client.post(
        "/akun/sandi/",
        {
            "old_password": temporary,
            "new_password1": "sandi-baru-yang-kuat-2",
            "new_password2": "sandi-baru-yang-kuat-2",
        },
    )
    assert response.status_code == 302
    operator.refresh_from_db()
    assert not operator.must_change_password
    assert client.get("/tokoh/").status_code == 200
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"password_reset", "password_changed"} <= actions


def test_a_weak_new_password_is_refused_in_indonesian(client, world):
    client.force_login(world.users["operator"])
    response = client.post(
        "/akun/sandi/",
        {
            "old_password": "kata-sandi-yang-panjang-1",
            "new_password1": "12345",
            "new_password2": "12345",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "terlalu pendek" in html or "terlalu umum" in html


def test_an_administrator_resets_a_password_in_the_admin(client, world):
    client.force_login(world.users["admin"])
    operator = world.users["operator"]
    response = client.post(
        f"/admin/accounts/user/{operator.pk}/password/",
        {"password1": "sementara-panjang-9", "password2": "sementara-panjang-9"},
    )
    assert response.status_code == 302
    operator.refresh_from_db()
    assert operator.must_change_password and operator.check_password("sementara-panjang-9")
