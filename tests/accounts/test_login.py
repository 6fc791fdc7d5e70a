import pytest
from django.test import Client

from sejuk.accounts.models import AuditEvent, User
from tests.personas import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "kata-sandi-yang-panjang-1"


@pytest.fixture
def operator(settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    return make_user("operator_lobar", "Polres Lombok Barat", "operator")


def sign_in(client, username, password):
    return client.post("/masuk/", {"username": username, "password": password})


def test_passwords_are_hashed_with_argon2(operator):
    assert User.objects.get(pk=operator.pk).password.startswith("argon2$")


def test_an_officer_signs_in_and_the_sign_in_is_audited(client, operator):
    response = sign_in(client, "operator_lobar", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    event = AuditEvent.objects.filter(action="login").latest("created_at")
    assert event.actor == operator and event.unit == operator.unit
    assert event.ip == "127.0.0.1"


def test_a_wrong_password_says_so_in_indonesian_and_is_audited(client, operator):
    response = sign_in(client, "operator_lobar", "salah")
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in response.content.decode()
    event = AuditEvent.objects.filter(action="login_failed").latest("created_at")
    assert event.detail == {"username": "operator_lobar"}
    assert "salah" not in str(event.detail)  # the password tried is never kept


def test_repeated_failures_lock_the_account_out_for_a_while(client, operator, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "operator_lobar", "salah").status_code == 200
    locked = sign_in(client, "operator_lobar", "salah")
    assert locked.status_code == 429
    assert "Terlalu banyak percobaan masuk" in locked.content.decode()
    # Even the right password is refused while locked.
    assert sign_in(client, "operator_lobar", PASSWORD).status_code == 429
    assert AuditEvent.objects.filter(action="locked_out").exists()


def test_an_administrator_unlocks_a_locked_user(client, operator, settings):
    from django.core.management import call_command

    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "operator_lobar", "salah")
    assert sign_in(client, "operator_lobar", PASSWORD).status_code == 429
    call_command("users", "unlock", "operator_lobar")
    assert sign_in(client, "operator_lobar", PASSWORD).status_code == 302


def test_the_sign_in_form_needs_its_csrf_token(operator):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/masuk/", {"username": "operator_lobar", "password": PASSWORD})
    assert response.status_code == 403
    assert "Formulir kedaluwarsa" in response.content.decode()


def test_pages_carry_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "geolocation=(self)" in response["Permissions-Policy"]


def test_the_session_cookie_is_http_only_and_same_site(client, operator):
    sign_in(client, "operator_lobar", PASSWORD)
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_signing_out_is_a_post_and_is_audited(client, operator):
    sign_in(client, "operator_lobar", PASSWORD)
    assert client.post("/keluar/").status_code == 302
    assert AuditEvent.objects.filter(action="logout", actor=operator).exists()
    assert client.get("/tokoh/").status_code == 302
