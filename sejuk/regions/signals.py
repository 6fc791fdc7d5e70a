"""Signals of the regions app, for the apps above it.

``boundaries_loaded``: sent by ``sejuk regions load-boundaries`` after its transaction
committed, with ``codes`` (the regions whose boundary or centre changed) and ``out`` (a
writable stream for progress). The map rebuilds its drawn shapes from it, so the regions
app knows nothing of the map.
"""

from django.dispatch import Signal

boundaries_loaded = Signal()
