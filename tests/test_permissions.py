"""Every endpoint, every role: the expected answer, checked against the running URL
configuration. An endpoint added without an entry here fails
``test_every_endpoint_has_an_entry``; an entry that no longer matches an endpoint fails
too. Objects outside a user's area answer 404, never 403, so IDs cannot be probed.

Personas (tests/personas.py): an anonymous visitor; the admin, pimpinan, operator and
humas of Polres Lombok Barat; the Bhabinkamtibmas of Desa Sekotong Barat; an operator of
the neighbouring Polres Lombok Tengah. Targets: a leader in Sekotong Barat ("own"), one
in Gerung (same Polres, another Polsek: "other"), one in Lombok Tengah ("neighbour").
"""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib import admin
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from PIL import Image

from sejuk.accounts.access import viewer_for
from sejuk.accounts.models import ApiToken, AuditEvent
from sejuk.accounts.tokens import create_token
from sejuk.activities.models import ImportRun, Plan
from sejuk.activities.photos import add_photo
from sejuk.alerts.services import raise_alert
from sejuk.api import api
from sejuk.bulletins.models import Bulletin
from sejuk.channels.models import Conversation
from sejuk.crypto import encrypt
from sejuk.incidents.models import Incident
from sejuk.leaders.models import Leader
from sejuk.media.models import Signal, Story
from sejuk.patrols.models import PatrolPlan, PatrolStop, PatrolTeam
from sejuk.reports.models import Report
from tests.factories import file_report, log_activity
from tests.personas import GERUNG_UTARA, LOTENG_DESA, PERSONAS, SEKOTONG_BARAT

P = PERSONAS  # anon, admin, pimpinan, operator, humas, bhabin, neighbour


def row(*statuses: int) -> dict[str, int]:
    assert len(statuses) == len(P)
    return dict(zip(P, statuses, strict=True))


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(P, status)


#                 anon admin pimp oper humas bhab neigh
PUBLIC = everyone(200)
SIGNED_IN_PAGE = row(302, 200, 200, 200, 200, 200, 200)
LEADER_READ_PAGE = row(302, 200, 200, 200, 403, 200, 200)
LEADER_WRITE_PAGE = row(302, 200, 403, 200, 403, 200, 200)
LEADER_READ_API = row(401, 200, 200, 200, 403, 200, 200)
ACTIVITY_READ_PAGE = SIGNED_IN_PAGE
ACTIVITY_WRITE_PAGE = row(302, 200, 403, 200, 403, 200, 200)
ACTIVITY_READ_API = row(401, 200, 200, 200, 200, 200, 200)
ACTIVITY_WRITE_API = row(401, 200, 403, 200, 403, 200, 200)
# One activity: its own area sees it; a Bhabinkamtibmas only their desa's.
ACT_OWN_READ = row(302, 200, 200, 200, 200, 200, 404)
ACT_OTHER_READ = row(302, 200, 200, 200, 200, 404, 404)
ACT_NEIGHBOUR_READ = row(302, 404, 404, 404, 404, 404, 200)
ACT_OWN_WRITE_PAGE = row(302, 302, 403, 302, 403, 302, 404)
# Reports: humas has no part in them; triage is for admin and operators.
REPORT_READ_PAGE = row(302, 200, 200, 200, 403, 200, 200)
REPORT_READ_API = row(401, 200, 200, 200, 403, 200, 200)
REP_OWN_READ = row(302, 200, 200, 200, 403, 200, 404)
REP_OWN_HANDLE = row(302, 302, 403, 302, 403, 302, 404)
REP_OWN_TRIAGE = row(302, 302, 403, 302, 403, 403, 404)
# Bulletins: read by admin, pimpinan, operator and humas; releases written by admin and
# humas. A stored report of Polres Lombok Barat is not the neighbour's to see.
BULLETIN_READ_PAGE = row(302, 200, 200, 200, 200, 403, 200)
BULLETIN_READ_API = row(401, 200, 200, 200, 200, 403, 200)
BULLETIN_OWN_PAGE = row(302, 200, 200, 200, 200, 403, 404)
BULLETIN_OWN_API = row(401, 200, 200, 200, 200, 403, 404)
RELEASE_OWN_PAGE = row(302, 200, 403, 403, 200, 403, 403)
RELEASE_OWN_API = row(401, 200, 403, 403, 200, 403, 403)
# Incidents are read where reports are read: humas has no part in them.
INCIDENT_READ_PAGE = REPORT_READ_PAGE
INCIDENT_READ_API = REPORT_READ_API
# Media monitoring: read by admin, pimpinan, operator and humas; reviewed, pasted and
# imported by admin and operators (the cyber patrol). A Bhabinkamtibmas has no part.
MEDIA_READ_PAGE = row(302, 200, 200, 200, 200, 403, 200)
MEDIA_WRITE_PAGE = row(302, 200, 403, 200, 403, 403, 200)
STORY_OWN_READ = row(302, 200, 200, 200, 200, 403, 404)
STORY_NEIGHBOUR_READ = row(302, 404, 404, 404, 404, 403, 200)
STORY_OWN_STEP = row(302, 302, 403, 302, 403, 403, 404)
# The activity form from a story: for those who log activities and read the story.
STORY_OWN_LOG_PAGE = row(302, 200, 403, 200, 403, 403, 404)
MEDIA_READ_API = row(401, 200, 200, 200, 200, 403, 200)

# (method, route as in the URL configuration, target) -> persona -> status.
# Targets: a leader ("own"/"other"/"neighbour"), or the operator's API token.
# The picture: read by all but Humas; a Bhabinkamtibmas sees their own desa.
TENSION_READ_PAGE = row(302, 200, 200, 200, 403, 200, 200)
TENSION_READ_PAGE_OWN = row(302, 200, 200, 200, 403, 200, 404)
TENSION_READ_API = row(401, 200, 200, 200, 403, 200, 200)
# Patrol plans: made by admin, pimpinan and operators for their own area; a plan of
# Polres Lombok Barat is not the neighbour's to see or change.
PATROL_PAGE = row(302, 200, 200, 200, 403, 403, 200)
PATROL_OWN_READ = row(302, 200, 200, 200, 403, 403, 404)
PATROL_OWN_WRITE = row(302, 302, 302, 302, 403, 403, 404)

