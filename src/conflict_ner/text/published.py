"""Publication dates parsed once, where input enters: a ``datetime.date`` or an
:class:`~conflict_ner.errors.InputError` that names the value.

Accepted: ISO dates and timestamps, RFC 2822 (e-mail and RSS headers), and dates with
the month written as a word (``8 May 2024``, ``May 8, 2024``). All-number dates whose
day and month could be swapped (``08/05/2024``) are refused as ambiguous.

>>> parse_published("2024-05-08"), parse_published("Wed, 08 May 2024 10:15:00 +0000")
(datetime.date(2024, 5, 8), datetime.date(2024, 5, 8))
>>> parse_published("08/05/2024")
Traceback (most recent call last):
...
conflict_ner.errors.InputError: published date '08/05/2024' is ambiguous (day and month could be swapped); write it as YYYY-MM-DD
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

from conflict_ner.errors import InputError

_NUMERIC = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})\s*$")
_HAS_MONTH_WORD = re.compile(r"[A-Za-z]{3,}")


def parse_published(value: object) -> dt.date | None:
    """``value`` (``None``, a date, or a string) as a date; a bad value raises :class:`InputError`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"published date must be a string, not {type(value).__name__} ({value!r})")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]) if re.match(r"^\d{4}-\d{2}-\d{2}", text) else _other(text)
    except ValueError:
        raise InputError(f"published date {value!r} is not a valid date") from None


def _other(text: str) -> dt.date:
    m = _NUMERIC.match(text)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        if a <= 12 and b <= 12 and a != b:
            raise InputError(f"published date {text!r} is ambiguous (day and month could be swapped); "
                             "write it as YYYY-MM-DD")
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    # a year must be written: relative words ("yesterday") would be read against today's date
    if (m or _HAS_MONTH_WORD.search(text)) and re.search(r"\b\d{4}\b", text):
        import dateparser

        parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True,
                                                                   "PREFER_DAY_OF_MONTH": "first"})
        if parsed is not None:
            return parsed.date()
    raise InputError(f"published date {text!r} is not a date this tool reads (use YYYY-MM-DD)")
