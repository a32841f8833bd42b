"""New inputs on the batch contract (fake extractor): pages and folders of them, URLs,
stdin, JSONL fields passed through, ``--published``, the language gate. Each input gets one
line with its provenance; a page's line carries the text its offsets index; a resumed run
neither parses nor fetches again."""

import io
import json

import pytest

from conflict_ner.app import batch_ingest
from conflict_ner.app.batch import run_batch
from conflict_ner.app.batch_inputs import InputOptions
from conflict_ner.app.view import GENERATOR

from .batch_fakes import FakeExtractor
from .test_ingest_language import ARABIC, FRENCH
from .web_fakes import PAGE, LocalSite

ARTICLE = "Rebels fired rockets at Hama on Monday, killing civilians, a monitor said."
CANONICAL = "https://orontes-daily.example/news/2024/05/idlib-shelling-kills-six"
PROVENANCE = ("url", "title", "site", "published", "published_from")


def lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def by_id(path):
    return {x["doc_id"]: x for x in lines(path)}


def run(inputs, out, **options):
    stdin = options.pop("stdin", None)
    reading = InputOptions(stdin=io.BytesIO(stdin) if stdin is not None else None, **options)
    return run_batch(FakeExtractor(), [str(i) for i in inputs], out, progress=False, options=reading)


def _spans_index_the_text(line):
    for rec in line["records"]:
        for span in [rec["sentence"], *rec["actors"]]:
            assert line["text"][span["start"]:span["end"]] == span["text"]


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "pages"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "idlib.html").write_bytes(PAGE)
    (folder / "short.HTM").write_text("<html><head><title>Short</title></head><body><article><p>" + ARTICLE +
                                      "</p></article></body></html>", encoding="utf-8")
    (folder / "notes.md").write_text("not an input")
    (folder / "old.view.html").write_text(f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                                          f'<meta name="generator" content="{GENERATOR}">\n<title>x</title>'
                                          "</head><body><p>" + ARTICLE + "</p></body></html>")
    return folder


def test_a_folder_of_pages_gives_text_and_provenance(pages, tmp_path):
    out = tmp_path / "o.jsonl"
    summary = run([pages], out)
    got = by_id(out)
    assert sorted(got) == ["2024/idlib.html", "short.HTM"]  # the view page and notes.md are not inputs
    assert summary.ignored_files == 2 and summary.errors == 0
    page = got["2024/idlib.html"]
    assert {k: page[k] for k in PROVENANCE} == {
        "url": CANONICAL, "title": "Shelling kills six in southern Idlib as truce frays", "site": "Orontes Daily",
        "published": "2024-05-08", "published_from": "page"}
    assert page["text"].startswith("Shelling kills six") and "Share on Facebook" not in page["text"]
    assert page["records"] and page["source"].endswith("idlib.html")
    _spans_index_the_text(page)
    assert got["short.HTM"]["text"] == ARTICLE and got["short.HTM"]["title"] == "Short"


def test_a_resumed_run_neither_parses_nor_fetches_again(pages, tmp_path, monkeypatch):
    monkeypatch.setenv("no_proxy", "*")
    out = tmp_path / "o.jsonl"
    with LocalSite() as site:
        run([pages, site.url("/news/idlib.html")], out)
        assert site.hits["/news/idlib.html"] == 1
        calls = []
        real = batch_ingest._fill_from_page
        monkeypatch.setattr(batch_ingest, "_fill_from_page", lambda *a: calls.append(a) or real(*a))
        summary = run([pages, site.url("/news/idlib.html")], out)
        assert (summary.skipped, summary.written, calls, site.hits["/news/idlib.html"]) == (3, 0, [], 1)
    assert len(lines(out)) == 3


def test_urls_each_get_one_line_and_the_batch_goes_on(tmp_path, monkeypatch):
    monkeypatch.setenv("no_proxy", "*")
    out = tmp_path / "o.jsonl"
    with LocalSite() as site:
        urls = [site.url(p) for p in ("/news/idlib.html", "/missing", "/report.pdf", "/feed/plain.txt", "/moved")]
        offline = "https://orontes-daily.invalid/news/1"
        summary = run([*urls, offline, tmp_path / "nope.txt"], out, published="2024-05-01")
    got = by_id(out)
    assert list(got) == [*urls, offline, str(tmp_path / "nope.txt")]
    page = got[urls[0]]
    assert page["error"] is None and page["url"] == CANONICAL and page["published"] == "2024-05-08"
    _spans_index_the_text(page)
    assert got[urls[1]]["error"] == f"{urls[1]}: HTTP 404 Not Found"
    assert got[urls[2]]["error"] == f"{urls[2]}: the server sent application/pdf, not a web page or text"
    assert got[offline]["error"].endswith("cannot find host orontes-daily.invalid (is this machine online?)")
    assert all(got[u]["error_kind"] == "input" and got[u]["url"] == u for u in (urls[1], urls[2], offline))
    plain = got[urls[3]]
    assert plain["error"] is None and plain["text"].startswith("Rebels shelled Hama")
    assert (plain["published"], plain["published_from"]) == ("2024-05-01", "--published")
    assert got[urls[4]]["url"] == CANONICAL and got[urls[4]]["error"] is None  # redirected to the page
    assert summary.errors == 4 and summary.written == 7
    report = [json.loads(x) for x in (tmp_path / "o.jsonl.errors.jsonl").read_text().splitlines()]
    assert [r["doc_id"] for r in report] == [urls[1], urls[2], offline, str(tmp_path / "nope.txt")]