PAGES: dict[tuple[str, str, str], dict[str, int]] = {
    ("GET", "", ""): PUBLIC,
    ("GET", "wilayah/", ""): PUBLIC,
    ("GET", "wilayah/<str:code>/", ""): PUBLIC,
    ("GET", "satuan/", ""): PUBLIC,
    ("GET", "satuan/<int:unit_id>/", ""): PUBLIC,
    ("GET", "tokoh/", ""): LEADER_READ_PAGE,
    ("GET", "tokoh/baru/", ""): LEADER_WRITE_PAGE,
    # Creating a leader in Sekotong Barat: the neighbour's form comes back refused (422).
    ("POST", "tokoh/baru/", ""): row(302, 302, 403, 302, 403, 302, 422),
    ("GET", "tokoh/ekspor.csv", ""): LEADER_READ_PAGE,
    ("GET", "tokoh/<int:leader_id>/", "own"): row(302, 200, 200, 200, 403, 200, 404),
    ("GET", "tokoh/<int:leader_id>/", "other"): row(302, 200, 200, 200, 403, 404, 404),
    ("GET", "tokoh/<int:leader_id>/", "neighbour"): row(302, 404, 404, 404, 403, 404, 200),
    ("POST", "tokoh/<int:leader_id>/", "own"): row(302, 302, 403, 302, 403, 302, 404),
    ("POST", "tokoh/<int:leader_id>/", "other"): row(302, 302, 403, 302, 403, 404, 404),
    ("POST", "tokoh/<int:leader_id>/nonaktifkan/", "own"): row(302, 302, 403, 302, 403, 302, 404),
    ("POST", "tokoh/<int:leader_id>/nonaktifkan/", "other"): row(302, 302, 403, 302, 403, 404, 404),
    ("GET", "masuk/", ""): row(200, 302, 302, 302, 302, 302, 302),
    ("POST", "keluar/", ""): everyone(302),
    ("GET", "akun/sandi/", ""): SIGNED_IN_PAGE,
    ("GET", "akun/token/", ""): SIGNED_IN_PAGE,
    # The operator's own token: the operator and their Polres administrator may revoke it.
    ("POST", "akun/token/<int:token_id>/cabut/", "token"): row(302, 302, 404, 302, 404, 404, 404),
    ("GET", "audit/", ""): row(302, 200, 200, 403, 403, 403, 403),
    ("POST", "i18n/setlang/", ""): everyone(302),
    ("GET", "favicon.ico", ""): everyone(301),
    ("GET", "kegiatan/", ""): ACTIVITY_READ_PAGE,
    ("GET", "kegiatan/baru/", ""): ACTIVITY_WRITE_PAGE,
    ("POST", "kegiatan/baru/", ""): row(302, 302, 403, 302, 403, 302, 422),
    # The phone's outbox: JSON, 201 for a new record; the neighbour's desa is not theirs.
    ("POST", "kegiatan/kirim/", ""): row(302, 201, 403, 201, 403, 201, 422),
    ("GET", "kegiatan/kotak-keluar/", ""): SIGNED_IN_PAGE,
    ("GET", "manifest.webmanifest", ""): PUBLIC,
    ("GET", "sw.js", ""): PUBLIC,
    ("GET", "kegiatan/ekspor.<str:fmt>", ""): ACTIVITY_READ_PAGE,
    ("GET", "kegiatan/rekap/", ""): ACTIVITY_READ_PAGE,
    ("GET", "kegiatan/rekap/ekspor.<str:fmt>", ""): ACTIVITY_READ_PAGE,
    ("GET", "kegiatan/impor/", ""): ACTIVITY_WRITE_PAGE,
    ("GET", "kegiatan/templat.xlsx", ""): ACTIVITY_WRITE_PAGE,
    # A background import: its uploader's own; to other writers as if never made.
    ("GET", "kegiatan/impor/<int:run_id>/", "import_own"): row(302, 404, 403, 200, 403, 404, 404),
    ("GET", "kegiatan/impor/<int:run_id>/ditolak.csv", "import_own"): row(
        302, 404, 403, 200, 403, 404, 404
    ),
    ("GET", "kegiatan/rencana/", ""): ACTIVITY_READ_PAGE,
    ("GET", "peta/", ""): ACTIVITY_READ_PAGE,
    ("POST", "kegiatan/rencana/", ""): row(302, 302, 403, 302, 403, 302, 422),
    ("GET", "kegiatan/foto/<int:photo_id>/", "photo"): ACT_OWN_READ,
    ("GET", "kegiatan/<int:activity_id>/", "act_own"): ACT_OWN_READ,
    ("GET", "kegiatan/<int:activity_id>/", "act_other"): ACT_OTHER_READ,
    ("GET", "kegiatan/<int:activity_id>/", "act_neighbour"): ACT_NEIGHBOUR_READ,
    ("GET", "kegiatan/<int:activity_id>/ubah/", "act_own"): row(302, 200, 403, 200, 403, 200, 404),
    ("GET", "kegiatan/<int:activity_id>/ubah/", "act_other"): row(
        302, 200, 403, 200, 403, 404, 404
    ),
    ("POST", "kegiatan/<int:activity_id>/hapus/", "act_own"): ACT_OWN_WRITE_PAGE,
    ("POST", "kegiatan/<int:activity_id>/hapus/", "act_other"): row(
        302, 302, 403, 302, 403, 404, 404
    ),
    ("POST", "kegiatan/<int:activity_id>/foto/", "act_own"): ACT_OWN_WRITE_PAGE,
    ("POST", "kegiatan/<int:activity_id>/sudah-dicek/", "act_own"): ACT_OWN_WRITE_PAGE,
    ("GET", "buletin/", ""): BULLETIN_READ_PAGE,
    ("GET", "buletin/harian/", ""): BULLETIN_READ_PAGE,
    ("GET", "buletin/rekap.xlsx", ""): BULLETIN_READ_PAGE,
    ("GET", "buletin/<int:bulletin_id>/unduh.<str:fmt>", "bulletin"): BULLETIN_OWN_PAGE,
    ("GET", "buletin/rilis/<int:activity_id>/", "act_own"): RELEASE_OWN_PAGE,
    ("POST", "buletin/rilis/<int:activity_id>/", "act_own"): RELEASE_OWN_PAGE,
    ("GET", "buletin/rilis/<int:activity_id>/", "act_neighbour"): row(
        302, 404, 403, 403, 404, 403, 403
    ),
    ("GET", "lapor/", ""): PUBLIC,
    ("POST", "lapor/", ""): everyone(302),
    ("GET", "lapor/terkirim/", ""): everyone(302),
    ("GET", "cek/", ""): PUBLIC,
    ("POST", "cek/", "rep_own"): PUBLIC,
    ("GET", "laporan/", ""): REPORT_READ_PAGE,
    ("GET", "laporan/baru/", ""): ACTIVITY_WRITE_PAGE,
    ("GET", "laporan/foto/<int:photo_id>/", "rep_photo"): REP_OWN_READ,
    ("GET", "laporan/<int:report_id>/", "rep_own"): REP_OWN_READ,
    ("GET", "laporan/<int:report_id>/", "rep_other"): row(302, 200, 200, 200, 403, 404, 404),
    ("GET", "laporan/<int:report_id>/", "rep_neighbour"): row(302, 404, 404, 404, 403, 404, 200),
    ("POST", "laporan/<int:report_id>/langkah/", "rep_own"): REP_OWN_HANDLE,
    ("POST", "laporan/<int:report_id>/langkah/", "rep_other"): row(
        302, 302, 403, 302, 403, 404, 404
    ),
    ("POST", "laporan/<int:report_id>/tugaskan/", "rep_own"): REP_OWN_TRIAGE,
    ("GET", "laporan/<int:report_id>/tugaskan/cari/", "rep_own"): row(
        302, 200, 403, 200, 403, 403, 404
    ),
    ("POST", "laporan/<int:report_id>/pesan/", "rep_own"): REP_OWN_HANDLE,
    ("POST", "laporan/<int:report_id>/gabung/", "rep_own"): REP_OWN_TRIAGE,
    ("POST", "laporan/<int:report_id>/kejadian/", "rep_own"): REP_OWN_TRIAGE,
    ("POST", "laporan/<int:report_id>/kegiatan/", "rep_own"): REP_OWN_HANDLE,
    ("POST", "laporan/<int:report_id>/identitas/", "rep_own"): row(
        302, 200, 200, 200, 403, 403, 404
    ),
    # Messaging channels: the inbox is read where reports are; a conversation by its place,
    # a filed one by its report's rule: the Lombok Tengah case assigned to the Sekotong
    # Bhabinkamtibmas is theirs and their Polres's; the Lombok Tengah case whose chat first
    # named Sekotong Barat is Lombok Tengah's alone.
    ("GET", "saluran/", ""): REPORT_READ_PAGE,
    ("GET", "saluran/<int:conversation_id>/", "conv_own"): REP_OWN_READ,
    ("GET", "saluran/<int:conversation_id>/", "conv_assigned"): row(
        302, 200, 200, 200, 403, 200, 200
    ),
    ("GET", "saluran/<int:conversation_id>/", "conv_neighbour"): row(
        302, 404, 404, 404, 403, 404, 200
    ),
    ("POST", "saluran/<int:conversation_id>/nomor/", "conv_own"): row(
        302, 200, 200, 200, 403, 403, 404
    ),
    ("POST", "saluran/<int:conversation_id>/jawab/", "conv_own"): REP_OWN_HANDLE,
    # Webhooks answer the services, not people; a channel without credentials is off.
    ("GET", "saluran/webhook/<str:channel>/", ""): everyone(404),
    ("POST", "saluran/webhook/<str:channel>/", ""): everyone(404),
    # The chat simulator exists only with SEJUK_CHAT_SIMULATOR (off here, as in production).
    ("GET", "dev/chat/", ""): everyone(404),
    ("GET", "kejadian/", ""): INCIDENT_READ_PAGE,
    # Alerts: each person's own; handled only by those it went to (its desa's people).
    ("GET", "peringatan/", ""): SIGNED_IN_PAGE,
    ("GET", "peringatan/pengaturan/", ""): SIGNED_IN_PAGE,
    ("POST", "peringatan/pengaturan/", ""): SIGNED_IN_PAGE,
    ("POST", "peringatan/<int:alert_id>/tangani/", "alert_own"): row(
        302, 404, 302, 302, 404, 302, 404
    ),
    ("GET", "kejadian/<int:incident_id>/", "inc_own"): row(302, 200, 200, 200, 403, 200, 404),
    ("GET", "kejadian/<int:incident_id>/", "inc_neighbour"): row(302, 404, 404, 404, 403, 404, 200),
    ("GET", "kerawanan/", ""): TENSION_READ_PAGE,
    ("GET", "kerawanan/ekspor.<str:fmt>", ""): TENSION_READ_PAGE,
    ("GET", "kerawanan/cakupan/", ""): TENSION_READ_PAGE,
    ("GET", "desa/<str:code>/", "desa_own"): TENSION_READ_PAGE_OWN,
    ("GET", "desa/<str:code>/", "desa_other"): row(302, 200, 200, 200, 403, 404, 404),
    ("GET", "desa/<str:code>/", "desa_neighbour"): row(302, 404, 404, 404, 403, 404, 200),
    ("GET", "media/", ""): MEDIA_READ_PAGE,
    ("GET", "media/tambah/", ""): MEDIA_WRITE_PAGE,
    # A pasted post lands where the reader places it, whoever pasted it.
    ("POST", "media/tambah/", ""): row(302, 302, 403, 302, 403, 403, 302),
    ("GET", "media/<int:story_id>/", "story_own"): STORY_OWN_READ,
    ("GET", "media/<int:story_id>/", "story_neighbour"): STORY_NEIGHBOUR_READ,
    ("POST", "media/<int:story_id>/sinyal/<int:signal_id>/", "story_own"): STORY_OWN_STEP,
    ("POST", "media/<int:story_id>/klarifikasi/", "story_own"): STORY_OWN_STEP,
    ("POST", "media/<int:story_id>/kejadian/", "story_own"): STORY_OWN_STEP,
    ("POST", "media/<int:story_id>/kegiatan/", "story_own"): STORY_OWN_STEP,
    ("GET", "media/<int:story_id>/kegiatan-baru/", "story_own"): STORY_OWN_LOG_PAGE,
    # An empty form is refused (422) once the roles and the area rule let it through.
    ("POST", "media/<int:story_id>/kegiatan-baru/", "story_own"): row(
        302, 422, 403, 422, 403, 403, 404
    ),
    ("GET", "patroli/rencana/", ""): PATROL_PAGE,
    # Each persona asks for a plan of their own unit: the neighbour gets one of theirs.
    ("POST", "patroli/rencana/", ""): row(302, 302, 302, 302, 403, 403, 302),
    ("GET", "patroli/rencana/<int:plan_id>/", "patrol"): PATROL_OWN_READ,
    ("GET", "patroli/rencana/<int:plan_id>/tim/<int:number>/", "patrol"): PATROL_OWN_READ,
    ("POST", "patroli/rencana/<int:plan_id>/pindah/", "patrol"): PATROL_OWN_WRITE,
    ("POST", "patroli/rencana/<int:plan_id>/tambah/", "patrol"): PATROL_OWN_WRITE,
    ("POST", "patroli/rencana/<int:plan_id>/terbitkan/", "patrol"): PATROL_OWN_WRITE,
}

