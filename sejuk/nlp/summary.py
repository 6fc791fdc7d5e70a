"""A record as a short Indonesian summary, each field with the words it came from.

Used by ``sejuk extract --format text`` so an operator can read at a glance what the
reader took from a report and why.
"""

from __future__ import annotations

from sejuk.reference.taxonomy import (
    ELECTION_KINDS,
    ELECTIONS,
    KINDS,
    PARTICIPANTS,
    SITUATIONS,
    UNIT_LEVELS,
)

from .record import Evidence, Label, Record, Value

_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def _quote(evidence: tuple[Evidence, ...], limit: int = 5) -> str:
    """The words behind a field, each once, with what they told the reader."""
    if not evidence:
        return ""
    seen: dict[tuple[str, str], Evidence] = {}
    for e in evidence:
        seen.setdefault((e.text.lower(), e.why), e)
    shown = "; ".join(f"«{e.text}» ({e.why})" for e in list(seen.values())[:limit])
    more = len(seen) - limit
    return f"\n      dari: {shown}" + (f" dan {more} lagi" if more > 0 else "")


def _labels(labels: tuple[Label, ...]) -> str:
    if not labels:
        return "-"
    return ", ".join(f"{lab.label} «{lab.evidence[0].text}»" for lab in labels)


def _value(v: Value, names: dict[str, str] | None = None) -> str:
    if v.value is None:
        shown = "-"
    elif isinstance(v.value, bool):
        shown = "ya" if v.value else "tidak"
    elif names is not None:
        shown = names.get(str(v.value), str(v.value))
    else:
        shown = str(v.value)
    note = f" ({v.note})" if v.note and v.value is None else ""
    return shown + note + _quote(v.evidence)


def describe(record: Record, title: str | None = None) -> str:
    lines = [f"== {title} ==" if title else "== Hasil pembacaan =="]
    lines.append(f"  Jenis     : {_value(record.kind, KINDS)}")
    unit = record.unit
    if unit is None:
        lines.append("  Satuan    : -")
    else:
        where = f", wilayah {unit.region_name} ({unit.region_code})" if unit.region_code else ""
        lines.append(
            f"  Satuan    : {unit.name} [{UNIT_LEVELS[unit.level]}{where}]" + _quote(unit.evidence)
        )
    when = record.event_date
    if when.value is None:
        lines.append(f"  Tanggal   : - ({when.note or 'tidak pasti'})" + _quote(when.evidence))
    else:
        day = _DAYS[when.value.weekday()]
        clock = f" pukul {when.time.replace(':', '.')}" if when.time else ""
        zone = f" {when.zone}" if when.zone and when.time else ""
        lines.append(
            f"  Tanggal   : {day}, {when.value.strftime('%d/%m/%Y')}{clock}{zone}"
            + _quote(when.evidence)
        )
    place = record.place
    if place is None:
        lines.append("  Lokasi    : -")
    else:
        dusun = f"Dusun {place.dusun}, " if place.dusun else ""
        lines.append(f"  Lokasi    : {dusun}{place.path} ({place.code})" + _quote(place.evidence))
        lines.extend(f"      catatan: {note}" for note in place.notes)
    if record.landmark.value:
        lines.append(f"  Tempat    : {_value(record.landmark)}")
    lines.append(f"  Kegiatan  : {_labels(record.activity_types)}")
    lines.append(f"  Peserta   : {_labels(record.participants)}")
    if record.participant_total.value is not None:
        per_group = ", ".join(f"{PARTICIPANTS[h.category]} {h.count}" for h in record.headcounts)
        lines.append(
            f"  Jumlah    : {record.participant_total.value} orang"
            + (f" ({per_group})" if per_group else "")
            + _quote(record.participant_total.evidence)
        )
    lines.append(f"  Kejadian  : {_labels(record.incident_types)}")
    lines.append(f"  Daring    : {_value(record.online)}")
    lines.append(f"  Situasi   : {_value(record.situation, SITUATIONS)}")
    lines.append(f"  Personel  : {_value(record.personnel_count)}")
    election = _value(record.election, ELECTIONS)
    if record.election.value is None and record.election_kind.value:
        election = ELECTION_KINDS[record.election_kind.value]
        election += f", {record.election.note}" if record.election.note else ""
        election += _quote(record.election.evidence)
    lines.append(f"  Pemilihan : {election}")
    return "\n".join(lines)
