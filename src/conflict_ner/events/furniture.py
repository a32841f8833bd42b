"""Page furniture (bylines, date lines, menus, prompts, credits, legal lines): sentences that yield no records.

>>> is_furniture("By Jane Doe"), is_furniture("Rebels shelled Hama on Monday.")
(True, False)
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][\w'\u2019.\-]*"
_PATTERNS = [
    # Agency credit lines: "Reporting by ...; Editing by ..."
    r"^(?:additional )?(?:reporting|writing|editing|compiled|translated|fact-checked) by\b",
    # Publication-date lines and bare dates/times.
    r"^(?:published|updated|posted|last updated|first published|date)\b[^.!?]*\d",
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,? )?(?:\d{1,2} \w+|\w+ \d{1,2},?) \d{4}(?:[ ,|\-]+\d{1,2}[:.]\d{2}.*)?$",
    r"^\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:gmt|utc|et|cet|est)?\b.{0,30}$",
    # Menus and taxonomy lines.
    r"^(?:regions?|themes?|topics?|tags?|country|countries|sections?|categor(?:y|ies)|filed under|keywords|"
    r"format|language|source|subjects?|content type|disaster type)\s*:",
    # Share / donate / subscribe prompts.
    r"^(?:share(?: this(?: article| story)?)?|donate(?: now)?|subscribe|sign up|follow us|print|email|tweet|"
    r"facebook|twitter|whatsapp|linkedin|telegram|copy link|listen|watch|advertisement|skip to (?:main )?"
    r"content)\b[^.!?]{0,60}$",
    r"^(?:save|close|menu|search|home|back to top)$",
    r"\b(?:subscribe to our|sign up for our|sign up to our|support our (?:journalism|work)|make a donation|"
    r"donate now|become a (?:member|subscriber)|newsletter)\b",
    # Copyright and disclaimers.
    r"\u00a9|\(c\) \d{4}|\bcopyright\b|\ball rights reserved\b",
    r"\bviews expressed\b|\bdo(?:es)? not necessarily reflect\b|\bthis (?:article|story|report) "
    r"(?:was|has been) (?:originally |first )?(?:published|updated|corrected)\b",
    # Related-article teasers.
    r"^(?:related(?: articles?| stories| content)?|read more|read also|also read|see also|more on|recommended|"
    r"most read|trending|latest|more from|you may also like|further reading|related coverage)\s*[:|\-\u2013\u2014>]",
    r"^(?:related|read more|recommended|most read)$",
    # Photo credits and captions.
    r"^(?:photo|photograph|picture|image|file photo|caption|credit|video|photo credit)s?\s*(?:by\b|[:|(])",
    r"(?:^|[\s(])(?:reuters|afp|ap|epa|getty images|anadolu(?: agency)?|aa)\s*/\s*[A-Z]\w*",
    r"/\s*(?:afp|ap|epa|getty images|reuters|anadolu)\s*\)?\.?$",
    r"\((?:afp|ap|epa|reuters)(?: photo)?(?:/[^)]*)?\)$",
    # Cookie and site prompts.
    r"\bcookies?\b|\bprivacy policy\b|\bterms of (?:use|service)\b|\baccept all\b|\benable javascript\b",
]
# Bylines: "By Jane Doe", "By Jane Doe and John Roe, Reuters" (case-sensitive: names are capitalised).
_BYLINE = re.compile(rf"^(?:By|BY) {_NAME}(?: {_NAME}){{0,3}}(?:(?:,| and| &) {_NAME}(?: {_NAME}){{0,3}})*\W*$")
_FURNITURE = [_BYLINE] + [re.compile(p, re.I) for p in _PATTERNS]


#: Furniture lines are short (the longest in the corpus has 149 characters): a longer
#: sentence is article text even when it mentions a copyright or a newsletter, as one long
#: unpunctuated line that runs a whole article together does.
MAX_FURNITURE_CHARS = 400


def is_furniture(sentence: str) -> bool:
    """Whether a sentence (or heading line) is page furniture rather than article text.

    >>> is_furniture("Published 14 March 2023 | Updated 15 March 2023")
    True
    """
    if len(sentence) > MAX_FURNITURE_CHARS:
        return False
    s = " ".join(sentence.split())
    return any(p.search(s) for p in _FURNITURE)
