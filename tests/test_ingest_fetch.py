"""URLs as inputs: fetched from a local server, and one clear reason for each way a fetch
fails (offline, no such host, refused, slow, HTTP status, not a web page, too large)."""

import socket

import pytest

from conflict_ner.errors import InputError
from conflict_ner.ingest.fetch import fetch, is_url

from .web_fakes import PAGE, PLAIN, LocalSite


@pytest.fixture
def site(monkeypatch):
    monkeypatch.setenv("no_proxy", "*")  # a proxy from the environment must not take local requests
    with LocalSite() as running:
        yield running


def test_a_page_and_plain_text_are_fetched(site):
    got = fetch(site.url("/news/idlib.html"), max_bytes=1_000_000)
    assert (got.kind, got.body, got.charset, got.url) == ("page", PAGE, "utf-8", site.url("/news/idlib.html"))
    text = fetch(site.url("/feed/plain.txt"), max_bytes=1_000_000)
    assert (text.kind, text.body) == ("text", PLAIN)


def test_a_redirect_is_followed_and_the_final_address_kept(site):
    assert fetch(site.url("/moved"), max_bytes=1_000_000).url == site.url("/news/idlib.html")


@pytest.mark.parametrize("path, reason", [
    ("/missing", "HTTP 404 Not Found"),
    ("/report.pdf", "the server sent application/pdf, not a web page or text"),
])
def test_a_status_or_content_type_that_is_not_a_page(site, path, reason):
    with pytest.raises(InputError) as err:
        fetch(site.url(path), max_bytes=1_000_000)
    assert str(err.value) == f"{site.url(path)}: {reason}"


def test_too_large_and_too_slow(site):
    with pytest.raises(InputError, match="larger than the limit of 100 bytes"):
        fetch(site.url("/news/idlib.html"), max_bytes=100)
    with pytest.raises(InputError, match=r"no answer from 127\.0\.0\.1:\d+ within 0\.3 s"):
        fetch(site.url("/slow"), max_bytes=1000, timeout=0.3)


def test_offline_the_reason_names_the_host(monkeypatch):
    def offline(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", offline)
    with pytest.raises(InputError) as err:
        fetch("https://orontes-daily.example/news/1", max_bytes=1000)
    assert str(err.value) == ("https://orontes-daily.example/news/1: cannot find host orontes-daily.example "
                              "(is this machine online?)")


def test_a_host_that_cannot_exist_and_a_closed_port(monkeypatch):
    monkeypatch.setenv("no_proxy", "*")
    with pytest.raises(InputError, match="cannot find host orontes-daily.invalid"):
        fetch("https://orontes-daily.invalid/a", max_bytes=1000)  # .invalid never resolves (RFC 2606)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(InputError, match=f"connection refused by 127.0.0.1:{port}"):
        fetch(f"http://127.0.0.1:{port}/a", max_bytes=1000)


def test_only_http_addresses_are_urls():
    assert is_url("HTTPS://x.example/a") and not is_url("file:///etc/passwd") and not is_url("-")
    with pytest.raises(InputError, match="not a web address"):
        fetch("https:///no-host", max_bytes=10)
