"""A saved news page becomes its article text and provenance: the page's furniture never
reaches the model, blocks stay apart, the date comes from the markup before anything else."""

import datetime as dt
import re

import pytest

from conflict_ner.errors import InputError
from conflict_ner.ingest.page import decode_page, looks_like_html, read_page

from .conftest import FIXTURES

PAGE = (FIXTURES / "pages" / "news-page.html").read_bytes()
ARTICLE = [
    "IDLIB, Syria \u2014 Government artillery pounded two villages in the southern Idlib countryside on Tuesday",
    "The shells struck Kansafra and Al-Bara shortly after dawn",
    "Rescue workers from the Syrian Civil Defence said",
    "State media did not mention the strikes.",
    "\u201cWe buried them this morning, and the shells were still falling,\u201d said Abu Khaled",
    "said its fighters had shelled government positions near Kafr Nabl in retaliation.",
]
FURNITURE = ["cookies", "Manage preferences", "World News", "Opinion Columns", "Subscribe Today", "Search Orontes",
             "Share on Facebook", "Send via WhatsApp", "Copy link", "Smoke rises over Kansafra", "Photo:",
             "Read more", "fuel shortages", "Related stories", "Drone strike hits market", "Hama front lines",
             "Morning Brief", "Sign up", "23 comments", "About us", "Privacy policy", "All rights reserved",
             "Rania Haddad", "Tags:", "Home"]


def _without_dates(html: bytes) -> bytes:
    html = re.sub(rb'<meta property="article:[a-z_]+time"[^>]*>', b"", html)
    html = re.sub(rb"<time[^>]*>[^<]*</time>", b"", html)
    return html.replace(b"/2024/05/", b"/")  # the URL path carries a date too


def test_the_article_text_without_the_page_furniture():
    page = read_page(PAGE)
    for sentence in ARTICLE:
        assert sentence in page.text
    leaked = [f for f in FURNITURE if f in page.text]
    assert leaked == []


def test_blocks_are_separated_by_a_blank_line_in_reading_order():
    text = read_page(PAGE).text
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Shelling kills six in southern Idlib as truce frays"  # the headline, on its own
    assert len(paragraphs) == 8 and all(p.strip() == p and "\n" not in p for p in paragraphs)
    positions = [text.index(s) for s in ARTICLE]
    assert positions == sorted(positions)


def test_title_url_site_and_date_from_the_markup():
    page = read_page(PAGE)
    assert page.title == "Shelling kills six in southern Idlib as truce frays"
    assert page.url == "https://orontes-daily.example/news/2024/05/idlib-shelling-kills-six"  # canonical
    assert page.site == "Orontes Daily"
    assert (page.published, page.published_from) == (dt.date(2024, 5, 8), "page")


def test_the_markup_date_wins_over_the_callers_date():
    page = read_page(PAGE, published=dt.date(2020, 1, 1))
    assert (page.published, page.published_from) == (dt.date(2024, 5, 8), "page")


def test_without_a_date_in_the_markup_the_callers_date_applies_before_a_guess():
    html = _without_dates(PAGE)
    page = read_page(html, published=dt.date(2024, 5, 7))
    assert (page.published, page.published_from) == (dt.date(2024, 5, 7), "--published")
    # no date given: htmldate searches the whole page, and says so (here it finds a linked
    # article's date in a teaser's URL, which is why it comes last)
    guessed = read_page(html)
    assert guessed.published_from == "page-guess" and guessed.published is not None


def test_a_date_written_in_the_text_is_found():
    html = _without_dates(PAGE).replace(b'<div class="story-body">',
                                        b'<div class="story-body"><p>Published on Tuesday, 7 May 2024</p>')
    page = read_page(html)
    assert page.published == dt.date(2024, 5, 7) and page.published_from in ("page", "page-guess")


def test_a_page_without_article_text_is_an_input_error():
    with pytest.raises(InputError, match="no article text found in the page"):
        read_page(b"<html><head><title>Gallery</title><script>var x = 1;</script></head>"
                  b"<body><img src='a.jpg'><script>track('view')</script></body></html>")


def test_the_declared_charset_decodes_a_windows_1252_page():
    body = '<html><head><meta charset="iso-8859-1"></head><body><article><p>Fighters of Hay\u2019at Tahrir ' \
           'al-Sham shelled the town of Saraqib on Monday, killing three civilians, a monitor said.</p>' \
           '</article></body></html>'
    data = body.encode("cp1252")  # iso-8859-1 is read as windows-1252, as browsers do
    assert "Hay\u2019at" in read_page(data).text
    assert decode_page(data) == body
    assert decode_page(body.encode("utf-8"), declared="utf-8") == body
    assert decode_page(b"\xef\xbb\xbf<p>x</p>") == "<p>x</p>"
    assert decode_page(b"<p>\xff\xfe bad</p>") is None  # not UTF-8, nothing declared: trafilatura guesses


def test_what_looks_like_html():
    assert looks_like_html(PAGE)
    assert looks_like_html(b"\xef\xbb\xbf\n<!-- saved from url=(0040)https://x.example/ -->\n<html><body>")
    assert not looks_like_html(b"Rebels shelled <b>Hama</b>.\n<html> is a tag.")
    assert not looks_like_html(b'{"text": "<html>"}')
