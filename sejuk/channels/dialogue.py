"""The citizen's conversation, step by step, as pure functions: what happened, where (a
shared location or a village confirmed from the region list), when, a photo if any,
anonymous or not; then the report is filed. No Django here: the place lookups are
handed in, so the whole dialogue is tested without a database.

Each turn takes the step the conversation is at, its answers so far and the new message,
and gives the next step, the answers, the replies to send and what to do (``action``):
"file" the report, "cancel" the conversation, "check" a tracking code, or nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

# Candidate regions for a place named in words: (code, "Desa X, Kec. Y, Kab. Z"), best
# first; and the desa at a shared point, if Sejuk knows the desa's centres.
PlaceLookup = Callable[[str], list[tuple[str, str]]]
PointLookup = Callable[[float, float], tuple[str, str] | None]
CategoryGuess = Callable[[str], str]

YES = {"ya", "y", "iya", "yes", "ok", "oke", "benar", "betul", "anonim", "1"}
NO = {"tidak", "tdk", "no", "bukan", "salah", "t"}
SKIP = {"lewati", "tidak", "tidak ada", "tdk", "gak ada", "ga ada", "skip", "tidak ada foto"}
CANCEL = {"batal", "batalkan", "stop", "berhenti"}

GREETING = (
    "Selamat datang di layanan laporan masyarakat Polri (Cooling System). "
    "Kami akan menanyakan beberapa hal singkat. Balas BATAL kapan saja untuk berhenti, "
    "atau CEK diikuti kode laporan untuk melihat status laporan Anda."
)
ASK_WHAT = "Apa yang terjadi? Ceritakan singkat kejadiannya."
ASK_WHERE = (
    "Di mana kejadiannya? Kirim lokasi (Bagikan lokasi), atau tulis nama desa/kelurahan "
    "dan kecamatannya."
)
ASK_WHEN = (
    "Kapan terjadinya? Balas SEKARANG bila sedang berlangsung, HARI INI, KEMARIN, atau "
    "tanggalnya (mis. 5/12)."
)
ASK_PHOTO = "Ada foto kejadian? Kirim fotonya sekarang, atau balas LEWATI."
ASK_NAME = (
    "Terakhir: apakah Anda ingin tetap anonim? Balas ANONIM, atau tulis nama Anda "
    "(nomor Anda kami simpan terenkripsi agar petugas dapat menghubungi Anda)."
)
CANCELLED = "Baik, laporan dibatalkan dan tidak dikirim. Kirim pesan lagi kapan saja bila perlu."


@dataclass(frozen=True)
class Said:
    """A message as the dialogue sees it."""

    kind: str  # text, location, image, other
    text: str = ""
    lat: float | None = None
    lng: float | None = None
    media_id: str = ""


@dataclass
class Turn:
    step: str
    answers: dict[str, Any]
    replies: list[str] = field(default_factory=list)
    action: str = ""  # "file", "cancel", "check" or ""
    code: str = ""  # the tracking code asked about ("check")


def words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s/.:-]", " ", text.lower()).split())


def command(said: Said) -> Turn | None:
    """BATAL and CEK <kode> work at every step."""
    plain = words(said.text)
    if plain in CANCEL:
        return Turn(step="", answers={}, replies=[CANCELLED], action="cancel")
    match = re.fullmatch(r"(?:cek|status)\s+([0-9a-z -]{12,20})", plain)
    if match:
        return Turn(step="", answers={}, action="check", code=match.group(1))
    return None


def citizen_turn(
    step: str,
    answers: dict[str, Any],
    said: Said,
    *,
    places: PlaceLookup,
    point: PointLookup,
    guess: CategoryGuess,
    today: date,
) -> Turn:
    answers = dict(answers)
    if step == "":
        return _start(answers, said, guess)
    if step == "apa":
        return _what(answers, said, guess)
    if step == "dimana":
        return _where(answers, said, places, point)
    if step == "tempat":
        return _confirm_place(answers, said, places, point)
    if step == "kapan":
        return _when(answers, said, today)
    if step == "foto":
        return _photo(answers, said)
    if step == "nama":
        return _name(answers, said)
    return Turn(step=step, answers=answers, replies=[ASK_WHAT])


def _start(answers: dict[str, Any], said: Said, guess: CategoryGuess) -> Turn:
    if said.kind == "text" and len(said.text.strip()) >= 20:
        turn = _what(answers, said, guess)
        turn.replies.insert(0, GREETING)
        return turn
    return Turn(step="apa", answers=answers, replies=[GREETING, ASK_WHAT])


def _what(answers: dict[str, Any], said: Said, guess: CategoryGuess) -> Turn:
    text = said.text.strip()
    if said.kind != "text" or len(text) < 10:
        return Turn(
            step="apa", answers=answers, replies=["Mohon ceritakan dengan kalimat. " + ASK_WHAT]
        )
    answers.update(description=text[:5000], category=guess(text))
    return Turn(step="dimana", answers=answers, replies=["Terima kasih. " + ASK_WHERE])


def _offer(answers: dict[str, Any], found: list[tuple[str, str]]) -> Turn:
    answers["choices"] = [list(c) for c in found[:3]]
    if len(found) == 1:
        text = f"Apakah tempatnya {found[0][1]}? Balas YA bila benar, atau tulis nama tempat lagi."
    else:
        lines = "\n".join(f"{i}. {path}" for i, (_, path) in enumerate(found[:3], 1))
        text = (
            f"Tempat mana yang Anda maksud?\n{lines}\nBalas nomornya, atau tulis nama tempat lagi."
        )
    return Turn(step="tempat", answers=answers, replies=[text])


def _where(answers: dict[str, Any], said: Said, places: PlaceLookup, point: PointLookup) -> Turn:
    if said.kind == "location" and said.lat is not None and said.lng is not None:
        answers.update(lat=said.lat, lng=said.lng)
        near = point(said.lat, said.lng)
        if near is not None:
            return _offer(answers, [near])
        return Turn(
            step="dimana",
            answers=answers,
            replies=["Lokasi diterima. Tulis juga nama desa/kelurahan dan kecamatannya."],
        )
    text = said.text.strip()
    if said.kind != "text" or len(text) < 3:
        return Turn(step="dimana", answers=answers, replies=[ASK_WHERE])
    found = places(text[:200])
    if not found:
        return Turn(
            step="dimana",
            answers=answers,
            replies=[
                "Maaf, tempat itu belum kami kenali. Tulis nama desa/kelurahan beserta "
                "kecamatan atau kabupatennya."
            ],
        )
    answers["place_text"] = text[:200]
    return _offer(answers, found)


def _confirm_place(
    answers: dict[str, Any], said: Said, places: PlaceLookup, point: PointLookup
) -> Turn:
    choices = answers.get("choices") or []
    plain = words(said.text)
    picked = None
    if plain.isdecimal() and 1 <= int(plain) <= len(choices):
        picked = choices[int(plain) - 1]
    elif plain in YES and len(choices) == 1:
        picked = choices[0]
    if picked is None:
        if plain in NO:
            answers.pop("choices", None)
            return Turn(step="dimana", answers=answers, replies=[ASK_WHERE])
        return _where(answers, said, places, point)
    answers.pop("choices", None)
    answers.update(region=picked[0], place=picked[1])
    return Turn(step="kapan", answers=answers, replies=[f"Tercatat: {picked[1]}. " + ASK_WHEN])


def read_when(text: str, today: date) -> tuple[date, bool] | None:
    """The day a citizen names, and whether it is happening now."""
    plain = words(text)
    if plain in {"sekarang", "saat ini", "sedang terjadi", "sedang berlangsung"}:
        return today, True
    if plain in {"hari ini", "tadi", "barusan"} or plain.startswith("tadi "):
        return today, False
    if plain == "kemarin":
        return today - timedelta(days=1), False
    match = re.fullmatch(r"(?:tanggal |tgl )?(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?", plain)
    if not match:
        return None
    day, month = int(match.group(1)), int(match.group(2))
    year = int(match.group(3)) if match.group(3) else today.year
    if year < 100:
        year += 2000
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if not match.group(3) and found > today:  # "5/12" in January: last December
        found = found.replace(year=year - 1)
    return found, False


def _when(answers: dict[str, Any], said: Said, today: date) -> Turn:
    read = read_when(said.text, today)
    if read is None:
        return Turn(
            step="kapan", answers=answers, replies=["Maaf, tanggalnya belum terbaca. " + ASK_WHEN]
        )
    day, now = read
    if day > today or day < today - timedelta(days=366):
        return Turn(
            step="kapan",
            answers=answers,
            replies=["Tanggal itu di luar setahun terakhir. " + ASK_WHEN],
        )
    answers.update(occurred_on=day.isoformat(), happening_now=now)
    return Turn(step="foto", answers=answers, replies=[ASK_PHOTO])


def _photo(answers: dict[str, Any], said: Said) -> Turn:
    if said.kind == "image" and said.media_id:
        answers["photo"] = said.media_id
        return Turn(step="nama", answers=answers, replies=["Foto diterima. " + ASK_NAME])
    if words(said.text) in SKIP:
        return Turn(step="nama", answers=answers, replies=[ASK_NAME])
    return Turn(step="foto", answers=answers, replies=[ASK_PHOTO])


def _name(answers: dict[str, Any], said: Said) -> Turn:
    plain = words(said.text)
    if plain in YES or plain in {"anonim", "rahasia", "tanpa nama"}:
        answers.update(anonymous=True, name="")
        return Turn(step="kirim", answers=answers, action="file")
    name = " ".join(said.text.split())
    if said.kind != "text" or not 2 <= len(name) <= 100:
        return Turn(step="nama", answers=answers, replies=[ASK_NAME])
    answers.update(anonymous=False, name=name)
    return Turn(step="kirim", answers=answers, action="file")


OFFICER_ASK = "benar? balas YA untuk simpan, atau perbaiki"


def officer_answer(text: str) -> str:
    """What an officer's reply to a reading means: "save", or a correction to read."""
    return "save" if words(text) in YES else "correct"
