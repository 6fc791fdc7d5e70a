"""What makes Sejuk an installable web app that opens with no signal: the manifest (its
Indonesian names, its icons, the officer's entry page) and the service worker that keeps
the field pages on the phone (``static/sejuk/sw.js``, served from the site's root so
that it may look after every page)."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse

# The pages an officer opens in the field, kept on the phone for use with no signal.
FIELD_PAGES = (
    "home",
    "activities:create",
    "activities:index",
    "activities:plans",
    "activities:outbox",
)


def manifest(request: HttpRequest) -> JsonResponse:
    icons = [
        {"src": static(f"sejuk/icons/sejuk-{n}.png"), "sizes": f"{n}x{n}", "type": "image/png"}
        for n in (192, 512)
    ]
    icons.append(
        {
            "src": static("sejuk/icons/sejuk-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        }
    )
    body = {
        "name": "Sejuk · Cooling System",
        "short_name": "Sejuk",
        "description": "Catat kegiatan Cooling System, juga tanpa sinyal.",
        "lang": "id",
        "dir": "ltr",
        "start_url": reverse("activities:create"),
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#f6f9fb",
        "theme_color": "#0d6e8a",
        "icons": icons,
        "shortcuts": [
            {"name": "Kegiatan baru", "url": reverse("activities:create")},
            {"name": "Kotak keluar", "url": reverse("activities:outbox")},
        ],
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


def service_worker(request: HttpRequest) -> HttpResponse:
    """The worker's script, with the pages it keeps and how long it may show them."""
    path = finders.find("sejuk/sw.js")
    source = Path(str(path)).read_text(encoding="utf-8")
    config = {
        "pages": [reverse(name) for name in FIELD_PAGES],
        "offlineHours": settings.OFFLINE_HOURS,
        "offlinePage": reverse("activities:outbox"),
    }
    script = f"const SEJUK = {json.dumps(config)};\n{source}"
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response
