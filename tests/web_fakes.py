"""A local web server for URL-input tests: a news page, a 404, a PDF, plain text, a redirect,
a slow answer, and a count of the requests it served (a resumed run must not fetch again)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .conftest import FIXTURES

PAGE = (FIXTURES / "pages" / "news-page.html").read_bytes()
PLAIN = b"Rebels shelled Hama on Monday, killing five civilians, a monitor said.\n"
ROUTES = {
    "/news/idlib.html": (200, "text/html; charset=utf-8", PAGE),
    "/feed/plain.txt": (200, "text/plain; charset=utf-8", PLAIN),
    "/report.pdf": (200, "application/pdf", b"%PDF-1.4 not a page"),
    "/latin1.html": (200, "text/html; charset=windows-1252",
                     "<html><body><article><p>Fighters of Hay\u2019at Tahrir al-Sham shelled Saraqib on Monday, "
                     "killing three civilians, a monitor said.</p></article></body></html>".encode("cp1252")),
}


class _Handler(BaseHTTPRequestHandler):
    hits: Counter

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.hits[self.path] += 1
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/idlib.html")
            self.end_headers()
            return
        status, ctype, body = ROUTES.get(self.path, (404, "text/html", b"<html><body>Not found</body></html>"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a limit, a timeout)
            pass

    def log_message(self, *args):  # keep the test output quiet
        pass


class LocalSite:
    """``with LocalSite() as site:`` serves :data:`ROUTES` at ``site.url(path)``."""

    def __enter__(self) -> "LocalSite":
        handler = type("Handler", (_Handler,), {"hits": Counter()})
        self.hits = handler.hits
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