API: dict[tuple[str, str, str], dict[str, int]] = {
    ("GET", "/api/regions", ""): PUBLIC,
    ("GET", "/api/regions/{code}", ""): PUBLIC,
    ("GET", "/api/units", ""): PUBLIC,
    ("GET", "/api/units/{unit_id}", ""): PUBLIC,
    ("GET", "/api/officers", ""): row(401, 200, 200, 200, 403, 403, 200),
    ("GET", "/api/officers/{officer_id}", "sekotong"): row(401, 200, 200, 200, 403, 403, 404),
    ("GET", "/api/leaders", ""): LEADER_READ_API,
    ("POST", "/api/leaders", ""): row(401, 201, 403, 201, 403, 201, 422),
    ("GET", "/api/leaders/export.csv", ""): LEADER_READ_API,
    ("GET", "/api/leaders/{leader_id}", "own"): row(401, 200, 200, 200, 403, 200, 404),
    ("GET", "/api/leaders/{leader_id}", "other"): row(401, 200, 200, 200, 403, 404, 404),
    ("GET", "/api/leaders/{leader_id}", "neighbour"): row(401, 404, 404, 404, 403, 404, 200),
    ("PATCH", "/api/leaders/{leader_id}", "own"): row(401, 200, 403, 200, 403, 200, 404),
    ("PATCH", "/api/leaders/{leader_id}", "other"): row(401, 200, 403, 200, 403, 404, 404),
    ("DELETE", "/api/leaders/{leader_id}", "own"): row(401, 204, 403, 204, 403, 204, 404),
    ("DELETE", "/api/leaders/{leader_id}", "other"): row(401, 204, 403, 204, 403, 404, 404),
    ("GET", "/api/accounts/me", ""): row(401, 200, 200, 200, 200, 200, 200),
    ("GET", "/api/accounts/audit", ""): row(401, 200, 200, 403, 403, 403, 403),
    ("GET", "/api/activities", ""): ACTIVITY_READ_API,
    ("POST", "/api/activities", ""): row(401, 201, 403, 201, 403, 201, 422),
    ("POST", "/api/activities/read", ""): ACTIVITY_WRITE_API,
    ("GET", "/api/activities/recap", ""): ACTIVITY_READ_API,
    ("GET", "/api/activities/coverage", ""): ACTIVITY_READ_API,
    ("GET", "/api/activities/export.{fmt}", ""): ACTIVITY_READ_API,
    ("GET", "/api/activities/template.xlsx", ""): ACTIVITY_WRITE_API,
    ("GET", "/api/activities/photos/{photo_id}", "photo"): row(401, 200, 200, 200, 200, 200, 404),
    ("POST", "/api/activities/import", ""): row(401, 200, 403, 200, 403, 200, 422),
    # A background import's progress: its uploader's own; to other writers as if never made.
    ("GET", "/api/activities/imports/{run_id}", "import_own"): row(
        401, 404, 403, 200, 403, 404, 404
    ),
    ("GET", "/api/activities/imports/{run_id}/refused.csv", "import_own"): row(
        401, 404, 403, 200, 403, 404, 404
    ),
    ("GET", "/api/activities/due", ""): ACTIVITY_READ_API,
    ("GET", "/api/activities/plans", ""): ACTIVITY_READ_API,
    ("POST", "/api/activities/plans", ""): row(401, 201, 403, 201, 403, 201, 422),
    ("DELETE", "/api/activities/plans/{plan_id}", "plan"): row(401, 204, 403, 204, 403, 204, 404),
    ("GET", "/api/activities/{activity_id}", "act_own"): row(401, 200, 200, 200, 200, 200, 404),
    ("GET", "/api/activities/{activity_id}", "act_other"): row(401, 200, 200, 200, 200, 404, 404),
    ("GET", "/api/activities/{activity_id}", "act_neighbour"): row(
        401, 404, 404, 404, 404, 404, 200
    ),
    ("PATCH", "/api/activities/{activity_id}", "act_own"): row(401, 200, 403, 200, 403, 200, 404),
    ("PATCH", "/api/activities/{activity_id}", "act_other"): row(401, 200, 403, 200, 403, 404, 404),
    ("DELETE", "/api/activities/{activity_id}", "act_own"): row(401, 204, 403, 204, 403, 204, 404),
    ("GET", "/api/activities/{activity_id}/history", "act_own"): row(
        401, 200, 200, 200, 200, 200, 404
    ),
    ("POST", "/api/activities/{activity_id}/photos", "act_own"): row(
        401, 201, 403, 201, 403, 201, 404
    ),
    # A photo in parts: an empty part is refused (422) once the area rule lets it through.
    ("PUT", "/api/activities/{activity_id}/photos/parts/{upload_id}", "act_own"): row(
        401, 422, 403, 422, 403, 422, 404
    ),
    ("GET", "/api/activities/{activity_id}/photos/parts/{upload_id}", "act_own"): row(
        401, 404, 404, 404, 404, 404, 404
    ),
    ("POST", "/api/public/reports", ""): everyone(201),
    ("POST", "/api/public/reports/status", "rep_own"): PUBLIC,
    ("POST", "/api/public/reports/messages", "rep_own"): everyone(201),
    ("GET", "/api/reports", ""): REPORT_READ_API,
    ("GET", "/api/reports/counts", ""): REPORT_READ_API,
    ("POST", "/api/reports", ""): row(401, 201, 403, 201, 403, 201, 422),
    ("POST", "/api/reports/read", ""): ACTIVITY_WRITE_API,
    ("GET", "/api/reports/{report_id}", "rep_own"): row(401, 200, 200, 200, 403, 200, 404),
    ("GET", "/api/reports/{report_id}", "rep_other"): row(401, 200, 200, 200, 403, 404, 404),
    ("GET", "/api/reports/{report_id}", "rep_neighbour"): row(401, 404, 404, 404, 403, 404, 200),
    ("POST", "/api/reports/{report_id}/move", "rep_own"): row(401, 200, 403, 200, 403, 200, 404),
    ("POST", "/api/reports/{report_id}/assign", "rep_own"): row(401, 200, 403, 200, 403, 403, 404),
    ("POST", "/api/reports/{report_id}/messages", "rep_own"): row(
        401, 201, 403, 201, 403, 201, 404
    ),
    ("GET", "/api/reports/{report_id}/reporter", "rep_own"): row(401, 200, 200, 200, 403, 403, 404),
    ("GET", "/api/reports/{report_id}/similar", "rep_own"): row(401, 200, 200, 200, 403, 200, 404),
    ("POST", "/api/reports/{report_id}/merge", "rep_own"): row(401, 200, 403, 200, 403, 403, 404),
    ("POST", "/api/reports/{report_id}/incident", "rep_own"): row(
        401, 201, 403, 201, 403, 403, 404
    ),
    ("POST", "/api/reports/{report_id}/activities", "rep_own"): row(
        401, 200, 403, 200, 403, 200, 404
    ),
    ("GET", "/api/reports/{report_id}/history", "rep_own"): row(401, 200, 200, 200, 403, 200, 404),
    ("GET", "/api/incidents", ""): INCIDENT_READ_API,
    # The channels' inbox: as the pages, a conversation by its report's rule.
    ("GET", "/api/channels/conversations", ""): REPORT_READ_API,
    ("GET", "/api/channels/conversations/{conversation_id}", "conv_own"): row(
        401, 200, 200, 200, 403, 200, 404
    ),
    ("GET", "/api/channels/conversations/{conversation_id}", "conv_assigned"): row(
        401, 200, 200, 200, 403, 200, 200
    ),
    ("GET", "/api/channels/conversations/{conversation_id}", "conv_neighbour"): row(
        401, 404, 404, 404, 403, 404, 200
    ),
    ("POST", "/api/channels/conversations/{conversation_id}/answer", "conv_own"): row(
        401, 201, 403, 201, 403, 201, 404
    ),
    ("GET", "/api/alerts", ""): row(401, 200, 200, 200, 200, 200, 200),
    ("POST", "/api/alerts/{alert_id}/handled", "alert_own"): row(401, 404, 200, 200, 404, 200, 404),
    ("GET", "/api/incidents/{incident_id}", "inc_own"): row(401, 200, 200, 200, 403, 200, 404),
    ("GET", "/api/incidents/{incident_id}", "inc_neighbour"): row(
        401, 404, 404, 404, 403, 404, 200
    ),
    ("GET", "/api/tension", ""): TENSION_READ_API,
    ("GET", "/api/media/stories", ""): MEDIA_READ_API,
    ("GET", "/api/media/stories/{story_id}", "story_own"): row(401, 200, 200, 200, 200, 403, 404),
    ("GET", "/api/media/stories/{story_id}", "story_neighbour"): row(
        401, 404, 404, 404, 404, 403, 200
    ),
    # The kecamatan of Sekotong: wider than the Bhabinkamtibmas's own desa.
    ("GET", "/api/regions/{code}/picture", ""): row(401, 200, 200, 200, 403, 404, 404),
    ("GET", "/api/bulletins", ""): BULLETIN_READ_API,
    ("GET", "/api/bulletins/daily", ""): BULLETIN_READ_API,
    ("GET", "/api/bulletins/daily.{fmt}", ""): BULLETIN_READ_API,
    ("GET", "/api/bulletins/recap.xlsx", ""): BULLETIN_READ_API,
    ("GET", "/api/bulletins/{bulletin_id}/file.{fmt}", "bulletin"): BULLETIN_OWN_API,
    ("GET", "/api/bulletins/releases/{activity_id}", "act_own"): RELEASE_OWN_API,
    ("GET", "/api/bulletins/releases/{activity_id}", "act_neighbour"): row(
        401, 404, 403, 403, 404, 403, 403
    ),
    ("POST", "/api/bulletins/releases/{activity_id}/file.{fmt}", "act_own"): RELEASE_OWN_API,
    # The map: every answer is narrowed to the viewer's area (tests/maps/test_api.py checks
    # what each persona gets); a region's card outside the area is not found.
    ("GET", "/api/map/frame", ""): ACTIVITY_READ_API,
    ("GET", "/api/map/layer", ""): ACTIVITY_READ_API,
    ("GET", "/api/map/colours", ""): ACTIVITY_READ_API,
    ("GET", "/api/map/points", ""): ACTIVITY_READ_API,
    ("GET", "/api/map/regions/{code}", ""): row(401, 200, 200, 200, 200, 404, 404),
    # Which region a point lies in: public reference data, like /api/regions.
    ("GET", "/api/map/locate", ""): PUBLIC,
}

