"""lib.sources fetch: URL fetching against a local server on 127.0.0.1, address checks, caps and deadlines."""
from __future__ import annotations

import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lib.sources import (
    SourceError,
    fetch_url,
)


ARTICLE_HTML = (
    '<html lang="en"><head><meta property="og:title" content="Served title">'
    '<meta property="article:published_time" content="2025-08-15"></head>'
    "<body><article><p>The defence secretary said on Friday that British troops were ready to deploy.</p>"
    "</article></body></html>"
).encode()


class _Handler(BaseHTTPRequestHandler):
    release: threading.Event
    hits: list

    def log_message(self, *args):  # keep test output clean
        pass

    def _send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in headers:
            self.send_header(key, value)
        if body is not None:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def _drip(self, chunk):
        """One small chunk every 0.2 s until the test is over: each read succeeds, the page never ends."""
        try:
            self.flush_headers()  # the status line (and headers, if any) go out first
            while not self.release.wait(0.2):
                self.wfile.write(chunk)
                self.wfile.flush()
        except OSError:
            pass  # the client hung up, as it should

    def do_GET(self):
        self.hits.append(self.path)
        self.authorizations.append(self.headers.get("Authorization"))
        path = self.path
        if path == "/article":
            self._send(200, ARTICLE_HTML)
        elif path == "/plain":
            self._send(200, "Le ministre a parlé vendredi à Paris.".encode("cp1252"), "text/plain; charset=windows-1252")
        elif path == "/latin1-declared":
            self._send(200, "<p>Coût : 5 € et l’été.</p>".encode("cp1252"), "text/html; charset=iso-8859-1")
        elif path.startswith("/redirect/"):
            left = int(path.rsplit("/", 1)[1])
            self._send(302, b"", headers=[("Location", f"/redirect/{left - 1}" if left > 1 else "/article")])
        elif path == "/redirect-to-file":
            self._send(302, b"", headers=[("Location", "file:///etc/passwd")])
        elif path == "/big-declared":
            self._send(200, b"x" * 5000)
        elif path == "/big-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the client must count while reading
            for _ in range(50):
                self.wfile.write(b"<p>" + b"y" * 200 + b"</p>")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 10, "image/png")
        elif path == "/no-type":
            self._send(200, b"text", None)
        elif path == "/missing":
            self._send(404, b"not here")
        elif path == "/redirect-without-location":
            self._send(302, b"")
        elif path == "/drip-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the page ends when the server closes
            self._drip(b"<p>Encore un mot.</p>")
        elif path == "/drip-headers":
            self.send_response(200)
            self._drip(b"X-Drip: 1\r\n")
        elif path == "/slow":
            self.release.wait(10)  # answers only when the test is over
            self._send(200, ARTICLE_HTML)
        else:
            self._send(500, b"unexpected")


