from datetime import timedelta

import pytest
from django.utils import timezone

from sejuk.crypto import decrypt
from sejuk.errors import Invalid
from sejuk.reports import intake
from sejuk.reports.models import Report
from sejuk.units.models import Unit
from tests.factories import file_report, report_input

pytestmark = pytest.mark.django_db


def test_a_citizen_report_gets_a_readable_unguessable_code():
    report = file_report()
    assert len(report.code) == 14 and report.code.count("-") == 2
    assert set(report.code.replace("-", "")) <= set(intake.CODE_ALPHABET)
    assert len({intake.new_code() for _ in range(2000)}) == 2000


def test_a_code_typed_back_loosely_still_matches():
    assert intake.normalise_code("k7m2 q9px 3tda") == "K7M2-Q9PX-3TDA"
    assert intake.normalise_code("K7M2-Q9PX-3TDO") == "K7M2-Q9PX-3TD0"  # O read as zero
    assert intake.normalise_code("pendek") == ""


def test_a_report_goes_to_the_desas_bhabinkamtibmas(world):
    report = file_report()
    assert report.assigned_officer == world.officers["sekotong"]
    assert report.assigned_unit.name == "Polsek Sekotong"


def test_without_a_bhabinkamtibmas_it_goes_to_the_polsek_then_the_polres():
    assert file_report(region="52.01.07.2004").assigned_unit.name == "Polsek Sekotong"
    assert file_report(region="52.01.07").assigned_unit.name == "Polsek Sekotong"
    assert file_report(region="52.01").assigned_unit.name == "Polres Lombok Barat"
    kerinci = file_report(region="15.72").assigned_unit  # Kota Sungai Penuh
    assert kerinci == Unit.objects.get(name="Polres Kerinci")


def test_the_deadline_follows_urgency(settings):
    now = timezone.now()
    clash = file_report(category="bentrokan")
    hoax = file_report(category="hoaks")
    live = file_report(category="hoaks", happening_now=True)
    assert clash.urgency == "darurat" and hoax.urgency == "biasa" and live.urgency == "darurat"
    assert abs(
        clash.due_at - now - timedelta(minutes=settings.REPORT_RESPONSE_MINUTES["darurat"])
    ) < timedelta(minutes=1)
    assert hoax.due_at - now > timedelta(hours=23)


def test_the_place_may_be_written_in_words():
    report = file_report(region="", place_text="Desa Sekotong Barat, Kec. Sekotong")
    assert report.region_id == "52.01.07.2002"


def test_an_ambiguous_place_offers_the_candidates():
    with pytest.raises(intake.AmbiguousPlace) as caught:
        file_report(region="", place_text="Paseban")
    assert len(caught.value.choices) >= 5
    assert not Report.objects.exists()


def test_contact_details_are_stored_encrypted_and_anonymity_stores_none():
    named = file_report(anonymous=False, name="Siti Aminah", phone="0812-3456-7890")
    stored = Report.objects.values("reporter_name", "reporter_phone").get(pk=named.pk)
    assert "Siti" not in stored["reporter_name"] and "812" not in stored["reporter_phone"]
    assert decrypt(stored["reporter_name"]) == "Siti Aminah"
    assert decrypt(stored["reporter_phone"]) == "+6281234567890"
    anonymous = file_report(anonymous=True, name="Siti Aminah", phone="0812-3456-7890")
    assert anonymous.reporter_name == "" and anonymous.reporter_phone == ""


def test_bad_input_is_explained_and_nothing_is_stored():
    with pytest.raises(Invalid) as caught:
        intake.submit(
            report_input(
                category="kudeta",
                description="pendek",
                region="99.99",
                anonymous=False,
                phone="12ab",
                lat=40.0,
            )
        )
    assert caught.value.fields == {
        "region": "kode wilayah tidak dikenal",
        "category": "pilih salah satu kategori",
        "description": "ceritakan apa yang terjadi (minimal 10 huruf)",
        "phone": "Nomor harus diawali 0, 62, atau +62.",
        "lat": "di luar wilayah Indonesia",
    }
    assert not Report.objects.exists()


def test_a_photo_that_is_not_a_photo_stops_the_whole_report():
    with pytest.raises(Invalid, match="Laporan belum dapat dikirim"):
        file_report(photo=b"MZ\x90\x00 this is an exe")
    assert not Report.objects.exists()


def test_no_political_preference_is_asked_or_stored():
    fields = {f.name for f in Report._meta.get_fields()}
    assert not any(
        word in name for name in fields for word in ("paslon", "pilihan", "candidate", "dukung")
    )
    from sejuk.reports.forms import ReportForm

    assert not any(w in str(ReportForm().fields) for w in ("paslon", "dukung"))
