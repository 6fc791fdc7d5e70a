"""The key of the reporters' contact details: generated only while nothing is encrypted,
and checked against what is stored, so a data folder restored without its key, or
started with another key, is refused rather than run with contacts nobody can read."""

import pytest
from cryptography.fernet import Fernet

from sejuk import crypto
from sejuk.reports.models import Report
from tests.factories import file_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def keys(settings, tmp_path):
    """A data folder of its own for the key file; the process's cached key forgotten."""
    settings.ENCRYPTION_KEYS = []
    settings.ENCRYPTION_KEY_FILE = tmp_path / "encryption_key"
    crypto.forget_keys()
    yield settings
    crypto.forget_keys()


def file_named_report(name: str = "Siti Aminah") -> Report:
    return file_report(anonymous=False, name=name, phone="0812-3456-7890")


def test_the_first_contact_generates_a_key_once_and_keeps_it(keys):
    assert crypto.key_problem() is None  # nothing encrypted yet: nothing to open
    report = file_named_report()
    key = keys.ENCRYPTION_KEY_FILE.read_text()
    assert keys.ENCRYPTION_KEY_FILE.stat().st_mode & 0o777 == 0o600
    crypto.forget_keys()
    file_named_report("Budi")
    assert keys.ENCRYPTION_KEY_FILE.read_text() == key
    assert crypto.decrypt(Report.objects.get(pk=report.pk).reporter_name) == "Siti Aminah"
    assert crypto.key_problem() is None


def test_no_key_is_generated_while_contacts_encrypted_with_a_lost_key_exist(keys):
    file_named_report()
    keys.ENCRYPTION_KEY_FILE.unlink()  # the folder was restored without its key
    crypto.forget_keys()
    problem = crypto.key_problem()
    assert problem and "kunci enkripsi" in problem and "tidak ditemukan" in problem
    assert str(keys.ENCRYPTION_KEY_FILE) in problem
    with pytest.raises(crypto.KeyProblem):
        file_named_report("Budi")
    with pytest.raises(crypto.KeyProblem):
        crypto.ensure_key()
    assert not keys.ENCRYPTION_KEY_FILE.exists()


def test_another_key_is_refused_and_an_old_key_behind_a_new_one_still_opens(keys):
    file_named_report()
    old = keys.ENCRYPTION_KEY_FILE.read_text().strip()
    keys.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    problem = crypto.key_problem()
    assert problem and "SEJUK_ENCRYPTION_KEYS" in problem and "tidak dapat membuka" in problem
    keys.ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old]
    assert crypto.key_problem() is None


def test_anonymous_reports_need_no_key(keys):
    file_report(anonymous=True)
    assert crypto.key_problem() is None


def test_a_forwarded_message_kept_encrypted_counts_as_data_the_key_must_open(keys):
    # An anonymous report: no contact, but the phone number in its text was masked and
    # the text as it came in kept encrypted. Losing the key would lose that text too.
    report = file_report(
        anonymous=True, description="Ada keributan di pos ronda, hubungi saya 0812-3456-7890."
    )
    stored = Report.objects.get(pk=report.pk)
    assert stored.reporter_name == "" and stored.source_text
    keys.ENCRYPTION_KEY_FILE.unlink()
    crypto.forget_keys()
    assert crypto.key_problem() == crypto.missing_key_message()
