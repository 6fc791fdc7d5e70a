"""Date and time inputs that keep their value in every language.

``<input type="time">`` and ``<input type="date">`` take one wire form each, ``09:30``
and ``2024-12-08``, and a browser silently empties the input for anything else. Django's
own widgets write the active language's first input format instead (``09.30.00`` and
``08-12-2024`` in Indonesian), so a time read from a pasted message, or an activity's
own start time on its edit form, would reach the person as an empty box. Use these for
every date and time a form shows.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from django import forms

from sejuk import dates

_DAY_MONTH_YEAR = re.compile(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, (time, datetime)):
            return dates.html_time(value)
        if isinstance(value, str):
            read = dates.parse_clock(value)
            return dates.html_time(read) if read else value
        return None if value is None else str(value)


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, date):
            return dates.html_date(value)
        if isinstance(value, str):
            found = _DAY_MONTH_YEAR.fullmatch(value)
            if found:
                try:
                    day = date(int(found[3]), int(found[2]), int(found[1]))
                except ValueError:
                    return value
                return dates.html_date(day)
            return value
        return None if value is None else str(value)