# Served by django-ninja itself, not by a handler of ours.
API_BUILT_IN = {("GET", "api/openapi.json"): PUBLIC, ("GET", "api/docs"): PUBLIC}


def django_routes() -> set[str]:
    def walk(patterns: list[Any], prefix: str = "") -> Any:
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield prefix + str(p.pattern)

    return {r for r in walk(get_resolver().url_patterns) if not r.startswith(("admin/", "api/"))}


def api_operations() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return {
        (method.upper(), path) for path, methods in schema["paths"].items() for method in methods
    }


def test_every_endpoint_has_an_entry():
    assert django_routes() == {route for _, route, _ in PAGES}
    assert api_operations() == {(m, path) for m, path, _ in API}


@pytest.fixture
def targets(world, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    create_token(world.users["operator"], "uji")
    own = log_activity(world.users["bhabin"])
    other = log_activity(world.users["operator"], region=GERUNG_UTARA)
    neighbour = log_activity(world.users["neighbour"], region=LOTENG_DESA)
    photo = add_photo(viewer_for(world.users["bhabin"]), own, small_jpeg())
    plan = Plan.objects.create(
        unit=world.users["bhabin"].unit,
        region_id=SEKOTONG_BARAT,
        title="Patroli Minggu",
        type_code="patroli_dialogis",
        weekday=6,
        starts_on=date.today(),
    )
    rep_own = file_report(anonymous=False, name="Siti", phone="081234567890", photo=small_jpeg())
    rep_other = file_report(region=GERUNG_UTARA)
    rep_neighbour = file_report(region=LOTENG_DESA)
    codes.update(rep_own=rep_own.code)
    bulletin = Bulletin.objects.create(
        kind="harian",
        unit=world.users["operator"].unit,
        day=date.today() - timedelta(days=1),
        state="siap",
        claimed_at=timezone.now(),
    )
    bulletin.pdf.save("lapsit.pdf", ContentFile(b"%PDF-1.4 uji"), save=True)
    story_own = _story(SEKOTONG_BARAT)
    story_neighbour = _story(LOTENG_DESA)
    inc_own = Incident.objects.create(types=["provokasi"], region_id=SEKOTONG_BARAT)
    inc_neighbour = Incident.objects.create(types=["hoaks"], region_id=LOTENG_DESA)
    conv_own = Conversation.objects.create(
        channel="whatsapp",
        sender_key="k" * 64,
        address=encrypt("+6281911112222"),
        role="warga",
        region_id=SEKOTONG_BARAT,
    )
    rep_assigned = file_report(region=LOTENG_DESA)
    Report.objects.filter(pk=rep_assigned.pk).update(
        assigned_unit=world.officers["sekotong"].unit, assigned_officer=world.officers["sekotong"]
    )
    conv_assigned, conv_neighbour = (
        Conversation.objects.create(
            channel="sms",
            sender_key=key * 64,
            address=encrypt("+6281911113333"),
            role="warga",
            state="terkirim",
            region_id=region,
            report=report,
        )
        for key, region, report in (
            ("a", LOTENG_DESA, rep_assigned),
            ("b", SEKOTONG_BARAT, rep_neighbour),
        )
    )
    alert_own = raise_alert(
        "kejadian_berat",
        SEKOTONG_BARAT,
        subject=("kejadian", inc_own.pk),
        text="Bentrokan warga.",
        key="izin-uji",
    )
    patrol = PatrolPlan.objects.create(
        unit=world.users["operator"].unit, day=date.today() + timedelta(days=1), budget_minutes=360
    )
    team = PatrolTeam.objects.create(plan=patrol, number=1)
    patrol_stop = PatrolStop.objects.create(
        plan=patrol, team=team, region_id=SEKOTONG_BARAT, position=1, need=30.0
    )
    import_own = ImportRun.objects.create(
        created_by=world.users["operator"], filename="kegiatan.csv", total=3000
    )
    return {
        "import_own": import_own.pk,
        "alert_own": alert_own.pk if alert_own else 0,
        "patrol": patrol.pk,
        "patrol_stop": patrol_stop.pk,
        "conv_own": conv_own.pk,
        "conv_assigned": conv_assigned.pk,
        "conv_neighbour": conv_neighbour.pk,
        "story_own": story_own.pk,
        "story_own_signal": story_own.signals.get().pk,
        "story_neighbour": story_neighbour.pk,
        "inc_own": inc_own.pk,
        "inc_neighbour": inc_neighbour.pk,
        "bulletin": bulletin.pk,
        "rep_own": rep_own.pk,
        "rep_other": rep_other.pk,
        "rep_neighbour": rep_neighbour.pk,
        "rep_photo": rep_own.photos.get().pk,
        "own": world.leaders["own"].pk,
        "other": world.leaders["other"].pk,
        "neighbour": world.leaders["neighbour"].pk,
        "token": ApiToken.objects.get(user=world.users["operator"]).pk,
        "sekotong": world.officers["sekotong"].pk,
        "act_own": own.pk,
        "act_other": other.pk,
        "act_neighbour": neighbour.pk,
        "photo": photo.pk,
        "plan": plan.pk,
        "sekotong_unit": world.users["bhabin"].unit_id,
    }


codes: dict[str, str] = {}


def _story(region: str) -> Story:
    story = Story.objects.create(
        title="Kabar bohong kotak suara",
        text="Beredar hoaks kotak suara dibuka.",
        kind="activity",  # read as a police activity not logged yet: offered to log
        first_published=timezone.now(),
        latest_published=timezone.now(),
        region_id=region,
    )
    Signal.objects.create(
        story=story, kind="hoaks", weight=1, evidence=[{"text": "hoaks", "why": "uji"}]
    )
    return story


def small_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 90)).save(out, "JPEG")
    return out.getvalue()


