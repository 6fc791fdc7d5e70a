"""Press-release drafts: the house style, the registry of templates, the area rule."""

import io
import re
from datetime import date, time

import pytest
from docx import Document

from sejuk.accounts.access import OutsideArea, RoleDenied, viewer_for
from sejuk.activities.models import Source
from sejuk.activities.services import create_activity
from sejuk.bulletins import services
from sejuk.bulletins.release import QUOTE_SLOT, fill
from sejuk.bulletins.release_templates import TEMPLATES, templates_for
from sejuk.reference.taxonomy import ACTIVITY_TYPES
from sejuk.regions.models import Region
from sejuk.units.models import Unit
from sejuk.units.services import set_commander
from tests.factories import activity_input, log_activity
from tests.personas import LOTENG_DESA, make_user

pytestmark = pytest.mark.django_db
SEED = (
    "Giat patroli dialogis cooling system di Dsn. Tawun Ds. Sekotong Barat, 3 pers, "
    "situasi aman kondusif"
)


def seed_patrol(world):
    """The patrol as the browser journey logs it: pasted, then completed on the form."""
    return create_activity(
        viewer_for(world.users["bhabin"]),
        activity_input(
            date=date(2024, 12, 8),
            start_time=time(16, 30),
            dusun="Tawun",
            personnel_count=3,
            situation="kondusif",
            summary=SEED,
            participants={"warga": None, "tokoh_masyarakat": 4},
            officer_ids=[world.officers["sekotong"].pk],
            election="pilkada_2024",
            phase="pasca",
        ),
        source=Source.TEXT,
        raw_text=SEED,
    )


def draft_for(world, activity, persona="humas", template=""):
    return services.release_draft(viewer_for(world.users[persona]), activity.pk, template)


def test_the_seed_patrol_gives_a_release_in_house_style(world):
    set_commander(Unit.objects.get(name="Polres Lombok Barat"), "Bambang Wiratama", "AKBP")
    set_commander(Unit.objects.get(name="Polsek Sekotong"), "Lalu Hendra", "Iptu")
    draft = draft_for(world, seed_patrol(world))
    lead = draft.paragraphs[0]
    assert lead.startswith("Lombok Barat, NTB – Personel Polsek Sekotong Polres Lombok Barat ")
    assert "Minggu (8/12/2024) pukul 16.30 WITA" in lead
    assert (
        "Dusun Tawun, Desa Sekotong Barat, Kecamatan Sekotong, Kabupaten Lombok Barat, "
        "Provinsi Nusa Tenggara Barat" in lead
    )
    assert "pasca Pilkada Serentak 2024" in lead
    text = draft.text
    assert "tokoh masyarakat (4 orang) dan warga" in text
    assert "3 personel, yakni Bripka Andi" in text
    assert "terpantau aman dan kondusif" in text
    assert (
        f"“{QUOTE_SLOT}” ujar Kapolres Lombok Barat AKBP Bambang Wiratama melalui "
        "Kapolsek Sekotong Iptu Lalu Hendra." in text
    )
    assert draft.title == (
        "Polsek Sekotong Gelar Patroli Dialogis di Desa Sekotong Barat, "
        "Ajak Warga Jaga Suasana Sejuk"
    )
    assert draft.paragraphs[-1].startswith("Polres Lombok Barat mengajak seluruh lapisan")
    # The pasted field message is shorthand: shown beside the draft, never inside it.
    assert "Giat" not in text and "pers," not in text
    assert draft.notes["Uraian petugas"] == SEED


def test_without_a_known_commander_the_release_names_the_post_only(world):
    draft = draft_for(world, seed_patrol(world))
    assert "ujar Kapolres Lombok Barat melalui Kapolsek Sekotong." in draft.text


def test_a_description_written_on_the_form_is_part_of_the_release(world):
    activity = log_activity(
        world.users["bhabin"],
        summary="petugas berkeliling ke tiga pos kamling dan berbincang dengan peronda",
        findings="Warga menyampaikan jalan desa gelap pada malam hari",
    )
    text = draft_for(world, activity).text
    assert "Petugas berkeliling ke tiga pos kamling dan berbincang dengan peronda." in text
    assert "Warga menyampaikan jalan desa gelap pada malam hari." in text


