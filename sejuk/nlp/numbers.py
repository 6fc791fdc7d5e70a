"""Counts written in digits or Indonesian words, and the personnel count of a report.

"tiga personel", "3 personel", "dua belas anggota", "sebanyak 1.250 personel gabungan", and
the field shorthand "3 pers".
Words that give no number ("puluhan", "ratusan", "beberapa", "sejumlah") are no count:
the field stays empty rather than guessed. Written here because the few Indonesian
number-word packages are unmaintained and a dozen words and four multipliers are all a
report uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import Document, watch
from .normalize import words

UNITS: dict[str, int] = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
    "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
}  # fmt: skip
VAGUE = words(
    "puluhan ratusan belasan ribuan beberapa sejumlah banyak banyaknya segenap seluruh para"
)
PERSONNEL = words("personel personil anggota petugas polisi polwan bhabinkamtibmas orang")
# Field reports shorten personel to "pers" ("patroli ... 3 pers"); alone, "pers" is the
# press, so it names personnel only right after a number.
AFTER_A_NUMBER = PERSONNEL | {"pers"}
_NOUNS = watch(AFTER_A_NUMBER)
# After the noun: these make the count someone else's ("personel TNI", "orang warga").
NOT_POLICE = words("tni linmas satpol warga massa orang pendukung korban")


MAX_DIGITS = 9


def parse_number(words: list[str], i: int, gaps: list[str] | None = None) -> tuple[int, int] | None:
    """The number that starts at ``words[i]``: (value, words used), or None.

    Digits may carry thousands dots as one token each ("1.250" is "1", "250"). Given the
    text's ``gaps``, groups join only across a dot or a comma and nothing else
    ("(27/11/2024). 200 personel" is 2024 and 200)."""
    if i >= len(words):
        return None
    w = words[i]
    # isdecimal, not isdigit: "²" is a digit int() refuses. No count in a text runs past
    # MAX_DIGITS; a longer run of digits is an id, a phone number or noise.
    if w.isdecimal() and len(w) <= MAX_DIGITS:
        value, used = int(w), 1
        while (
            i + used < len(words)
            and len(words[i + used]) == 3
            and words[i + used].isdecimal()
            and (gaps is None or gaps[i + used] in (".", ","))
        ):
            value = value * 1000 + int(words[i + used])
            used += 1
        return value, used
    return _words_number(words, i)


def _words_number(words: list[str], i: int) -> tuple[int, int] | None:
    total, small, used = 0, 0, 0  # total: hundreds and thousands done; small: below 100
    while i + used < len(words):
        w = words[i + used]
        if w == "seratus" and not small:
            total += 100
        elif w == "seribu" and not small and not total:
            total = 1000
        elif w in UNITS:
            if small and (small < 10 or small % 10):
                break  # two units in a row: "dua tiga" is two numbers
            small += UNITS[w]
        elif w == "belas" and 0 < small < 10:
            small += 10
        elif w == "puluh" and 0 < small < 10:
            small *= 10
        elif w == "ratus" and 0 < small < 10:
            total += small * 100
            small = 0
        elif w == "ribu" and (small or total):
            total = (total + small) * 1000
            small = 0
        else:
            break
        used += 1
    if not used:
        return None
    return total + small, used


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    first: int  # tokens [first, last) of the number and its noun
    last: int


def personnel_count(doc: Document, tokens: range | None = None) -> Count | None:
    """The first count of police personnel: a number right before "personel", "anggota",
    "petugas"..., not followed by another force ("personel TNI"). A vague word there
    ("puluhan personel") is no count."""
    words = doc.first_words
    # Only numbers near a personnel noun can count: look a few words around each noun.
    nouns = doc.positions(_NOUNS)
    near = sorted({i for k in nouns for i in range(max(0, k - 5), min(len(words), k + 2))})
    span = [i for i in near if tokens is None or i in tokens]
    first: Count | None = None
    for i in span:
        noun_first = (words[i] in PERSONNEL and words[i] != "orang") or _pers_label(doc, i)
        if noun_first and i + 1 < len(words):
            after_noun = _count_after_noun(doc, i)
            if after_noun is not None and _labelled(doc, i):
                return after_noun  # "Jml pers 3 org": the report's total outweighs the rest
            if after_noun is not None and first is None:
                first = after_noun
        if first is not None:
            continue  # only a labelled total can still outweigh the first count
        w = words[i]
        if not (w.isdigit() or w in UNITS or w in VAGUE or w in ("seratus", "seribu")):
            continue
        if words[i] in VAGUE and i + 1 < len(words) and words[i + 1] in PERSONNEL:
            continue
        if i > 0 and words[i - 1] == "salah":
            continue  # "salah satu anggota": one of them, not a count
        found = parse_number(words, i, doc.gaps)
        if found is None:
            continue
        value, used = found
        again = parse_number(words, i + used, doc.gaps)  # spelled out again: "3 (tiga) orang"
        paren = -1  # the token after the ")" that closes it
        if again is not None and again[0] == value and doc.gaps[i + used].strip() == "(":
            closed = i + used + again[1]
            if closed < len(words) and doc.gaps[closed].strip() == ")":
                used, paren = closed - i, closed
        noun = i + used
        if noun >= len(words) or words[noun] not in AFTER_A_NUMBER or value == 0:
            continue
        if any(doc.gaps[k].strip() and k != paren for k in range(i + used, noun + 1)):
            continue  # "2024, Bhabinkamtibmas ...": punctuation parts them
        if words[noun] == "orang" and (noun + 1 >= len(words) or words[noun + 1] not in PERSONNEL):
            continue
        if words[noun] == "orang":
            noun += 1
        after = words[noun + 1] if noun + 1 < len(words) else ""
        if after in NOT_POLICE or doc.is_skipped(i):
            continue
        if after in _EACH:
            continue  # "dua personel per kapal": so many to each, not the total
        if i > 0 and words[i - 1].isdigit() and doc.gaps[i] in _DATE_JOINS:
            continue  # "11/11/24 personil": the year of a date
        first = Count(value, i, noun + 1)
    return first


_DATE_JOINS = ("/", "-")
# A count given per thing: "dikawal dua personel per kapal", "tiga anggota setiap TPS".
_EACH = words("per setiap tiap masing")
# Words that label the total of a report: "Jml pers 3 org", "jumlah personel: 4".
_TOTAL = words("jumlah total")


def _labelled(doc: Document, i: int) -> bool:
    words = doc.first_words
    return _pers_label(doc, i) or (i > 0 and words[i - 1] in _TOTAL)


_TAKING_PART = words(
    "terlibat dilibatkan dikerahkan diterjunkan diturunkan disiagakan bertugas hadir ikut"
)


def _pers_label(doc: Document, i: int) -> bool:
    """ "Pers : 2 org" opening a line of a field report, or "Pers 3 org" in its text:
    the personnel field."""
    words = doc.first_words
    if words[i] != "pers" or i + 1 >= len(words):
        return False
    if ":" in doc.gaps[i + 1] and (i == 0 or "\n" in doc.gaps[i]):
        return True
    at = i + 2 if words[i + 1] == "pengamanan" else i + 1  # "Pers pam 8 org"
    found = parse_number(words, at, doc.gaps)
    return found is not None and words[at + found[1] : at + 1 + found[1]] == ["orang"]


def _count_after_noun(doc: Document, i: int) -> Count | None:
    """ "Personel 2 orang", "jumlah personel: 3 (tiga) orang", "personil Polsek Sukadana
    sebanyak 4 org": the count after the noun, to the end or "orang"."""
    words = doc.first_words
    if doc.skipped[i]:
        return None
    at = i + 1
    if words[i] == "pers" and words[at : at + 1] == ["pengamanan"]:
        at += 1  # "Pers pam 8 org": the security detail
    s = doc.sentences[doc.sent_of[i]]
    for k in range(i + 1, min(i + 6, s.last)):
        if words[k] == "sebanyak":
            # Only the police's own: "personil Polsek X sebanyak", not "anggota DPRD".
            between = words[i + 1 : k]
            if between and not any(w.startswith("pol") or w == "gabungan" for w in between):
                return None
            at = k + 1
            break
    for k in range(i + 1, min(i + 6, s.last)):
        if doc.gaps[k].strip() == "(" and words[k].isdecimal():
            # "personil Polsek Cibeber (5 org)": the count in brackets after the unit
            inner = range(i + 1, k)
            if inner and all(words[j].startswith("pol") or doc.is_capitalized(j) for j in inner):
                at = k
            break
    if words[at : at + 1] == ["yang"] and at + 1 < s.last and words[at + 1] in _TAKING_PART:
        at += 2  # "Personel yang terlibat 10 orang"
    found = parse_number(words, at, doc.gaps)
    if found is None:
        return None
    end = at + found[1]
    again = parse_number(words, end, doc.gaps)  # the number spelled out again: "3 (tiga)"
    if again is not None and again[0] == found[0]:
        end += again[1]
    if end >= len(words) or words[end] in ("orang", "personel", "personil"):
        return Count(found[0], i, min(end + 1, len(words)))
    return None