DESA = {"desa_own": SEKOTONG_BARAT, "desa_other": GERUNG_UTARA, "desa_neighbour": LOTENG_DESA}


def page_url(route: str, target: str, ids: dict[str, int]) -> str:
    url = "/" + route
    url = url.replace("<str:code>", DESA.get(target, "<str:code>"))
    url = url.replace("<int:signal_id>", str(ids.get(target + "_signal", 0)))
    url = url.replace("<str:code>", "52.01.07").replace("<int:unit_id>", "1")
    url = url.replace("<str:channel>", "whatsapp").replace("<int:number>", "1")
    url = url.replace("<str:fmt>", "pdf" if route.startswith("buletin/") else "csv")
    names = (
        "<int:bulletin_id>",
        "<int:leader_id>",
        "<int:token_id>",
        "<int:activity_id>",
        "<int:photo_id>",
        "<int:report_id>",
        "<int:incident_id>",
        "<int:conversation_id>",
        "<int:story_id>",
        "<int:alert_id>",
        "<int:plan_id>",
        "<int:run_id>",
    )
    for name in names:
        url = url.replace(name, str(ids.get(target, 0)))
    return url


API_QUERY = {
    "/api/units": "?q=Polres+Lombok+Barat",
    "/api/regions": "?q=Sekotong",
    "/api/activities/recap": f"?start={date.today() - timedelta(days=7)}&end={date.today()}",
    "/api/map/layer": "?level=4",
    "/api/map/colours": "?measure=cakupan&level=4",
    "/api/map/locate": "?lat=-8.75&lng=115.95",
    "/api/activities/{activity_id}/photos/parts/{upload_id}": "?offset=0&size=3",
}


