"""A form submitted as a browser submits it, from the HTML the server wrote: the values
a person sees and does not touch are sent back exactly as a browser would send them.

What a browser does that a hand-written POST dictionary hides:
- a value the input's type does not accept is dropped before it is ever shown
  (``<input type="time" value="09.30.00">`` is empty: only ``09:30`` is a time);
- a textarea loses the one line break after its start tag, and sends its lines with
  CRLF;
- unticked boxes, unselected options and buttons not pressed are not sent at all.
"""

from __future__ import annotations

import re

import lxml.html

# The HTML standard's value sanitisation for the input types Sejuk writes.
_VALID = {
    "time": re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?"),
    "date": re.compile(r"\d{4,}-\d{2}-\d{2}"),
    "number": re.compile(r"-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?"),
}


def form_data(html: str, xpath: str = "//main//form") -> dict[str, list[str]]:
    """The successful controls of the first form ``xpath`` finds, name -> values in
    document order, as the browser would send them (buttons left out: see pressed)."""
    doc = lxml.html.fromstring(html)
    forms = doc.xpath(xpath)
    assert forms, f"no {xpath} in the page"
    data: dict[str, list[str]] = {}
    for control in forms[0].xpath(".//input[@name] | .//select[@name] | .//textarea[@name]"):
        if control.get("disabled") is not None:
            continue
        name = control.get("name")
        for value in _values(control):
            data.setdefault(name, []).append(value)
    return data


def _values(control: lxml.html.HtmlElement) -> list[str]:
    if control.tag == "textarea":
        text = control.text or ""
        text = text[1:] if text.startswith("\n") else text
        return [re.sub(r"\r?\n", "\r\n", text)]
    if control.tag == "select":
        options = control.xpath(".//option")
        chosen = [o for o in options if o.get("selected") is not None]
        if not chosen and control.get("multiple") is None and options:
            chosen = options[:1]  # a single select always sends one
        return [o.get("value", o.text_content()) for o in chosen]
    kind = (control.get("type") or "text").lower()
    if kind in ("submit", "button", "image", "reset", "file"):
        return []
    if kind in ("checkbox", "radio"):
        if control.get("checked") is None:
            return []
        value = control.get("value")
        return ["on" if value is None else value]  # "on" only when there is no value at all
    value = control.get("value") or ""
    pattern = _VALID.get(kind)
    return ["" if pattern is not None and value and not pattern.fullmatch(value) else value]


def pressed(data: dict[str, list[str]], name: str, value: str) -> dict[str, list[str]]:
    """The data with the submit button the person pressed."""
    return {**data, name: [value]}
