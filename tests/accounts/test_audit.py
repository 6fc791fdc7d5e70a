import pytest

from sejuk.accounts import audit
from sejuk.accounts.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_audit_entries_cannot_be_changed_or_deleted(world):
    event = audit.record("export", user=world.users["operator"], object_type="leader")
    event.action = "login"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(action="login")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


def test_the_audit_page_is_for_admin_and_pimpinan_of_the_area(client, world):
    audit.record("export", user=world.users["operator"], object_type="leader")
    audit.record("export", user=world.users["neighbour"], object_type="leader")
    client.force_login(world.users["pimpinan"])
    html = client.get("/audit/").content.decode()
    assert "operator_lobar" in html and "operator_loteng" not in html
    client.force_login(world.users["operator"])
    assert client.get("/audit/").status_code == 403


def test_the_audit_api_filters_by_action(client, world):
    audit.record("export", user=world.users["operator"], object_type="leader")
    client.force_login(world.users["admin"])
    body = client.get("/api/accounts/audit", {"action": "export"}).json()
    assert body["total"] == 1 and body["items"][0]["actor"] == "operator_lobar"
    bad = client.get("/api/accounts/audit", {"action": "apa"})
    assert bad.status_code == 422


def test_the_admin_offers_no_way_to_edit_the_audit_log(client, world):
    event = audit.record("export", user=world.users["operator"], object_type="leader")
    client.force_login(world.users["admin"])
    page = client.get(f"/admin/accounts/auditevent/{event.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.post(f"/admin/accounts/auditevent/{event.pk}/delete/").status_code == 403
