"""Press-release templates, per activity type: the registry ``TEMPLATES``.

A template is a title and paragraphs in the house style of police releases, with named
slots that ``release.py`` fills from the activity. A paragraph whose slot has nothing to
say (no participants recorded, no officer named) is left out whole, so a draft never
shows an empty phrase; slots named ``opsi_*`` may be empty without dropping their
paragraph. The dateline ("Lombok Barat, NTB –") is put before the first paragraph by the
composer, and the quote slot is left for Humas to fill.

Slots: satuan (acting unit), rantai (unit and its Polres), polres (the Polres, or the
acting unit above Polsek level), tempat (dusun to province), desa, hari_tanggal
("Minggu (8/12/2024)"), jam ("16.30 WITA"), peserta, personel ("3 personel"),
uraian and temuan (the officer's own words, when written as prose on the form), situasi
("aman dan kondusif"), pimpinan (title, rank and name of the commander, first mention),
kutipan (the quote slot), opsi_momen (", pasca Pilkada Serentak 2024"), opsi_petugas
(", yakni Bripka Andi").

The texts are Sejuk's own; they use only the common vocabulary of such releases.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReleaseTemplate:
    key: str
    name: str  # shown in the chooser
    title: str
    paragraphs: tuple[str, ...]


# Paragraphs several templates share.
PESERTA = "Kegiatan tersebut diikuti oleh {peserta}."
PERSONEL = "Kegiatan ini melibatkan {personel}{opsi_petugas}."
URAIAN = "{uraian}"
TEMUAN = "{temuan}"
SITUASI = "Dari hasil pemantauan petugas, situasi di {desa} terpantau {situasi}."
SITUASI_SINGKAT = "Selama kegiatan berlangsung, situasi terpantau {situasi}."
KUTIPAN_UJAR = "“{kutipan}” ujar {pimpinan}."
KUTIPAN_MENYAMPAIKAN = "{pimpinan} menyampaikan, “{kutipan}”"
PENUTUP_AJAKAN = (
    "{polres} mengajak seluruh lapisan masyarakat untuk terus menjaga persatuan, tidak mudah "
    "terprovokasi oleh berita hoaks maupun isu SARA, dan segera melapor kepada polisi "
    "terdekat apabila menemukan hal yang mencurigakan."
)
PENUTUP_HADIR = (
    "Melalui kegiatan ini, {polres} berkomitmen terus hadir di tengah masyarakat agar "
    "situasi kamtibmas tetap aman, damai, dan sejuk."
)
PENUTUP_PERBEDAAN = (
    "Perbedaan pilihan adalah hal yang wajar dalam demokrasi. {polres} mengajak warga "
    "menjaga kerukunan dan menyelesaikan setiap persoalan melalui musyawarah atau jalur hukum."
)


def _standard(key: str, title: str, lead: str, what: str, closing: str) -> ReleaseTemplate:
    """The full news form: lead, what was done, with whom, what was found, the quote,
    a closing line."""
    return ReleaseTemplate(
        key=f"{key}.berita",
        name="Berita lengkap",
        title=title,
        paragraphs=(lead, what, PESERTA, PERSONEL, URAIAN, SITUASI, TEMUAN, KUTIPAN_UJAR, closing),
    )


def _short(key: str, title: str, lead: str, closing: str) -> ReleaseTemplate:
    """The short form for a routine activity: lead, situation, quote, closing."""
    return ReleaseTemplate(
        key=f"{key}.ringkas",
        name="Ringkas",
        title=title,
        paragraphs=(lead, SITUASI_SINGKAT, KUTIPAN_MENYAMPAIKAN, closing),
    )


TEMPLATES: dict[str, tuple[ReleaseTemplate, ...]] = {
    "patroli_dialogis": (
        _standard(
            "patroli_dialogis",
            "{satuan} Gelar Patroli Dialogis di {desa}, Ajak Warga Jaga Suasana Sejuk",
            "Personel {rantai} melaksanakan patroli dialogis di {tempat}, pada {hari_tanggal} "
            "pukul {jam}{opsi_momen}.",
            "Patroli dialogis dilakukan dengan mendatangi warga dan berbincang langsung tentang "
            "keadaan lingkungan mereka. Dengan cara ini petugas dapat mendengar keluhan warga "
            "sekaligus menyampaikan pesan-pesan kamtibmas.",
            PENUTUP_AJAKAN,
        ),
        _short(
            "patroli_dialogis",
            "Sapa Warga {desa} Lewat Patroli Dialogis, {satuan} Pastikan Situasi Aman",
            "Personel {rantai} menyapa warga {desa} melalui patroli dialogis pada "
            "{hari_tanggal} pukul {jam}. Patroli menyusuri {tempat}.",
            PENUTUP_HADIR,
        ),
    ),
    "sambang": (
        _standard(
            "sambang",
            "Sambang Warga {desa}, {satuan} Pererat Silaturahmi",
            "Personel {rantai} melakukan sambang dan silaturahmi di {tempat}, pada "
            "{hari_tanggal} pukul {jam}{opsi_momen}.",
            "Melalui sambang, petugas menjalin kedekatan dengan warga dan menampung informasi "
            "yang berkembang di lingkungan setempat, sehingga setiap persoalan dapat diketahui "
            "sejak dini.",
            PENUTUP_AJAKAN,
        ),
        _short(
            "sambang",
            "{satuan} Sambangi Warga {desa}",
            "Personel {rantai} menyambangi warga di {tempat} pada {hari_tanggal} pukul {jam}.",
            PENUTUP_HADIR,
        ),
    ),
    "dialog": (
        _standard(
            "dialog",
            "{satuan} Gelar Dialog Bersama Warga {desa} Demi Suasana Sejuk",
            "{rantai} menggelar dialog di {tempat}, pada {hari_tanggal} pukul {jam}{opsi_momen}.",
            "Dialog dimanfaatkan untuk mendengar pandangan peserta tentang situasi wilayah dan "
            "bersama-sama mencari cara menjaga suasana tetap sejuk.",
            PENUTUP_PERBEDAAN,
        ),
        _short(
            "dialog",
            "Duduk Bersama Warga {desa}, {satuan} Ajak Jaga Kerukunan",
            "{rantai} duduk bersama warga dalam dialog di {tempat} pada {hari_tanggal} "
            "pukul {jam}.",
            PENUTUP_PERBEDAAN,
        ),
    ),
    "deklarasi_damai": (
        _standard(
            "deklarasi_damai",
            "Deklarasi Damai di {desa}, Semua Pihak Sepakat Jaga Suasana Sejuk",
            "{rantai} memfasilitasi deklarasi damai di {tempat}, pada {hari_tanggal} "
            "pukul {jam}{opsi_momen}.",
            "Para peserta menyatakan komitmen bersama untuk menjaga ketertiban, menghormati "
            "perbedaan pilihan, dan menolak segala bentuk provokasi.",
            PENUTUP_PERBEDAAN,
        ),
        _short(
            "deklarasi_damai",
            "{satuan} Kawal Deklarasi Damai di {desa}",
            "Deklarasi damai berlangsung di {tempat} pada {hari_tanggal} pukul {jam}, "
            "difasilitasi {rantai}.",
            PENUTUP_HADIR,
        ),
    ),
    "mediasi": (
        _standard(
            "mediasi",
            "{satuan} Mediasi Warga {desa}, Persoalan Diselesaikan Secara Musyawarah",
            "{rantai} memfasilitasi mediasi di {tempat}, pada {hari_tanggal} pukul {jam}"
            "{opsi_momen}.",
            "Mediasi ditempuh melalui musyawarah agar persoalan yang muncul dapat diselesaikan "
            "secara kekeluargaan dan tidak berkembang menjadi gangguan kamtibmas.",
            PENUTUP_PERBEDAAN,
        ),
        _short(
            "mediasi",
            "Lewat Mediasi, {satuan} Jaga Kerukunan Warga {desa}",
            "Personel {rantai} menengahi persoalan warga melalui mediasi di {tempat} pada "
            "{hari_tanggal} pukul {jam}.",
            PENUTUP_PERBEDAAN,
        ),
    ),
    "penyuluhan": (
        _standard(
            "penyuluhan",
            "{satuan} Beri Imbauan Kamtibmas kepada Warga {desa}",
            "Personel {rantai} memberikan penyuluhan dan imbauan kamtibmas di {tempat}, pada "
            "{hari_tanggal} pukul {jam}{opsi_momen}.",
            "Dalam kesempatan itu warga diajak bijak menerima informasi, tidak menyebarkan "
            "berita hoaks, serta menolak politik uang dan ujaran kebencian.",
            PENUTUP_AJAKAN,
        ),
        _short(
            "penyuluhan",
            "Warga {desa} Diajak Tolak Hoaks dan Politik Uang",
            "Personel {rantai} menyampaikan imbauan kamtibmas kepada warga di {tempat} pada "
            "{hari_tanggal} pukul {jam}.",
            PENUTUP_AJAKAN,
        ),
    ),
    "patroli_bersama": (
        _standard(
            "patroli_bersama",
            "Patroli Bersama di {desa}, Sinergi Jaga Keamanan Wilayah",
            "Personel {rantai} melaksanakan patroli bersama di {tempat}, pada {hari_tanggal} "
            "pukul {jam}{opsi_momen}.",
            "Patroli bersama menunjukkan sinergi antarunsur dalam menjaga keamanan wilayah "
            "sekaligus memberi rasa aman kepada warga.",
            PENUTUP_HADIR,
        ),
        _short(
            "patroli_bersama",
            "{satuan} dan Unsur Terkait Patroli Bersama di {desa}",
            "Patroli bersama menyusuri {tempat} pada {hari_tanggal} pukul {jam}, melibatkan "
            "personel {rantai}.",
            PENUTUP_HADIR,
        ),
    ),
    "pengamanan": (
        _standard(
            "pengamanan",
            "{satuan} Amankan Kegiatan di {desa}, Situasi Tertib",
            "Personel {rantai} melaksanakan pengamanan di {tempat}, pada {hari_tanggal} "
            "pukul {jam}{opsi_momen}.",
            "Personel disiagakan di lokasi untuk memastikan kegiatan berlangsung tertib dan "
            "lancar.",
            PENUTUP_HADIR,
        ),
        _short(
            "pengamanan",
            "Pengamanan di {desa} Berjalan Lancar",
            "Pengamanan oleh personel {rantai} berlangsung di {tempat} pada {hari_tanggal} "
            "pukul {jam}.",
            PENUTUP_HADIR,
        ),
    ),
    "patroli_siber": (
        _standard(
            "patroli_siber",
            "{satuan} Intensifkan Patroli Siber, Antisipasi Hoaks",
            "{rantai} melaksanakan patroli siber pada {hari_tanggal} mulai pukul {jam}"
            "{opsi_momen}.",
            "Patroli siber dilakukan dengan memantau media sosial dan grup percakapan warga "
            "untuk mengantisipasi penyebaran hoaks, isu SARA, dan ujaran kebencian.",
            PENUTUP_AJAKAN,
        ),
        _short(
            "patroli_siber",
            "{satuan} Pantau Ruang Digital, Imbau Warga Saring Sebelum Berbagi",
            "{rantai} memantau ruang digital melalui patroli siber pada {hari_tanggal} "
            "mulai pukul {jam}.",
            PENUTUP_AJAKAN,
        ),
    ),
    "doa_bersama": (
        _standard(
            "doa_bersama",
            "Doa Bersama di {desa}, Harapan Suasana Tetap Damai",
            "{rantai} bersama warga mengikuti doa bersama di {tempat}, pada {hari_tanggal} "
            "pukul {jam}{opsi_momen}.",
            "Doa bersama menjadi wujud harapan seluruh elemen masyarakat agar kehidupan "
            "bermasyarakat tetap rukun, aman, dan damai.",
            PENUTUP_PERBEDAAN,
        ),
        _short(
            "doa_bersama",
            "{satuan} Ikuti Doa Bersama Warga {desa}",
            "Personel {rantai} mengikuti doa bersama di {tempat} pada {hari_tanggal} pukul {jam}.",
            PENUTUP_HADIR,
        ),
    ),
    "koordinasi": (
        _standard(
            "koordinasi",
            "{satuan} Perkuat Koordinasi Jaga Kamtibmas",
            "{rantai} melaksanakan koordinasi di {tempat}, pada {hari_tanggal} pukul {jam}"
            "{opsi_momen}.",
            "Koordinasi dilakukan untuk menyamakan langkah dalam menjaga situasi kamtibmas "
            "tetap aman dan kondusif.",
            PENUTUP_HADIR,
        ),
        _short(
            "koordinasi",
            "{satuan} Samakan Langkah Bersama Unsur Terkait",
            "{rantai} berkoordinasi dengan unsur terkait di {tempat} pada {hari_tanggal} "
            "pukul {jam}.",
            PENUTUP_HADIR,
        ),
    ),
    "other": (
        _standard(
            "other",
            "{satuan} Gelar Kegiatan Cooling System di {desa}",
            "Personel {rantai} melaksanakan kegiatan Cooling System di {tempat}, pada "
            "{hari_tanggal} pukul {jam}{opsi_momen}.",
            "Kegiatan ini merupakan bagian dari upaya Cooling System untuk menjaga suasana "
            "tetap sejuk di tengah masyarakat.",
            PENUTUP_AJAKAN,
        ),
        _short(
            "other",
            "{satuan} Hadir di Tengah Warga {desa}",
            "Personel {rantai} hadir di tengah warga di {tempat} pada {hari_tanggal} pukul {jam}.",
            PENUTUP_HADIR,
        ),
    ),
}


def templates_for(types: list[str]) -> list[ReleaseTemplate]:
    """The templates for an activity's types, its first type's first; an activity of no
    known type gets the general ones."""
    chosen = [t for code in types for t in TEMPLATES.get(code, ())]
    return chosen or list(TEMPLATES["other"])


def by_key(key: str) -> ReleaseTemplate | None:
    return next((t for group in TEMPLATES.values() for t in group if t.key == key), None)
