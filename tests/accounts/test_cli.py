import pytest
from django.core.management import CommandError, call_command

from sejuk.accounts.models import User

pytestmark = pytest.mark.django_db


def test_users_create_resolves_the_unit_and_prints_a_one_time_password(capsys):
    call_command(
        "users",
        "create",
        "--username",
        "budi",
        "--unit",
        "Polres Lombok Barat",
        "--role",
        "operator",
        "--role",
        "pimpinan",
        "--name",
        "Budi Santoso",
    )
    out = capsys.readouterr().out
    assert "Pengguna budi dibuat di Polres Lombok Barat" in out
    assert "Kata sandi sementara" in out
    budi = User.objects.get(username="budi")
    assert budi.role_set() == {"operator", "pimpinan"}
    assert budi.must_change_password and budi.first_name == "Budi"


def test_users_create_accepts_an_abbreviated_unit_name(capsys):
    call_command("users", "create", "--username", "ani", "--unit", "Polres PPU", "--role", "humas")
    assert User.objects.get(username="ani").unit.name == "Polres Penajam Paser Utara"


def test_an_ambiguous_unit_is_refused_with_the_candidates():
    with pytest.raises(CommandError, match="tidak tunggal"):
        call_command(
            "users", "create", "--username", "x", "--unit", "Polres Banjar", "--role", "operator"
        )
    assert not User.objects.filter(username="x").exists()


def test_a_bhabinkamtibmas_user_needs_their_officer_record():
    with pytest.raises(CommandError, match="personelnya"):
        call_command(
            "users",
            "create",
            "--username",
            "x",
            "--unit",
            "Polsek Sekotong",
            "--role",
            "bhabinkamtibmas",
        )


def test_an_unknown_role_is_refused():
    with pytest.raises(CommandError):
        call_command(
            "users", "create", "--username", "x", "--unit", "Polres Lombok Barat", "--role", "raja"
        )


def test_leaders_from_the_cli_obey_the_area_of_the_user_named(world, capsys):
    call_command("leaders", "list", "--as", "bhabin_sekotong")
    out = capsys.readouterr().out
    assert "Ustaz Hamid" in out and "Pak Lalu Made" not in out
    call_command("leaders", "list", "--as", "operator_lobar", "--csv")
    csv = capsys.readouterr().out
    assert "Ustaz Hamid" in csv and "Pak Lalu Made" in csv and "Ibu Baiq Sari" not in csv


def test_a_token_from_the_cli(world, capsys):
    call_command("users", "token", "operator_lobar", "--name", "integrasi")
    assert "sejuk_" in capsys.readouterr().out


def test_a_bhabinkamtibmas_is_created_with_their_villages_in_one_command(capsys):
    call_command(
        "users",
        "create",
        "--username",
        "andi",
        "--unit",
        "Polsek Sekotong",
        "--role",
        "bhabinkamtibmas",
        "--name",
        "Andi Saputra",
        "--rank",
        "Bripka",
        "--villages",
        "52.01.07.2002,52.01.07.2003",
    )
    andi = User.objects.get(username="andi")
    assert andi.officer.rank == "Bripka" and andi.officer.is_bhabinkamtibmas
    assert set(andi.officer.villages.values_list("code", flat=True)) == {
        "52.01.07.2002",
        "52.01.07.2003",
    }


def test_villages_outside_the_unit_are_refused_and_nothing_is_created():
    with pytest.raises(CommandError, match="di luar wilayah"):
        call_command(
            "users",
            "create",
            "--username",
            "andi",
            "--unit",
            "Polsek Sekotong",
            "--role",
            "bhabinkamtibmas",
            "--villages",
            "52.01.01.1001",
        )
    assert not User.objects.filter(username="andi").exists()
