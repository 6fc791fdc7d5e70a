import pytest

from sejuk.media.fetch import forget_robots


@pytest.fixture(autouse=True)
def _fresh_robots():  # type: ignore[no-untyped-def]
    """Each test's fake outlet has its own robots.txt; none is kept from another test."""
    forget_robots()
    yield
    forget_robots()
