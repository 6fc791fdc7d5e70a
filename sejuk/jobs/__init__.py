"""Background jobs: the table, enqueueing by name, the claim, the runner.

The registry of what runs lives above every app (``sejuk.background``); this package
only knows jobs by name, so any app can enqueue one without importing the registry.
"""
