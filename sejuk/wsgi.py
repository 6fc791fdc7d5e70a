import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application
from django.db import DatabaseError, connection

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sejuk.settings")
application = get_wsgi_application()


def _refuse_without_the_key() -> None:
    """A WSGI server (waitress in `sejuk serve`, or another) does not start while the
    stored contacts cannot be opened with the configured key (see sejuk.crypto)."""
    from sejuk.crypto import key_problem

    try:
        problem = key_problem()
    except DatabaseError:
        return  # unreachable database: every request says so
    finally:
        connection.close()  # the server's threads open their own
    if problem:
        raise ImproperlyConfigured(problem)


_refuse_without_the_key()
