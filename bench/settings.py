"""Settings for `make bench-web`: Sejuk's own, plus the floor (``bench.floor``) served by
the same server in the same run.

Only the benchmark sets ``DJANGO_SETTINGS_MODULE=bench.settings``, and the ``bench``
package is not part of the installed Sejuk: the floor's URLs are never reachable in a
deployment.
"""

from sejuk.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench.floor"]  # noqa: F405
ROOT_URLCONF = "bench.floor.urls"