# The format of a file endpoint, where it is not csv.
API_FORMAT = {
    "/api/bulletins/daily.{fmt}": "pdf",
    "/api/bulletins/{bulletin_id}/file.{fmt}": "pdf",
    "/api/bulletins/releases/{activity_id}/file.{fmt}": "docx",
}


def api_url(path: str, target: str, ids: dict[str, int]) -> str:
    url = path.replace("{code}", "52.01.07").replace("{unit_id}", "1")
    url = url.replace("{upload_id}", "5f1c2a0e-3b4d-4e6f-8a9b-0c1d2e3f4a5b")
    url = url.replace("{fmt}", API_FORMAT.get(path, "csv"))
    names = (
        "{bulletin_id}",
        "{officer_id}",
        "{leader_id}",
        "{activity_id}",
        "{photo_id}",
        "{plan_id}",
        "{report_id}",
        "{incident_id}",
        "{alert_id}",
        "{conversation_id}",
        "{story_id}",
        "{run_id}",
    )
    for name in names:
        url = url.replace(name, str(ids.get(target, 0)))
    return url + API_QUERY.get(path, "")


FORM_DATA: dict[str, Any] = {
    "patroli/rencana/": {"day": date.today() + timedelta(days=1), "hours": 6, "teams": 2},
    "patroli/rencana/<int:plan_id>/tambah/": {"region": GERUNG_UTARA, "team": 1},
    "lapor/": {
        "category": "hoaks",
        "description": "Kabar bohong tentang surat suara beredar.",
        "region": SEKOTONG_BARAT,
        "anonymous": "on",
    },
    "laporan/<int:report_id>/langkah/": {"to": "ditangani"},
    "laporan/<int:report_id>/pesan/": {"body": "Petugas menuju lokasi.", "public": "on"},
    "laporan/<int:report_id>/kejadian/": {"types": ["provokasi"], "injured": "0"},
    "kegiatan/baru/": {
        "action": "simpan",
        "region": SEKOTONG_BARAT,
        "date": str(date.today()),
        "start_time": "16:30",
        "types": ["patroli_dialogis"],
        "summary": "Patroli sore",
    },
    "kegiatan/kirim/": {
        "client_id": "7d0b6a52-1c2e-4f3a-9b8c-5d6e7f8a9b0c",
        "region": SEKOTONG_BARAT,
        "date": str(date.today()),
        "start_time": "16:30",
        "types": ["patroli_dialogis"],
        "summary": "Patroli sore dari kotak keluar",
    },
    "kegiatan/<int:activity_id>/hapus/": {"reason": "tercatat dua kali"},
    "kegiatan/rencana/": {
        "title": "Patroli Minggu sore",
        "type_code": "patroli_dialogis",
        "region": SEKOTONG_BARAT,
        "weekday": "6",
    },
    "buletin/rilis/<int:activity_id>/": {
        "action": "docx",
        "title": "Patroli Dialogis di Desa Sekotong Barat",
        "body": "Paragraf pertama.\n\nParagraf kedua.",
    },
    "tokoh/baru/": {"region": SEKOTONG_BARAT, "name": "Tokoh Baru", "category": "tokoh_pemuda"},
    "tokoh/<int:leader_id>/": {"region": "", "name": "Nama Diubah", "category": "tokoh_adat"},
    "i18n/setlang/": {"language": "id", "next": "/"},
    "saluran/<int:conversation_id>/jawab/": {"text": "Terima kasih, petugas menuju lokasi."},
    "media/tambah/": {"text": "Beredar hoaks kotak suara di Desa Sekotong Barat dibuka."},
    "media/<int:story_id>/sinyal/<int:signal_id>/": {"verdict": "benar"},
    "media/<int:story_id>/klarifikasi/": {"url": "https://contoh.go.id/klarifikasi"},
    "media/<int:story_id>/kejadian/": {"types": ["hoaks"]},
}
API_DATA: dict[tuple[str, str], Any] = {
    ("POST", "/api/channels/conversations/{conversation_id}/answer"): {
        "text": "Terima kasih, petugas menuju lokasi."
    },
    ("POST", "/api/public/reports"): {
        "category": "hoaks",
        "region": SEKOTONG_BARAT,
        "description": "Kabar bohong tentang surat suara beredar.",
    },
    ("POST", "/api/reports"): {
        "category": "hoaks",
        "region": SEKOTONG_BARAT,
        "description": "Kabar bohong tentang surat suara beredar.",
    },
    ("POST", "/api/reports/read"): {"text": "Ada provokasi di Ds. Sekotong Barat tadi pagi."},
    ("POST", "/api/reports/{report_id}/move"): {"to": "ditangani"},
    ("POST", "/api/reports/{report_id}/messages"): {"body": "Petugas menuju lokasi."},
    ("POST", "/api/reports/{report_id}/incident"): {"types": ["provokasi"]},
    ("POST", "/api/activities"): {
        "region": SEKOTONG_BARAT,
        "date": str(date.today()),
        "start_time": "16:30",
        "types": ["patroli_dialogis"],
        "summary": "Patroli sore",
    },
    ("POST", "/api/activities/read"): {"text": "Patroli dialogis di Ds. Sekotong Barat."},
    ("PATCH", "/api/activities/{activity_id}"): {"situation": "kondusif", "reason": "uji"},
    ("DELETE", "/api/activities/{activity_id}"): {"reason": "tercatat dua kali"},
    ("POST", "/api/leaders"): {
        "region": SEKOTONG_BARAT,
        "name": "Tokoh Baru",
        "category": "tokoh_pemuda",
    },
    ("PATCH", "/api/leaders/{leader_id}"): {"name": "Nama Diubah"},
    ("POST", "/api/bulletins/releases/{activity_id}/file.{fmt}"): {"template": ""},
}


