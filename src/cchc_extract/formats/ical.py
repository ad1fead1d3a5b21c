"""iCalendar output: one all-day event per deadline that has a due date.

Events are serialized one by one (`events`) so a batch streams them into one
calendar file without holding every document.  UIDs are derived from the input's
content hash, the deadline's span and its due date, so re-running on the same
input gives the same UIDs (calendar clients update events instead of
duplicating them).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Optional

from ..models import Deadline, Directive, Document
from ..temporal import end_of

PRODID = "-//cchc-extract//deadlines//VI"
SUMMARY_CHARS = 160


def calendar_head() -> bytes:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    text = cal.to_ical()
    return text[: text.rindex(b"END:VCALENDAR")]


CALENDAR_TAIL = b"END:VCALENDAR\r\n"


def _due_date(due: Optional[str]) -> Optional[_dt.date]:
    last = end_of(due) if due else None
    try:
        return _dt.date.fromisoformat(last) if last else None
    except ValueError:
        return None


def _directive_for(dl: Deadline, doc: Document) -> Optional[Directive]:
    for d in doc.directives:
        if dl.id and dl.id in d.deadlines:
            return d
    return next((d for d in doc.directives if dl.item and d.item == dl.item), None)


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def uid(doc: Document, document: str, dl: Deadline, due: str) -> str:
    key = f"{doc.source.sha256 or document}|{dl.span[0]}|{dl.span[1]}|{due}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:32] + "@cchc-extract"


def events(doc: Document, document: str) -> list[bytes]:
    """The serialized VEVENTs of one document."""
    from icalendar import Event

    items = {it.path: it for it in doc.items}
    stamp = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
    out = []
    for dl in doc.deadlines:
        day = _due_date(dl.due)
        if day is None:
            continue
        directive = _directive_for(dl, doc)
        item = items.get(dl.item or "")
        what = directive.text if directive else (item.text if item else dl.text)
        lead = [b.text for b in directive.lead] if directive else []
        support = [b.text for b in directive.support] if directive else []
        ev = Event()
        ev.add("uid", uid(doc, document, dl, day.isoformat()))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", day)
        ev.add("dtend", day + _dt.timedelta(days=1))
        ev.add("summary", _short(("; ".join(lead) + ": " if lead else "") + what, SUMMARY_CHARS))
        ev.add("description", "\n".join(filter(None, [
            f"Văn bản: {document}", f"Mục: {dl.item}" if dl.item else "",
            f"Chủ trì: {'; '.join(lead)}" if lead else "",
            f"Phối hợp: {'; '.join(support)}" if support else "",
            f"Thời hạn: {dl.text}", "", " ".join(what.split())])))
        ev.add("categories", ["cchc-deadline"])
        out.append(ev.to_ical())
    return out
