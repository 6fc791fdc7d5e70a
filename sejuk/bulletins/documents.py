"""What the daily situation report and a press release say, as outlines (``outline.py``)
that the PDF and DOCX renderers draw. Indonesian throughout, dates in the unit's zone."""

from __future__ import annotations

from datetime import datetime

from sejuk import dates
from sejuk.reference.taxonomy import INCIDENT_TYPES
from sejuk.units.models import Unit, UnitLevel

from . import charts
from .daily import COVERAGE_DAYS, NAMES_SHOWN, WORSENED_RULE, DailyReport
from .outline import Block, Chart, Heading, Outline, Para, Table

WHOLE_QUEUE = "halaman Laporan masyarakat dengan satuan dan tanggal yang sama"
WHOLE_COVERAGE = "daftar lengkap di halaman Cakupan desa/kelurahan"


def letterhead(unit: Unit) -> list[str]:
    """ "KEPOLISIAN NEGARA REPUBLIK INDONESIA", then the chain down to the unit."""
    chain = []
    current: Unit | None = unit
    while current is not None and current.level != UnitLevel.MABES:
        chain.append(current.name.upper())
        current = current.parent
    return ["KEPOLISIAN NEGARA REPUBLIK INDONESIA", *reversed(chain[:3])]


def daily_outline(report: DailyReport) -> Outline:
    r = report
    blocks: list[Block] = [Heading("1. Ringkasan"), _summary(r)]
    blocks += _activities(r)
    blocks += _coverage(r)
    blocks += _reports(r)
    blocks += _incidents(r)
    blocks += _worsened(r)
    blocks += _top(r)
    blocks += _media(r)
    return Outline(
        title="LAPORAN SITUASI HARIAN",
        subtitle=(
            f"Cooling System · {r.unit.name} · {dates.full_date(r.day)} "
            f"(pukul 00.00–24.00 {r.zone})"
        ),
        letterhead=letterhead(r.unit),
        blocks=blocks,
        footer=(
            f"Dibuat otomatis oleh Sejuk pada {dates.stamp(r.made_at, r.zone)}. Angka-angka "
            "laporan ini dihitung dengan cara yang sama seperti halaman Rekap kegiatan dan "
            "Laporan masyarakat untuk satuan dan tanggal yang sama."
        ),
    )


def _n(number: int) -> str:
    """1134 -> "1.134", as Indonesian texts group thousands."""
    return f"{number:,}".replace(",", ".")


def _as_of(r: DailyReport) -> str:
    """When the overdue count stands: the end of the report's day, or now for today."""
    if r.day_over:
        return "akhir hari"
    return f"pukul {dates.clock_in_zone(dates.local(r.overdue_at, r.zone), r.zone)}"


def _short(label: str) -> str:
    """A column head: "Sambang / silaturahmi" -> "Sambang"."""
    return label.split(" / ")[0]


def _summary(r: DailyReport) -> Table:
    c = r.coverage
    share = f"{round(c.share * 100)}%"
    rows = [
        ["Kegiatan Cooling System", _n(r.activities.total)],
        ["Desa/kelurahan yang didatangi hari itu", _n(r.reached_today)],
        [
            f"Cakupan desa/kelurahan dalam {c.days} hari",
            f"{_n(c.reached)} dari {_n(c.total)} ({share})",
        ],
        ["Laporan masyarakat diterima", _n(r.total("received"))],
        ["Laporan masyarakat diselesaikan", _n(r.total("settled"))],
        [f"Laporan terlambat ditanggapi (per {_as_of(r)})", _n(r.total("overdue"))],
        ["Kejadian terverifikasi", _n(r.total("incidents"))],
        ["Desa/kelurahan dengan situasi memburuk", _n(r.total("worsened"))],
    ]
    return Table(["Uraian", "Jumlah"], rows, widths=[0.72, 0.28])