def named(content: bytes, name: str) -> io.BytesIO:
    upload = io.BytesIO(content)
    upload.name = name
    return upload


IMPORT_CSV = (
    "tanggal,jam_mulai,kode_wilayah,jenis,uraian\n"
    f"{date.today():%d/%m/%Y},16.30,{SEKOTONG_BARAT},patroli_dialogis,Patroli sore\n"
)
MULTIPART = {
    "/api/activities/import": lambda: {"file": named(IMPORT_CSV.encode(), "isi.csv")},
    "/api/activities/{activity_id}/photos": lambda: {"photo": named(small_jpeg(), "foto.jpg")},
}


def login(client, world, persona):
    user = world.users[persona]
    if user is not None:
        client.force_login(user)


# Pages that redirect an anonymous visitor somewhere other than the sign-in page.
OPEN_REDIRECTS = {"keluar/", "i18n/setlang/", "lapor/", "lapor/terkirim/"}


def each_persona(client, world, check):
    """Run ``check(persona)`` for every persona, each inside a savepoint that is rolled
    back, so what one persona changes (a deletion, a new record) does not leak into the
    next; return the personas whose answer differed, with (expected, got)."""
    wrong = {}
    for persona in P:
        with transaction.atomic():
            client.logout()
            login(client, world, persona)
            expected, got = check(persona)
            if expected != got:
                wrong[persona] = (expected, got)
            transaction.set_rollback(True)
    return wrong


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "route", "target"), list(PAGES))
def test_page_answers(client, world, targets, method, route, target):
    url = page_url(route, target, targets)

    def check(persona):
        data = dict(FORM_DATA.get(route, {}))
        if route == "tokoh/<int:leader_id>/":
            data["region"] = Leader.objects.get(pk=targets[target]).region_id
        if route == "kegiatan/<int:activity_id>/foto/":
            data = {"photo": named(small_jpeg(), "foto.jpg")}
        if route in ("kegiatan/baru/", "kegiatan/rencana/", "patroli/rencana/"):
            data["unit_id"] = world.users[persona].unit_id if world.users[persona] else ""
        if route == "patroli/rencana/<int:plan_id>/pindah/":
            data = {"stop": targets["patrol_stop"], "team": 0}
        if route == "cek/":
            data = {"kode": codes["rep_own"]}
        if route == "laporan/<int:report_id>/tugaskan/":
            data = {"to": f"u:{targets['sekotong_unit']}"}
        if route == "laporan/<int:report_id>/gabung/":
            data = {"into": targets["rep_other"]}
        if route == "media/<int:story_id>/kegiatan/":
            data = {"activity_id": targets["act_own"]}
        if route == "laporan/<int:report_id>/kegiatan/":
            data = {"activity_id": targets["act_own"]}
        response = client.post(url, data) if method == "POST" else client.get(url)
        expected = PAGES[(method, route, target)][persona]
        if expected == 302 and persona == "anon" and route not in OPEN_REDIRECTS:
            assert response["Location"].startswith(reverse("login"))
        return expected, response.status_code

    assert each_persona(client, world, check) == {}, (method, url)


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path", "target"), list(API))
def test_api_answers(client, world, targets, method, path, target):
    url = api_url(path, target, targets)

    def check(persona):
        data = API_DATA.get((method, path))
        if path in ("/api/public/reports/status", "/api/public/reports/messages"):
            data = {"code": codes["rep_own"], "body": "Selebaran juga ada di masjid."}
        if path == "/api/reports/{report_id}/assign":
            data = {"unit_id": targets["sekotong_unit"]}
        if path == "/api/reports/{report_id}/merge":
            data = {"into": targets["rep_other"]}
        if path == "/api/reports/{report_id}/activities":
            data = {"activity_id": targets["act_own"]}
        if (method, path) == ("POST", "/api/activities/plans"):
            data = {
                "unit_id": targets["sekotong_unit"],
                "region": SEKOTONG_BARAT,
                "title": "Patroli",
                "type_code": "patroli_dialogis",
                "weekday": 6,
            }
        if path in MULTIPART:
            response = client.post(url, MULTIPART[path]())
        else:
            body = json.dumps(data) if data else ""
            response = client.generic(method, url, data=body, content_type="application/json")
        expected = API[(method, path, target)][persona]
        if expected >= 400:
            assert set(response.json()["error"]) == {"code", "message", "fields"}
        return expected, response.status_code

    assert each_persona(client, world, check) == {}, (method, url)


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "route"), list(API_BUILT_IN))
def test_built_in_api_pages_are_public(client, method, route):
    assert client.get("/" + route).status_code == 200


