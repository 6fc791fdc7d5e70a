"""`sejuk extract`: files in, one JSON object per file (or a summary) out, clear Indonesian
errors for bad input."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

REPO = Path(__file__).resolve().parents[1]
SEJUK = str(Path(sys.executable).with_name("sejuk"))
REPORT = (
    "Polsek Gerung melaksanakan patroli dialogis ke Kelurahan Gerung Utara, Kecamatan Gerung, "
    "Jumat (20/12/2024) pukul 21.10 Wita. Keadaan terpantau aman dan terkendali."
)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "laporan-gerung.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def run(*args: str) -> str:
    out = StringIO()
    call_command("extract", *args, stdout=out)
    return out.getvalue()


def test_it_prints_one_contract_object_per_file_named_by_the_file(report, tmp_path):
    other = tmp_path / "kemarin.txt"
    other.write_text("Polsek Lingsar menyambangi ketua RT kemarin.", encoding="utf-8")
    lines = run(str(report), str(other), "--published", "2024-12-21").splitlines()
    first, second = (json.loads(line) for line in lines)
    assert list(first)[:2] == ["id", "kind"]
    assert first["id"] == "laporan-gerung"
    assert first["place"]["code"] == "52.01.01.1001"
    assert first["situation"] == "kondusif"
    assert second["id"] == "kemarin" and second["event_date"] == "2024-12-20"


def test_the_area_narrows_a_village_name(tmp_path):
    path = tmp_path / "paseban.txt"
    path.write_text("Bhabinkamtibmas mengunjungi pos kamling Desa Paseban.", encoding="utf-8")
    got = json.loads(run(str(path), "--area", "33.10"))
    assert got["place"]["code"].startswith("33.10.")


def test_the_text_format_is_an_indonesian_summary(report):
    out = run(str(report), "--format", "text")
    assert "== laporan-gerung ==" in out
    assert "Jumat, 20/12/2024 pukul 21.10 WITA" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["tidak-ada.txt"], "Berkas tidak ditemukan"),
        (["{report}", "--published", "21-12-2024"], "Tanggal terbit tidak sah"),
        (["{report}", "--area", "99.99"], "Kode wilayah tidak dikenal"),
    ],
)
def test_bad_input_gets_a_clear_indonesian_error(report, args, message):
    with pytest.raises(CommandError, match=message):
        run(*(a.format(report=report) for a in args))


def test_the_command_line_exits_non_zero_on_bad_input(tmp_path):
    done = subprocess.run(
        [SEJUK, "extract", str(tmp_path / "hilang.txt")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode != 0
    assert "Berkas tidak ditemukan" in done.stderr