def _activities(r: DailyReport) -> list[Block]:
    rc = r.activities
    blocks: list[Block] = [Heading("2. Kegiatan per satuan dan jenis")]
    if not rc.total:
        blocks.append(Para("Tidak ada kegiatan Cooling System yang tercatat pada hari itu."))
    else:
        header = ["Satuan", *(_short(label) for _, label in rc.types), "Jumlah"]
        rows = [
            [row.unit.name, *(_n(row.counts.get(code, 0)) for code, _ in rc.types), _n(row.total)]
            for row in rc.rows
        ]
        rows.append(["Jumlah", *(_n(rc.totals.get(code, 0)) for code, _ in rc.types), _n(rc.total)])
        first = 0.26
        rest = (1 - first) / (len(rc.types) + 1)
        blocks.append(
            Table(header, rows, widths=[first] + [rest] * (len(rc.types) + 1), total=True)
        )
        blocks.append(
            Para(
                "Satu kegiatan dapat memiliki lebih dari satu jenis; kolom Jumlah menghitung "
                "setiap kegiatan sekali.",
                small=True,
            )
        )
        items = [(label, rc.totals.get(code, 0)) for code, label in rc.types]
        blocks.append(Chart(charts.bars(items, ""), "Grafik 1. Kegiatan per jenis"))
    blocks.append(
        Chart(
            charts.by_day(r.trend.days, ""),
            f"Grafik 2. Kegiatan per hari, {dates.period(r.trend.start, r.trend.end)}",
        )
    )
    return blocks


def _coverage(r: DailyReport) -> list[Block]:
    c = r.coverage
    text = (
        f"{_n(c.reached)} dari {_n(c.total)} desa/kelurahan di wilayah {r.unit.name} "
        f"({round(c.share * 100)}%) didatangi sedikitnya sekali dalam {COVERAGE_DAYS} hari "
        f"sampai {dates.long_date(r.day)}."
    )
    blocks: list[Block] = [Heading("3. Cakupan desa/kelurahan"), Para(text)]
    if c.never_count:
        names = ", ".join(v.name for v in c.never[:NAMES_SHOWN])
        more = c.never_count - min(len(c.never), NAMES_SHOWN)
        tail = f", dan {_n(more)} lainnya ({WHOLE_COVERAGE})" if more > 0 else ""
        blocks.append(
            Para(f"Belum pernah didatangi ({_n(c.never_count)}): {names}{tail}.", small=True)
        )
    if c.stale_count:
        blocks.append(
            Para(
                f"{_n(c.stale_count)} desa/kelurahan pernah didatangi tetapi tidak dalam "
                f"{c.days} hari terakhir.",
                small=True,
            )
        )
    return blocks


def _rest(r: DailyReport, name: str, where: str) -> list[Block]:
    """Under a table that shows only the first rows of a longer list: how many are left
    out and where the whole list is."""
    shown, total = len(getattr(r, name)), r.total(name)
    if total <= shown:
        return []
    return [
        Para(
            f"Ditampilkan {_n(shown)} pertama dari {_n(total)}; {_n(total - shown)} lainnya "
            f"ada di {where}.",
            small=True,
        )
    ]


def _reports(r: DailyReport) -> list[Block]:
    blocks: list[Block] = [Heading("4. Laporan masyarakat")]
    received = [
        [
            x.code,
            x.get_category_display(),
            x.region.name,
            x.get_urgency_display(),
            x.get_state_display(),
            dates.clock(dates.local(x.created_at, r.zone)),
        ]
        for x in r.received
    ]
    blocks.append(Para(f"Diterima pada hari itu: {_n(r.total('received'))} laporan."))
    if received:
        blocks.append(
            Table(
                ["Kode", "Jenis", "Wilayah", "Urgensi", "Status", f"Pukul ({r.zone})"],
                received,
                widths=[0.2, 0.2, 0.2, 0.12, 0.14, 0.14],
            )
        )
        blocks += _rest(r, "received", WHOLE_QUEUE)
    blocks.append(Para(f"Diselesaikan pada hari itu: {_n(r.total('settled'))} laporan."))
    if r.settled:
        blocks.append(
            Table(
                ["Kode", "Jenis", "Wilayah", "Cara penyelesaian"],
                [
                    [x.code, x.get_category_display(), x.region.name, x.get_settlement_display()]
                    for x in r.settled
                ],
                widths=[0.22, 0.26, 0.26, 0.26],
            )
        )
        blocks += _rest(r, "settled", WHOLE_QUEUE)
    blocks.append(
        Para(f"Terlambat ditanggapi (per {_as_of(r)}): {_n(r.total('overdue'))} laporan.")
    )
    if r.overdue:
        blocks.append(
            Table(
                ["Kode", "Jenis", "Wilayah", "Batas tanggapan", "Satuan"],
                [
                    [
                        x.code,
                        x.get_category_display(),
                        x.region.name,
                        _moment(x.due_at, r.zone),
                        x.assigned_unit.name,
                    ]
                    for x in r.overdue
                ],
                widths=[0.18, 0.2, 0.2, 0.2, 0.22],
            )
        )
        blocks += _rest(r, "overdue", WHOLE_QUEUE)
    return blocks


