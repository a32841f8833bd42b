"""`extract` and `view` on pages, URLs, stdin and text not in English, end to end on the tiny
model: exit codes, error lines, offsets that index the written text, the page's provenance
shown."""

import io
import json
import sys

import pytest

from conflict_ner.app.cli import main

from .test_ingest_language import FRENCH
from .web_fakes import PAGE, LocalSite

ARTICLE = "Rebels fired 12 rockets at Hama on Monday, killing 5 civilians, a monitor said. "
CANONICAL = "https://orontes-daily.example/news/2024/05/idlib-shelling-kills-six"


def _lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def _spans(record):
    yield record["sentence"]
    for key in ("actors", "locations", "weapons", "counts"):
        yield from record[key]


@pytest.fixture
def stdin(monkeypatch):
    def feed(data: bytes):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    return feed


def test_extract_pages_urls_and_french_one_line_each_exit_1(tiny_model_dir, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "idlib.html").write_bytes(PAGE)
    (folder / "fr.txt").write_text(FRENCH * 2, encoding="utf-8")
    (folder / "en.txt").write_text(ARTICLE * 3, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    args = ["extract", "--model", str(tiny_model_dir), str(folder), "https://orontes-daily.invalid/a", "-o", str(out),
            "-q", "--published", "8 May 2024"]
    assert main(args) == 1
    printed = capsys.readouterr().out
    assert "4 input(s): 4 written" in printed and "2 failed" in printed
    got = {x["doc_id"]: x for x in _lines(out)}
    page = got["idlib.html"]
    assert page["error"] is None and page["url"] == CANONICAL and page["published_from"] == "page"
    spans = [s for rec in page["records"] for s in _spans(rec)]
    assert spans and all(page["text"][s["start"]:s["end"]] == s["text"] for s in spans)
    assert got["fr.txt"]["error"].startswith("the text is in French") and got["fr.txt"]["error_kind"] == "input"
    assert "cannot find host" in got["https://orontes-daily.invalid/a"]["error"]
    assert (got["en.txt"]["published"], got["en.txt"]["published_from"]) == ("2024-05-08", "--published")


def test_extract_from_stdin(tiny_model_dir, tmp_path, stdin, capsys):
    stdin((ARTICLE * 2).encode())
    out = tmp_path / "o.jsonl"
    assert main(["extract", "--model", str(tiny_model_dir), "-", "-o", str(out), "-q"]) == 0
    (line,) = _lines(out)
    assert line["source"] == "<stdin>" and line["text"] == ARTICLE * 2
    assert "1 input(s): 1 written" in capsys.readouterr().out


def test_a_bad_published_option_stops_before_anything_is_written(tiny_model_dir, tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    assert main(["extract", "--model", str(tiny_model_dir), str(tmp_path), "-o", str(out),
                 "--published", "yesterday"]) == 2
    assert "published date 'yesterday'" in capsys.readouterr().err and not out.exists()


def test_view_a_page_shows_its_title_url_site_and_date(tiny_model_dir, tmp_path, capsys):
    page = tmp_path / "idlib.html"
    page.write_bytes(PAGE)
    html_out = tmp_path / "v.html"
    assert main(["view", "--model", str(tiny_model_dir), str(page), "-o", str(html_out), "-q"]) == 0
    html = html_out.read_text(encoding="utf-8")
    assert "<title>Shelling kills six in southern Idlib as truce frays</title>" in html
    assert f'<a href="{CANONICAL}">{CANONICAL}</a>' in html
    assert "published: 2024-05-08 (from page)" in html and "site: Orontes Daily" in html
    assert "Share on Facebook" not in html and "Kansafra" in html
    assert "Shelling kills six" in capsys.readouterr().out


def test_view_a_url_and_stdin(tiny_model_dir, tmp_path, stdin, monkeypatch, capsys):
    monkeypatch.setenv("no_proxy", "*")
    html_out = tmp_path / "v.html"
    with LocalSite() as site:
        assert main(["view", "--model", str(tiny_model_dir), site.url("/news/idlib.html"), "-o", str(html_out),
                     "-q"]) == 0
    assert CANONICAL in html_out.read_text(encoding="utf-8")
    stdin(ARTICLE.encode())
    assert main(["view", "--model", str(tiny_model_dir), "-", "-o", str(html_out), "-q", "--published",
                 "2024-05-08"]) == 0
    html = html_out.read_text(encoding="utf-8")
    assert "<title>stdin</title>" in html and "published: 2024-05-08 (from --published)" in html


def test_view_refuses_french_unless_asked_and_a_folder_of_several(tiny_model_dir, tmp_path, capsys):
    fr = tmp_path / "fr.txt"
    fr.write_text(FRENCH * 2, encoding="utf-8")
    html_out = tmp_path / "v.html"
    assert main(["view", "--model", str(tiny_model_dir), str(fr), "-o", str(html_out), "-q"]) == 2
    assert "the text is in French, not English" in capsys.readouterr().err and not html_out.exists()
    assert main(["view", "--model", str(tiny_model_dir), str(fr), "-o", str(html_out), "-q", "--any-language"]) == 0
    (tmp_path / "b.txt").write_text(ARTICLE)
    assert main(["view", "--model", str(tiny_model_dir), str(tmp_path), "-o", str(tmp_path / "w.html"), "-q"]) == 2
    assert "holds more than one document" in capsys.readouterr().err
    assert main(["view", "--model", str(tiny_model_dir), "https://orontes-daily.invalid/a", "-o",
                 str(tmp_path / "w.html"), "-q"]) == 2
    assert "cannot find host orontes-daily.invalid" in capsys.readouterr().err
