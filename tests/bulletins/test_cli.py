"""`sejuk bulletin ...` under the area rule of the user named by --as."""

from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tests.factories import log_activity

pytestmark = pytest.mark.django_db


def test_the_daily_report_from_the_command_line(world, tmp_path, capsys):
    day = date.today() - timedelta(days=1)
    log_activity(world.users["bhabin"], date=day)
    out = tmp_path / "lapsit.pdf"
    call_command(
        "bulletin", "daily", "--unit", "Polres Lombok Barat", "--date", str(day),
        "--as", "operator_lobar", "--out", str(out),
    )  # fmt: skip
    assert out.read_bytes().startswith(b"%PDF")
    assert str(out) in capsys.readouterr().out


def test_the_area_rule_holds_on_the_command_line(world, tmp_path):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command(
            "bulletin", "daily", "--unit", "Polres Lombok Barat", "--as", "operator_loteng",
            "--out", str(tmp_path / "x.pdf"),
        )  # fmt: skip
    with pytest.raises(CommandError, match="Peran"):
        call_command("bulletin", "daily", "--as", "bhabin_sekotong", "--out", str(tmp_path / "y"))
    assert not (tmp_path / "x.pdf").exists()


def test_the_recap_and_a_release_from_the_command_line(world, tmp_path, capsys):
    activity = log_activity(world.users["bhabin"])
    out = tmp_path / "rekap.xlsx"
    call_command(
        "bulletin", "recap", "--unit", "Polres Lombok Barat", "--as", "humas_lobar",
        "--out", str(out),
    )  # fmt: skip
    assert "Polsek Sekotong" in load_workbook(out).sheetnames
    capsys.readouterr()
    call_command("bulletin", "release", "--activity", str(activity.pk), "--as", "humas_lobar")
    text = capsys.readouterr().out
    assert "Lombok Barat, NTB – Personel Polsek Sekotong" in text
