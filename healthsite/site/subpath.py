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

    def __init__(self, *args, prefix: str, site_url: str | None, **kwargs) -> None:
        self.prefix = prefix
        self.site_url = site_url
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        # Material's instant navigation follows only links on the host that sitemap.xml
        # names, so the sitemap is served naming this server instead of site_url.
        if self.site_url and urlsplit(self.path).path == f"{self.prefix}sitemap.xml":
            here = f"http://{self.headers['Host']}{self.prefix}"
            text = (Path(self.directory) / "sitemap.xml").read_text(encoding="utf-8")
            return self._send(200, "application/xml", text.replace(self.site_url, here).encode("utf-8"))
        return super().do_GET()

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
        self._send(404, "text/html; charset=utf-8", page.read_bytes())

    def _send(self, code: int, content_type: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_under(site_dir: Path, *, prefix: str = "/", site_url: str | None = None) -> Iterator[str]:
    """Serve `site_dir` at http://127.0.0.1:<free port><prefix>; yield that URL.
    Given the site's `site_url`, the sitemap names this server instead (see do_GET)."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = functools.partial(_SubPathHandler, directory=str(site_dir), prefix=prefix, site_url=site_url)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
