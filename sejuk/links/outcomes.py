"""What linking a case did, said to the officer who did it (as ``reports.outcomes`` says
the other steps)."""

from __future__ import annotations

from sejuk import dates
from sejuk.activities.models import Activity
from sejuk.incidents.models import Incident
from sejuk.reports.models import Report


def incident_recorded(report: Report, incident: Incident) -> str:
    return (
        f"Kejadian ({incident.kinds().lower()}) dicatat untuk laporan {report.code} dan masuk "
        "ke laporan situasi harian."
    )


def activity_linked(report: Report, activity: Activity) -> str:
    return (
        f"Kegiatan {activity.pk} ({dates.release_date(activity.local_date)}) dikaitkan dengan "
        f"laporan {report.code} sebagai tanggapannya."
    )
