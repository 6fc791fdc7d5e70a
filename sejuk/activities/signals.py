"""What the activities app tells the apps above it without importing them.

Model signals cover a record saved or deleted one at a time. An import's chunk is written
as plain rows (``services.write_prepared``), past those signals, so it sends
``written_in_bulk`` in the chunk's own transaction with the (desa code, local day) keys it
touched: the picture listens and marks them for its daily figures, as it does for a
single save."""

from __future__ import annotations

from django.dispatch import Signal

# sender: the Activity model; keys: set[tuple[str, datetime.date]]
written_in_bulk = Signal()
