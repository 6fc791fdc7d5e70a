import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

REPO = Path(__file__).resolve().parents[2]
BOUNDARIES = REPO / "tests" / "fixtures" / "wilayah_boundaries"


def run_sejuk(*args: str) -> subprocess.CompletedProcess[str]:
    sejuk = Path(sys.executable).with_name("sejuk")
    return subprocess.run(
        [str(sejuk), *args], capture_output=True, text=True, cwd=REPO, timeout=120
    )


def test_find_prints_the_village_first_from_the_installed_command():
    result = run_sejuk("regions", "find", "Desa Sekotong Barat, Kecamatan Sekotong, Lombok Barat")
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0].split("\t")
    assert first[0] == "52.01.07.2002"
    assert first[2].startswith("Sekotong Barat, Sekotong, Kabupaten Lombok Barat")


def test_find_without_a_match_fails_with_an_indonesian_message():
    result = run_sejuk("regions", "find", "Qwxyzplumbus")
    assert result.returncode != 0
    assert "Tidak ada wilayah yang cocok" in result.stderr


def test_find_as_json_lines():
    out = StringIO()
    call_command("regions", "find", "Kota Bima", "--json", "--limit", "1", stdout=out)
    row = json.loads(out.getvalue())
    assert row["code"] == "52.72" and row["kind"] == "kota"


@pytest.mark.django_db
def test_load_is_idempotent_and_says_so():
    out = StringIO()
    call_command("regions", "load", stdout=out)
    assert "0 baru, 0 diperbarui, 91599 tetap" in out.getvalue()


@pytest.mark.django_db
def test_count_prints_each_kind():
    out = StringIO()
    call_command("regions", "count", stdout=out)
    counts = dict(line.split("\t") for line in out.getvalue().splitlines())
    assert counts["provinsi"] == "38" and counts["kecamatan"] == "7285"


@pytest.mark.django_db
def test_load_boundaries_refuses_unknown_levels():
    with pytest.raises(CommandError, match="Tingkat tidak dikenal: rt"):
        call_command("regions", "load-boundaries", str(BOUNDARIES), "--levels", "kab,rt")


@pytest.mark.django_db
def test_load_boundaries_from_a_folder_in_the_source_layout():
    out = StringIO()
    call_command("regions", "load-boundaries", str(BOUNDARIES), "--levels", "kec", stdout=out)
    assert "2 wilayah diperbarui, 0 kode tidak dikenal, 5 dilewati" in out.getvalue()