def test_nothing_recorded_leaves_no_empty_phrase(world):
    draft = draft_for(world, log_activity(world.users["bhabin"]))
    text = draft.text
    assert "{" not in text and "()" not in text and " ," not in text and ",," not in text
    assert "diikuti oleh" not in text  # no participants recorded: that paragraph is left out
    assert "terpantau" not in text  # no situation recorded either


def test_every_activity_type_has_several_templates_that_fill_cleanly(world):
    assert set(TEMPLATES) == set(ACTIVITY_TYPES)
    activity = seed_patrol(world)
    for code, group in TEMPLATES.items():
        assert len(group) >= 2, code
        assert len({t.key for t in group}) == len(group)
        for template in group:
            draft = draft_for(world, activity, template=template.key)
            if code != "patroli_dialogis":
                continue  # another type's template is not offered for this patrol
            assert draft.template == template.key
            assert not re.search(r"[{}]", draft.text), template.key


def test_the_templates_offered_are_those_of_the_activitys_types(world):
    activity = log_activity(world.users["bhabin"], types=["sambang", "penyuluhan"])
    draft = draft_for(world, activity)
    keys = [key for key, _ in draft.templates]
    assert keys == [t.key for t in templates_for(["sambang", "penyuluhan"])]
    assert draft.template == "sambang.berita"
    # A key the activity is not offered falls back to its first template.
    assert draft_for(world, activity, template="mediasi.berita").template == "sambang.berita"
    assert draft_for(world, activity, template="penyuluhan.ringkas").template == (
        "penyuluhan.ringkas"
    )


def test_a_slot_with_nothing_to_say_drops_its_paragraph_unless_optional():
    assert fill("Diikuti {peserta}.", {"peserta": ""}) == ""
    assert fill("Pukul {jam}{opsi_momen}.", {"jam": "16.30 WITA", "opsi_momen": ""}) == (
        "Pukul 16.30 WITA."
    )


def test_an_activity_at_2330_wit_is_released_as_the_8th_in_papua(world):
    papua = make_user("humas_jayapura", "Polresta Jayapura Kota", "operator", "humas")
    kelurahan = Region.objects.filter(code__startswith="91.71.", level=4).order_by("code").first()
    activity = log_activity(
        papua, region=kelurahan.code, date=date(2024, 12, 8), start_time=time(23, 30)
    )
    draft = services.release_draft(viewer_for(papua), activity.pk)
    assert draft.dateline == "Jayapura, Papua"
    assert "Minggu (8/12/2024) pukul 23.30 WIT" in draft.paragraphs[0]
    assert "Kelurahan" in draft.paragraphs[0] and "Kota Jayapura" in draft.paragraphs[0]


def test_only_those_who_write_bulletins_get_a_draft_and_only_in_their_area(world):
    activity = seed_patrol(world)
    for persona in ("operator", "pimpinan", "bhabin"):
        with pytest.raises(RoleDenied):
            draft_for(world, activity, persona)
    neighbour = log_activity(world.users["neighbour"], region=LOTENG_DESA)
    with pytest.raises(OutsideArea):
        draft_for(world, neighbour, "humas")


def test_the_edited_release_downloads_as_docx_with_the_edits(world):
    activity = seed_patrol(world)
    humas = viewer_for(world.users["humas"])
    body = "Paragraf pembuka yang sudah disunting.\n\n“Kutipan asli Kapolres.” ujar Kapolres."
    file = services.release_file(humas, activity.pk, "docx", title="Judul Baru", body=body)
    assert file.name.endswith(".docx") and file.name.startswith("rilis-20241208-polsek-sekotong")
    texts = [p.text for p in Document(io.BytesIO(file.content)).paragraphs if p.text.strip()]
    assert "Judul Baru" in texts
    assert texts[-2:] == [
        "Paragraf pembuka yang sudah disunting.",
        "“Kutipan asli Kapolres.” ujar Kapolres.",
    ]
    assert texts[0] == "KEPOLISIAN NEGARA REPUBLIK INDONESIA"
    plain = services.release_file(humas, activity.pk, "txt")
    assert plain.content.decode().startswith(draft_for(world, activity).title)
