"""Phone numbers in a report's text.

A forwarded WhatsApp message, or a citizen's own words, often carry a phone number: the
reporter's, sometimes someone else's. The working text of a report is read by every role
that reads reports (a Bhabinkamtibmas too), searched, compared for duplicates and given
out by the API, so numbers are masked in it. The text as it came in is kept whole, but
encrypted like the reporter's contact (``sejuk.crypto``), shown only to the roles that
may see contacts, and every showing is in the audit log (``services.reveal_reporter``).
"""

from __future__ import annotations

import re

MASK = "[nomor telepon disamarkan]"

# Indonesian numbers as people write them: 0812-3456-7890, 0812 3456 7890, +62 812 3456
# 7890, +62-812-..., 6281234567890, (0370) 123456, wa.me/6281234567890. A candidate
# starts at +62, 62 or 0 (not inside a longer word or number) with a group of two digits
# or more, runs on in groups split by one space, dot or dash, and is a phone number when
# it has 9 to 15 digits. So dates (08-12-2024 starts with a one-digit group), times,
# counts and sums of money (62.500.000: thousands in groups of three) stay as they are.
_CANDIDATE = re.compile(
    r"(?<![\w+])"  # not inside a word, a number or after another plus
    r"\(?(?:\+\s?62|62|0)"  # where a phone number starts
    r"[\s.\-]?\(?\d{2,}\)?"  # the first group: operator or area code
    r"(?:[\s.\-]\(?\d+\)?){0,5}"  # the rest, each after one separator
    r"(?!\w)"
)
_MONEY = re.compile(r"\d{1,3}(?:\.\d{3})+")
_SHORTEST, _LONGEST = 9, 15


def _is_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    return _SHORTEST <= len(digits) <= _LONGEST and not _MONEY.fullmatch(candidate)


def mask_phones(text: str) -> tuple[str, int]:
    """``text`` with every phone number replaced by MASK, and how many there were."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        if not _is_phone(match.group(0)):
            return match.group(0)
        count += 1
        return MASK

    return _CANDIDATE.sub(replace, text), count