def test_the_built_in_api_routes_are_the_only_unlisted_ones():
    def walk(patterns: list[Any], prefix: str = "") -> Any:
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            else:
                yield prefix + str(p.pattern)

    api_routes = {r for r in walk(get_resolver().url_patterns) if r.startswith("api/")}
    documented = {
        "api/" + p.removeprefix("/api/").replace("{", "<").replace("}", ">") for _, p, _ in API
    }
    assert api_routes - documented - {r for _, r in API_BUILT_IN} == {"api/"}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", P)
def test_the_admin_is_for_administrators_only(client, world, persona):
    login(client, world, persona)
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = client.get(url)
        if persona == "admin":
            assert response.status_code == 200, url
        else:
            assert response.status_code == 302, (persona, url)
            assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_an_administrator_of_a_polres_sees_only_its_users_and_officers_in_the_admin(client, world):
    client.force_login(world.users["admin"])
    users = client.get("/admin/accounts/user/").content.decode()
    assert "operator_lobar" in users and "operator_loteng" not in users
    officers = client.get("/admin/units/officer/").content.decode()
    assert "Andi" in officers
    leaders = client.get("/admin/leaders/leader/").content.decode()
    assert "Ustaz Hamid" in leaders and "Ibu Baiq Sari" not in leaders
    neighbour = world.users["neighbour"]
    assert client.get(f"/admin/accounts/user/{neighbour.pk}/change/").status_code == 302


@pytest.mark.django_db
def test_a_denied_look_at_another_area_is_audited(client, world, targets):
    client.force_login(world.users["bhabin"])
    assert client.get(f"/api/leaders/{targets['other']}").status_code == 404
    event = AuditEvent.objects.filter(action="denied").latest("created_at")
    assert event.actor == world.users["bhabin"]
    assert (event.object_type, event.object_id) == ("leader", str(targets["other"]))
    # A guessed ID that exists nowhere is a plain 404 and no denial.
    before = AuditEvent.objects.filter(action="denied").count()
    assert client.get("/api/leaders/999999").status_code == 404
    assert AuditEvent.objects.filter(action="denied").count() == before
