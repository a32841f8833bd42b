"""Fetching a URL given as an input, with one clear error per failure (offline, no such
host, HTTP status, not a web page, too large), never a traceback.

Only ``http://`` and ``https://`` are fetched, with the standard library (proxies from the
usual ``https_proxy``/``no_proxy`` variables). Pages (``text/html``, XHTML) and plain text are
accepted; any other content type is refused before its body is read.

>>> is_url("https://example.org/a"), is_url("articles/a.html"), is_url("ftp://x")
(True, False, False)
"""

from __future__ import annotations

from dataclasses import dataclass

from conflict_ner.errors import InputError

PAGE_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}
DEFAULT_TIMEOUT = 20.0


def is_url(name: str) -> bool:
    """True for the inputs that are fetched: ``http://`` and ``https://`` URLs."""
    return name[:8].lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class Fetched:
    """A fetched body: ``kind`` is ``page`` or ``text``; ``url`` where it was found (after
    redirects); ``charset`` as the server declared it, if it did."""

    url: str
    kind: str
    body: bytes
    charset: str | None = None


def _why(err: BaseException, url: str, timeout: float) -> str:
    """A one-line reason for a failed fetch."""
    import http.client
    import socket
    import ssl
    import urllib.error
    import urllib.parse

    if isinstance(err, urllib.error.HTTPError):
        return f"HTTP {err.code} {err.reason or ''}".rstrip()
    reason = err.reason if isinstance(err, urllib.error.URLError) else err
    host = urllib.parse.urlsplit(url).netloc or url
    if isinstance(reason, socket.gaierror):
        return f"cannot find host {host} (is this machine online?)"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer from {host} within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused by {host}"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection to {host} failed: {getattr(reason, 'reason', None) or reason}"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot reach {host}: {reason.strerror}"
    if isinstance(reason, http.client.HTTPException):
        return f"broken answer from {host}: {type(reason).__name__}"
    return f"cannot fetch: {reason}"


def fetch(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> Fetched:
    """The page or text at ``url``; raises :class:`InputError` with the reason otherwise."""
    # imported here: listing inputs (which asks is_url) must not pay for the HTTP stack
    import http.client
    import urllib.error
    import urllib.parse
    import urllib.request

    from conflict_ner import __version__

    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url}: not a web address this tool fetches (http:// or https:// and a host)")
    request = urllib.request.Request(url, headers={
        "User-Agent": f"conflict-ner/{__version__}",
        "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            ctype = answer.headers.get_content_type()
            if ctype not in PAGE_TYPES | TEXT_TYPES:
                raise InputError(f"{url}: the server sent {ctype}, not a web page or text")
            body = answer.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise InputError(f"{url}: the page is larger than the limit of {max_bytes:,} bytes")
            return Fetched(answer.geturl(), "page" if ctype in PAGE_TYPES else "text", body,
                           answer.headers.get_content_charset())
    except InputError:
        raise
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as err:
        raise InputError(f"{url}: {_why(err, url, timeout)}") from None
