import pytest

from sejuk.accounts.access import CAPABILITIES, viewer_for
from tests.personas import make_user

pytestmark = pytest.mark.django_db


def area(unit_name, *roles):
    return viewer_for(make_user(f"u{abs(hash((unit_name, roles)))}", unit_name, *roles)).area


def test_a_unit_sees_its_area_and_everything_below():
    assert area("Polsek Sekotong", "operator") == ("52.01.07",)
    assert area("Polres Lombok Barat", "operator") == ("52.01",)
    assert area("Polda Nusa Tenggara Barat", "pimpinan") == ("52",)
    assert area("Mabes Polri", "pimpinan") is None


def test_an_area_follows_the_units_real_coverage():
    assert area("Polres Kerinci", "operator") == ("15.01", "15.72")
    metro = area("Polda Metro Jaya", "pimpinan")
    assert "31" in metro and "32.76" in metro and "36.71" in metro
    banten = area("Polda Banten", "pimpinan")
    assert "36.71" not in banten and "36.03" in banten


def test_a_bhabinkamtibmas_reaches_only_their_villages(world):
    bhabin = viewer_for(world.users["bhabin"])
    assert bhabin.region_area("leader.read") == ("52.01.07.2002",)
    assert bhabin.covers("leader.write", "52.01.07.2002")
    assert not bhabin.covers("leader.write", "52.01.07.2003")


def test_a_bhabinkamtibmas_who_is_also_operator_reaches_the_unit_area(world):
    from sejuk.accounts.models import UserRole

    UserRole.objects.create(user=world.users["bhabin"], role="operator")
    world.users["bhabin"]._roles = None
    assert viewer_for(world.users["bhabin"]).region_area("leader.read") == ("52.01.07",)


def test_a_user_without_a_unit_or_deactivated_reaches_nothing(world):
    from sejuk.accounts.models import User

    loose = User.objects.create_user("tanpa_satuan", password="x" * 12)
    assert viewer_for(loose).area == ()
    world.users["operator"].is_active = False
    assert not viewer_for(world.users["operator"]).is_authenticated


def test_roles_mean_what_the_issue_says():
    reads = {c for c in CAPABILITIES if c.endswith(".read")}
    writes = set(CAPABILITIES) - reads
    assert all("pimpinan" in CAPABILITIES[c] for c in reads)  # commanders read everything
    # Beyond reading, a commander sees reporters' identities and plans the patrols of
    # the area (issue 16: "a commander or operator asks for a plan ... then publishes").
    commanders_too = {"report.identity", "patrol.plan"}
    assert not any("pimpinan" in CAPABILITIES[c] for c in writes - commanders_too)
    assert "humas" in CAPABILITIES["activity.read"] and "humas" in CAPABILITIES["bulletin.write"]
    assert "humas" not in CAPABILITIES["report.read"]
    assert "bhabinkamtibmas" in CAPABILITIES["report.write"]
    assert CAPABILITIES["audit.read"] == {"admin", "pimpinan"}


def test_an_area_keeps_no_code_inside_another_and_loses_no_sibling():
    import random

    from sejuk.accounts.access import _outermost, _within

    rng = random.Random(7)
    codes = {"52", "52.01", "52.01.07", "52.01.07.2002", "52.01.1", "52.01.10", "15.72"}
    for _ in range(300):  # kabupaten, kecamatan and desa codes that share digits
        parts = [f"{rng.randint(11, 13)}", f"{rng.randint(1, 12):02d}"]
        parts += [f"{rng.randint(1, 12):02d}", f"{rng.randint(2001, 2003)}"][: rng.randint(0, 2)]
        codes.add(".".join(parts[: rng.randint(1, len(parts))]))
    pairwise = {c for c in codes if not any(c != o and _within(c, o) for o in codes)}
    assert set(_outermost(codes)) == pairwise
    assert {"52", "15.72"} <= pairwise and "52.01.10" not in pairwise
