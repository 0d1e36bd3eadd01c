"""Serve a built site the way GitHub Pages serves a project site: under /<repo>/.

Only the site's own path answers; anything else, and any missing page, gets the
site's 404.html with status 404, as on GitHub Pages. `healthsite linkcheck`
and the tests use it to prove every link and asset works under a sub-path.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def __init__(self, *args, prefix: str, **kwargs) -> None:
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        path_only = urlsplit(path).path
        if path_only + "/" == self.prefix:  # /healthsite -> redirect to /healthsite/
            return super().translate_path("/")
        if not path_only.startswith(self.prefix):
            return str(Path(self.directory) / ".missing" / "outside-the-site")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_under(site_dir: Path, *, prefix: str) -> Iterator[str]:
    """Serve `site_dir` at http://127.0.0.1:<free port><prefix>; yield that URL."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = functools.partial(_SubPathHandler, directory=str(site_dir), prefix=prefix)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