@pytest.fixture()
def server(monkeypatch):
    monkeypatch.setenv("FACTDESK_ALLOW_PRIVATE_URLS", "1")
    handler = type("Handler", (_Handler,), {"release": threading.Event(), "hits": [], "authorizations": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield base, handler
    handler.release.set()
    httpd.shutdown()
    httpd.server_close()


def test_fetch_url_reads_an_html_page_with_its_metadata(server):
    base, _ = server
    article = fetch_url(f"{base}/article")
    assert article.text == "The defence secretary said on Friday that British troops were ready to deploy."
    assert (article.title, article.published, article.lang) == ("Served title", date(2025, 8, 15), "en")
    assert article.source == f"{base}/article"


def test_fetch_url_never_sends_netrc_credentials(server, tmp_path, monkeypatch):
    base, handler = server
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login analyst password secret\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    fetch_url(f"{base}/article")
    assert handler.authorizations == [None]


def test_fetch_url_reads_plain_text_in_the_declared_charset(server):
    base, _ = server
    assert fetch_url(f"{base}/plain").text == "Le ministre a parlé vendredi à Paris."


def test_fetch_url_reads_a_latin1_label_as_windows_1252_like_browsers(server):
    base, _ = server
    assert fetch_url(f"{base}/latin1-declared").text == "Coût : 5 € et l’été."


def test_fetch_url_follows_five_redirects_and_reports_the_final_address(server):
    base, handler = server
    article = fetch_url(f"{base}/redirect/4")
    assert article.source == f"{base}/article"
    assert handler.hits == ["/redirect/4", "/redirect/3", "/redirect/2", "/redirect/1", "/article"]


def test_fetch_url_refuses_a_sixth_redirect(server):
    base, _ = server
    with pytest.raises(SourceError, match=r"^too many redirects \(more than 5\)"):
        fetch_url(f"{base}/redirect/6")


def test_fetch_url_rechecks_the_scheme_of_each_redirect(server):
    base, _ = server
    with pytest.raises(SourceError, match=r"^only http and https addresses can be fetched, not file"):
        fetch_url(f"{base}/redirect-to-file")


@pytest.mark.parametrize("path", ["/big-declared", "/big-streamed"])
def test_fetch_url_refuses_pages_over_the_size_cap(server, path):
    base, _ = server
    with pytest.raises(SourceError, match=r"^page too large: (5 KB, the limit is 4 KB|the limit is 4 KB and the server sent more)$"):
        fetch_url(f"{base}{path}", max_bytes=4000)


@pytest.mark.parametrize(
    "path, message",
    [
        ("/image", r"^not an article page: content type image/png \(expected HTML or plain text\)$"),
        ("/no-type", r"^not an article page: content type missing"),
        ("/missing", r"^HTTP 404 from "),
    ],
)
def test_fetch_url_refuses_other_content_and_errors(server, path, message):
    base, _ = server
    with pytest.raises(SourceError, match=message):
        fetch_url(f"{base}{path}")


def test_fetch_url_gives_up_on_a_server_that_does_not_answer(server):
    base, _ = server
    with pytest.raises(SourceError, match=r"^timed out fetching .*/slow: the server did not answer in time$"):
        fetch_url(f"{base}/slow", timeout=(1, 0.3))


def test_fetch_url_refuses_loopback_without_the_setting_and_never_connects(server):
    base, handler = server
    with pytest.raises(SourceError, match=r"^refusing to fetch 127\.0\.0\.1: 127\.0\.0\.1 is a loopback address \(set FACTDESK_ALLOW_PRIVATE_URLS=1"):
        fetch_url(f"{base}/article", allow_private=False)
    assert handler.hits == []


def test_fetch_url_checks_the_address_it_connects_to_not_only_the_one_it_resolved(server, monkeypatch):
    # DNS rebinding: the name resolves to a public address when checked, then to loopback.
    base, handler = server
    monkeypatch.setattr("lib.sources.fetch._resolve", lambda host, port: ["93.184.216.34"])
    with pytest.raises(SourceError, match=r"^refusing to fetch 127\.0\.0\.1: 127\.0\.0\.1 is a loopback address"):
        fetch_url(f"{base}/article", allow_private=False)
    assert handler.hits == []


@pytest.mark.parametrize(
    "url, kind",
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://localhost:8501/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.1/admin", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://224.0.0.1/", "multicast"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://240.0.0.1/", "reserved"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://100.64.0.1/", "non-public"),
    ],
)
def test_fetch_url_refuses_internal_addresses_by_default(monkeypatch, url, kind):
    monkeypatch.delenv("FACTDESK_ALLOW_PRIVATE_URLS", raising=False)
    with pytest.raises(SourceError, match=rf"^refusing to fetch .* is a {kind} address"):
        fetch_url(url)


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.com/a.txt", "javascript:alert(1)", "gopher://example.com/", "/etc/passwd", "data:text/html,hi"],
)
def test_fetch_url_accepts_only_http_and_https(url):
    with pytest.raises(SourceError, match=r"^only http and https addresses can be fetched"):
        fetch_url(url)


def test_fetch_url_refuses_addresses_with_credentials():
    with pytest.raises(SourceError, match="user name or password"):
        fetch_url("http://user:secret@example.com/")


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_a_server_dripping_its_page_is_cut_at_the_deadline_for_the_whole_download(server, path):
    # Every read gets a chunk within the 0.5 s read timeout; only the 1.5 s deadline can end this.
    base, _ = server
    with pytest.raises(SourceError) as raised:
        fetch_url(f"{base}{path}", timeout=(1, 0.5))
    assert str(raised.value) == "timed out: the page took too long to download (the limit is 1.5 s for the whole page)"


def test_a_redirect_without_a_location_says_so_rather_than_empty_page(server):
    base, _ = server
    with pytest.raises(SourceError) as raised:
        fetch_url(f"{base}/redirect-without-location")
    assert str(raised.value) == (
        f"HTTP 302 redirect from {base}/redirect-without-location without a Location header: "
        "the server did not say where the page moved"
    )
