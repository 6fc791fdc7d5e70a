"""What the picture's tests share."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from sejuk.accounts.access import viewer_for
from sejuk.incidents.models import Incident
from sejuk.incidents.services import IncidentInput, record_incident
from sejuk.tension import services
from tests.factories import file_report, log_activity
from tests.personas import SEKOTONG_BARAT


@pytest.fixture
def tense(world) -> Incident:  # type: ignore[no-untyped-def]
    """A clash in Sekotong Barat yesterday, a rawan situation and an open urgent report,
    then the picture rebuilt."""
    operator = world.users["operator"]
    log_activity(operator, situation="rawan")
    incident = record_incident(
        viewer_for(operator),
        IncidentInput(types=["bentrokan"], injured=4),
        region_id=SEKOTONG_BARAT,
        occurred_at=timezone.now() - timedelta(days=1),
    )
    file_report(happening_now=True)
    with transaction.atomic():
        services.rebuild(area=("52.01",))
    return incident
