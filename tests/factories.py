"""Small keyword-only factories for test data on the real database."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from sejuk.units.models import Officer, Unit


def unit(name: str) -> Unit:
    return Unit.objects.get(name=name)


def officer(*, name: str = "Bripka Andi", unit_name: str = "Polsek Sekotong", **fields) -> Officer:
    return Officer.objects.create(name=name, unit=unit(unit_name), **fields)


def superuser(*, username: str = "admin", password: str = "rahasia-sekali-123"):
    return get_user_model().objects.create_superuser(username, "", password)


def activity_input(**fields):
    """A valid activity in Desa Sekotong Barat, with any field overridden."""
    from datetime import date, time, timedelta

    from sejuk.activities.services import ActivityInput

    values = {
        "region": "52.01.07.2002",
        "date": date.today() - timedelta(days=1),
        "start_time": time(16, 30),
        "types": ["patroli_dialogis"],
        "summary": "Patroli dialogis keliling dusun menyampaikan pesan kamtibmas.",
    }
    values.update(fields)
    return ActivityInput(**values)


def log_activity(user, **fields):
    from sejuk.accounts.access import viewer_for
    from sejuk.activities.services import create_activity

    return create_activity(viewer_for(user), activity_input(**fields))


def report_input(**fields):
    from sejuk.reports.intake import ReportInput

    values = {
        "category": "provokasi",
        "description": "Ada selebaran berisi hasutan ditempel di pos ronda dekat lapangan.",
        "region": "52.01.07.2002",
    }
    values.update(fields)
    return ReportInput(**values)


def file_report(**fields):
    from sejuk.reports.intake import submit

    return submit(report_input(**fields))