def test_stdin_as_one_plain_text_document(tmp_path):
    out = tmp_path / "o.jsonl"
    run(["-"], out, stdin=("\n" + ARTICLE + "\n{not json}\n").encode())
    (line,) = lines(out)
    assert line["doc_id"].startswith("stdin-") and len(line["doc_id"]) == 18 and line["source"] == "<stdin>"
    assert line["text"] == "\n" + ARTICLE + "\n{not json}\n" and line["error"] is None
    _spans_index_the_text(line)
    # another text piped into the same output is a new input; the same one again is done
    assert run(["-"], out, stdin=b"Troops shelled Idlib.").written == 1
    assert run(["-"], out, stdin=b"Troops shelled Idlib.").skipped == 1


def test_stdin_as_jsonl_when_its_first_line_is_an_object(tmp_path):
    out = tmp_path / "o.jsonl"
    data = "\n" + json.dumps({"id": "a", "text": ARTICLE, "source": "Enab Baladi"}) + "\n" + \
        json.dumps({"text": ARTICLE}) + "\nnot json\n"
    run(["-"], out, stdin=data.encode())
    got = lines(out)
    assert [x["doc_id"] for x in got] == ["a", "stdin:3", "stdin:4"]
    assert got[0]["meta"] == {"source": "Enab Baladi"} and got[0]["text"] == ARTICLE  # piped: kept
    assert got[2]["error"].startswith("<stdin>:4: invalid JSON")


def test_stdin_html_is_read_as_a_page(tmp_path):
    out = tmp_path / "o.jsonl"
    run(["-"], out, stdin=PAGE)
    (line,) = lines(out)
    assert line["url"] == CANONICAL and line["text"].startswith("Shelling kills six")


def test_jsonl_fields_pass_through(tmp_path):
    src = tmp_path / "feed.jsonl"
    rows = [{"id": "e1", "text": ARTICLE, "url": "https://enab.example/1", "title": "Rockets on Hama",
             "source": "Enab Baladi", "tags": ["hama", 2], "lang": "en", "published": "Wed, 08 May 2024 10:15:00 +0000"},
            {"id": "e2", "text": ARTICLE, "url": 7},
            {"id": "e3", "text": ARTICLE, "published": "2024-13-45"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    run([src], out, published="2020-01-01")
    got = by_id(out)
    e1 = got["e1"]
    assert {k: e1[k] for k in PROVENANCE} == {"url": "https://enab.example/1", "title": "Rockets on Hama", "site": None,
                                              "published": "2024-05-08", "published_from": "input"}
    assert e1["meta"] == {"source": "Enab Baladi", "tags": ["hama", 2], "lang": "en"}
    assert "text" not in e1  # the input holds it already
    assert got["e2"]["error"].endswith("field 'url' is int, expected a string")
    assert got["e3"]["error"] == "published date '2024-13-45' is not a valid date" and got["e3"]["error_kind"] == "input"
    assert got["e3"]["published"] is None


def test_published_applies_only_where_the_input_has_no_date(pages, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    undated = tmp_path / "undated.html"
    undated.write_text("<html><body><article><p>" + ARTICLE + "</p></article></body></html>")
    out = tmp_path / "o.jsonl"
    run([tmp_path / "a.txt", undated, pages / "2024" / "idlib.html"], out, published="Tue, 07 May 2024 08:00:00 GMT")
    got = by_id(out)
    assert (got["a.txt"]["published"], got["a.txt"]["published_from"]) == ("2024-05-07", "--published")
    assert (got["undated.html"]["published"], got["undated.html"]["published_from"]) == ("2024-05-07", "--published")
    assert (got["idlib.html"]["published"], got["idlib.html"]["published_from"]) == ("2024-05-08", "page")
    out2 = tmp_path / "o2.jsonl"
    run([tmp_path / "a.txt"], out2)
    assert {k: lines(out2)[0][k] for k in PROVENANCE} == dict.fromkeys(PROVENANCE)


def test_documents_not_in_english_get_an_error_line_naming_the_language(tmp_path):
    (tmp_path / "fr.txt").write_text(FRENCH * 2)
    (tmp_path / "ar.html").write_text("<html><body><article><p>" + ARABIC + "</p></article></body></html>")
    (tmp_path / "en.txt").write_text(ARTICLE)
    out = tmp_path / "o.jsonl"
    summary = run([tmp_path], out)
    got = by_id(out)
    assert got["fr.txt"]["error"].startswith("the text is in French, not English")
    assert got["ar.html"]["error"].startswith("the text is in Arabic, not English")
    assert got["fr.txt"]["error_kind"] == got["ar.html"]["error_kind"] == "input"
    assert "text" not in got["ar.html"] and got["en.txt"]["error"] is None and summary.errors == 2
    # asked for, they run; a retry of the failed inputs is the way to get them
    summary = run([tmp_path], out, check_language=False)
    assert summary.skipped == 3
    run_batch(FakeExtractor(), [str(tmp_path)], out, progress=False, retry_errors=True,
              options=InputOptions(check_language=False))
    assert all(x["error"] is None for x in lines(out))


def test_a_loader_bug_costs_its_input_only(pages, tmp_path, monkeypatch):
    def broken(*args):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(batch_ingest, "_fill_from_page", broken)
    (pages / "z.txt").write_text(ARTICLE)
    out = tmp_path / "o.jsonl"
    run([pages], out)
    got = by_id(out)
    assert got["2024/idlib.html"]["error"] == "cannot read: RuntimeError: parser bug"
    assert got["2024/idlib.html"]["error_kind"] == "internal" and got["z.txt"]["error"] is None


def test_csv_output_reads_pages_too(pages, tmp_path):
    out = tmp_path / "o.csv"
    summary = run_batch(FakeExtractor(), [str(pages)], out, fmt="csv", progress=False)
    assert summary.written == 2 and summary.errors == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert any(r.startswith(",3,Shelling,") and "2024/idlib.html" in r for r in rows)
