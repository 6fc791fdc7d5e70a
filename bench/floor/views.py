"""Bare views: plain Django (a form to validate, the ORM to write and read), no Sejuk."""

from __future__ import annotations

import json
import secrets

from django import forms
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from sejuk.reference.taxonomy import INCIDENT_TYPES

from .models import BareReport


class ReportForm(forms.Form):
    category = forms.ChoiceField(choices=list(INCIDENT_TYPES.items()))
    description = forms.CharField(min_length=10, max_length=5000)
    region = forms.RegexField(regex=r"^\d{2}(\.\d{2}){0,2}(\.\d{4})?$", max_length=13)
    anonymous = forms.BooleanField(required=False)
    name = forms.CharField(required=False, max_length=100)
    phone = forms.CharField(required=False, max_length=20)


@csrf_exempt
@require_POST
def insert(request: HttpRequest) -> JsonResponse:
    try:
        body = json.loads(request.body)
    except ValueError:
        return JsonResponse({"error": "not JSON"}, status=400)
    form = ReportForm(body if isinstance(body, dict) else {})
    if not form.is_valid():
        return JsonResponse({"error": form.errors}, status=400)
    row = BareReport.objects.create(code=secrets.token_hex(6), **form.cleaned_data)
    return JsonResponse({"code": row.code}, status=201)


@require_GET
def read(request: HttpRequest) -> JsonResponse:
    rows = BareReport.objects.order_by("-id").values("code", "category", "region", "created_at")
    return JsonResponse({"items": list(rows[:25])})