def _incidents(r: DailyReport) -> list[Block]:
    blocks: list[Block] = [Heading("5. Kejadian")]
    if not r.incidents:
        return [*blocks, Para("Tidak ada kejadian terverifikasi pada hari itu.")]
    rows = [
        [
            dates.clock_in_zone(dates.local(i.occurred_at, r.zone), r.zone)
            if i.occurred_at
            else "-",
            ", ".join(INCIDENT_TYPES.get(t, t) for t in i.types),
            i.region.name,
            f"{i.dead} meninggal, {i.injured} luka",
            f"{i.damaged_buildings} bangunan, {i.damaged_vehicles} kendaraan",
        ]
        for i in r.incidents
    ]
    return [
        *blocks,
        Table(
            ["Pukul", "Jenis", "Wilayah", "Korban", "Kerusakan"],
            rows,
            widths=[0.14, 0.24, 0.2, 0.2, 0.22],
        ),
        *_rest(r, "incidents", "halaman Kejadian"),
    ]


def _media(r: DailyReport) -> list[Block]:
    blocks: list[Block] = [
        Heading("7. Sinyal media terkonfirmasi"),
        Para(
            "Sinyal dari berita dan unggahan tentang hari itu yang sudah dikonfirmasi "
            "analis, dengan kata buktinya.",
            small=True,
        ),
    ]
    if not r.media_signals:
        return [*blocks, Para("Tidak ada sinyal media terkonfirmasi untuk hari itu.")]
    rows = [
        [
            s.get_kind_display(),
            s.words(),
            s.story.region.name if s.story.region else "-",
            s.story.title[:90],
        ]
        for s in r.media_signals
    ]
    return [
        *blocks,
        Table(["Sinyal", "Kata bukti", "Wilayah", "Berita"], rows, widths=[0.2, 0.2, 0.2, 0.4]),
        *_rest(r, "media_signals", "halaman Media"),
    ]


def _worsened(r: DailyReport) -> list[Block]:
    blocks: list[Block] = [
        Heading("6. Wilayah dengan situasi memburuk"),
        Para(f"Ukuran: {WORSENED_RULE}", small=True),
    ]
    if not r.worsened:
        return [*blocks, Para("Tidak ada desa/kelurahan yang situasinya memburuk.")]
    rows = [
        [
            w.region.name,
            w.kecamatan,
            f"{w.before} ({dates.short_date(w.before_day)})",
            f"{w.after} ({dates.short_date(w.after_day)})",
        ]
        for w in r.worsened
    ]
    return [
        *blocks,
        Table(
            ["Desa/kelurahan", "Kecamatan", "Sebelumnya", "Terakhir"],
            rows,
            widths=[0.28, 0.24, 0.24, 0.24],
        ),
        *_rest(r, "worsened", "halaman Kerawanan (peta dan peringkat desa)"),
    ]


def _top(r: DailyReport) -> list[Block]:
    blocks: list[Block] = [
        Heading("7. Desa paling rawan"),
        Para(
            "Peringkat kerawanan Sejuk: jumlah bagian yang dijelaskan (kerawanan dasar, "
            "kejadian, laporan terbuka, situasi terakhir, kesenjangan kunjungan, kalender "
            "pemilihan, media).",
            small=True,
        ),
    ]
    if not r.top:
        return [*blocks, Para("Kerawanan belum dihitung untuk wilayah ini.")]
    rows = [
        [
            t.place.name,
            t.place.kecamatan,
            f"{t.score:.1f}".replace(".", ","),
            t.level_label,
            ", ".join(label for _, label, points, _ in t.parts if points >= 5) or "-",
        ]
        for t in r.top
    ]
    return [
        *blocks,
        Table(
            ["Desa/kelurahan", "Kecamatan", "Skor", "Tingkat", "Bagian terbesar"],
            rows,
            widths=[0.24, 0.2, 0.1, 0.16, 0.3],
        ),
    ]


def _moment(moment: datetime, zone: str) -> str:
    there = dates.local(moment, zone)
    return f"{dates.short_date(there.date())} {dates.clock(there)}"


def release_outline(title: str, body: str, unit: Unit) -> Outline:
    """A press release as Humas edited it: the title and its paragraphs."""
    paragraphs = [p.strip() for p in body.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return Outline(
        title=title.strip(),
        letterhead=letterhead(unit),
        blocks=[Para(" ".join(p.split("\n"))) for p in paragraphs],
        footer="",
    )
