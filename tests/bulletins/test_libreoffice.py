"""The documents open in LibreOffice (Debian's, headless) without complaint: each DOCX
and XLSX converts to PDF and the PDF says what the document says."""

import io
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from sejuk import dates
from sejuk.accounts.access import viewer_for
from sejuk.bulletins import services
from sejuk.units.models import Unit
from tests.conftest import requires_program
from tests.factories import file_report, log_activity

pytestmark = pytest.mark.django_db
# Without its desktop parts; the fonts the documents name (Arial's metric twin) so the
# conversion lays them out truly.
LIBREOFFICE_PACKAGES = (
    "libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation fonts-dejavu-core"
)
# LibreOffice says this on every start where no Java is installed: not about the file.
KNOWN_NOISE = ("Warning: failed to launch javaldx - java may not function correctly",)


def convert(path: Path, tmp_path: Path) -> str:
    libreoffice = requires_program("libreoffice", LIBREOFFICE_PACKAGES)
    result = subprocess.run(
        [
            libreoffice,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    complaints = [
        line for line in result.stderr.splitlines() if line.strip() and line not in KNOWN_NOISE
    ]
    assert complaints == []
    converted = tmp_path / "out" / (path.stem + ".pdf")
    assert converted.exists(), result.stdout
    reader = PdfReader(io.BytesIO(converted.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_daily_report_release_and_recap_open_in_libreoffice(world, tmp_path):
    day = date.today() - timedelta(days=2)
    activity = log_activity(world.users["bhabin"], date=day, situation="kondusif")
    file_report()
    humas = viewer_for(world.users["humas"])
    polres = Unit.objects.get(name="Polres Lombok Barat").pk
    files = {
        "daily": services.daily_file(humas, polres, day, "docx"),
        "release": services.release_file(humas, activity.pk, "docx"),
        "recap": services.recap_file(humas, polres, day - timedelta(days=6), day),
    }
    paths = {}
    for kind, file in files.items():
        paths[kind] = tmp_path / file.name
        paths[kind].write_bytes(file.content)

    daily = convert(paths["daily"], tmp_path)
    assert "LAPORAN SITUASI HARIAN" in daily and dates.full_date(day) in daily
    assert "Kegiatan Cooling System" in daily and "Polsek Sekotong" in daily
    assert "Grafik 1. Kegiatan per jenis" in daily

    release = convert(paths["release"], tmp_path)
    draft = services.release_draft(humas, activity.pk)
    assert " ".join(draft.title.split()) in " ".join(release.split())
    assert dates.release_date(day) in release

    recap = convert(paths["recap"], tmp_path)
    assert "REKAPITULASI KEGIATAN COOLING SYSTEM" in recap
    assert "Polsek Sekotong" in recap and "Kegiatan per minggu" in recap
