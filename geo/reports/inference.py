"""The outlet a report's own text names: a dateline "BEIRUT (Reuters) -", a lead, a byline, a
sign-off "– AFP", a copyright or credit line, as ``outlets.toml`` lists them. The outlet is
"unknown" when the text names none of them that way."""

from __future__ import annotations

import re

from .outlets import Outlets

OUTLET_WINDOW = 400           # characters read at each end of a report to find its outlet
CLOSING_LINES = 3             # last lines searched for a copyright or credit line
UNKNOWN = "unknown"


def _dateline(head: str, outlets: Outlets) -> re.Match | None:
    """The first dateline tag in ``head`` that does not follow its own spelt-out name."""
    hits = []
    for rx in outlets.datelines:
        for m in rx.finditer(head):
            before = head[head.rfind("\n", 0, m.start("form")) + 1:m.start("form")]
            if not outlets.spelt_out.search(before):
                hits.append(m)
                break
    return min(hits, key=lambda m: m.start("form"), default=None)


def _head(text: str) -> str:
    """The first ``OUTLET_WINDOW`` characters of ``text``, whole lines only."""
    w = OUTLET_WINDOW
    head = text[:w]
    if len(text) > w and text[w] != "\n":            # only whole lines: "AFP" cut from "AFP staff"
        cut = head.rfind("\n")
        head = head[:cut] if cut > 0 else head
    return head


def _tail_lines(text: str, outlets: Outlets) -> list[str]:
    """The lines of the last ``OUTLET_WINDOW`` characters (whole lines only), without trailing
    blank lines and picture captions."""
    w = OUTLET_WINDOW
    tail = text[-w:]
    if len(text) > w and text[-w - 1] != "\n":
        cut = tail.find("\n")
        tail = tail[cut + 1:] if cut >= 0 else tail
    lines = tail.rstrip().split("\n")
    while lines and (not lines[-1].strip() or outlets.caption.match(lines[-1])):
        lines.pop()                                  # a closing picture caption is not a sign-off
    return lines


def _found(outlets: Outlets, m: re.Match, how: str) -> tuple[str, str]:
    return outlets.outlet(m["tag"]).name, f'outlet inferred from {how} "{m["form"].strip()}"'


def _opening(head: str, outlets: Outlets) -> tuple[str, str] | None:
    m = _dateline(head, outlets)
    if m:
        return _found(outlets, m, "the dateline tag")
    m = outlets.lead.match(head)
    if m:
        return _found(outlets, m, "the outlet name opening the text")
    m = outlets.byline.search(head)
    if m:
        return _found(outlets, m, "the byline")
    return None


def _closing(lines: list[str], outlets: Outlets) -> tuple[str, str] | None:
    tail = "\n".join(lines).rstrip()
    for rx in outlets.signoffs:
        m = rx.search(tail)
        if m:
            return _found(outlets, m, "the sign-off")
    last = [line.strip() for line in lines if line.strip()][-CLOSING_LINES:]
    for line in reversed(last):
        m = outlets.copyright.match(line)
        if m:
            return _found(outlets, m, "the copyright line")
        m = outlets.credit.match(line)
        o = outlets.credited(m["body"]) if m else None
        if o:
            style = "; ".join(f"{c} …" for c in o.credits)
            return o.name, f'outlet inferred from the closing credit line "({style})", the house style of {o.name}'
    return None


def infer_outlet(text: str, outlets: Outlets) -> tuple[str, str]:
    """``(outlet name, basis)`` from the tags a report's text gives itself, or ``("unknown", "")``.

    Only the first and last ``OUTLET_WINDOW`` characters are read (bounded work on huge reports),
    and an outlet counts only inside a tag form (outlets.toml lists them: dateline, lead, byline,
    sign-off, copyright and credit lines), never when the body merely mentions it ("Reuters could
    not verify", "told AFP"). ``basis`` is a short sentence saying which tag it came from.
    """
    return (_opening(_head(text), outlets) or _closing(_tail_lines(text, outlets), outlets)
            or (UNKNOWN, ""))
