"""Web pages fetched defensively: http(s) only, no internal addresses, capped in size and time.

>>> fetch_url("file:///etc/passwd")
Traceback (most recent call last):
lib.sources.text.SourceError: only http and https addresses can be fetched, not file: file:///etc/passwd
"""
from __future__ import annotations

import ipaddress
import os
import socket
import threading
from urllib.parse import urljoin, urlsplit

from lib.models import Article
from lib.sources.decode import decode_declared
from lib.sources.html import read_html
from lib.sources.text import SourceError, megabytes, read_text

MAX_FETCH_BYTES = 5_000_000
MAX_REDIRECTS = 5
ALLOW_PRIVATE_ENV = "FACTDESK_ALLOW_PRIVATE_URLS"
FETCH_CONTENT_TYPES = ("text/html", "text/plain", "application/xhtml+xml")


def fetch_url(
    url: str,
    *,
    allow_private: bool | None = None,
    timeout: tuple[float, float] = (5, 15),
    max_bytes: int = MAX_FETCH_BYTES,
) -> Article:
    """An Article from a web page, fetched defensively.

    Only http(s); every hop of at most 5 redirects is re-checked; hosts that resolve to
    private, loopback, link-local, multicast or reserved addresses are refused unless
    `allow_private` (or env FACTDESK_ALLOW_PRIVATE_URLS=1) — a deployed desk must not fetch its
    own network on a user's behalf. Size is capped while streaming; connect and read timeouts
    apply, and the whole download must finish within their sum.
    """
    import requests

    if allow_private is None:
        allow_private = os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes")
    connect_timeout, read_timeout = timeout
    limit = connect_timeout + read_timeout
    deadline = _Deadline(limit)
    session = requests.Session()
    # No ~/.netrc: its passwords must never be sent to an address a user typed. Proxies from the
    # environment are still honoured, per request, below.
    session.trust_env = False
    session.headers["User-Agent"] = "FactDesk/1 (+article reader)"
    session.headers["Accept"] = "text/html,application/xhtml+xml,text/plain;q=0.9"
    # The host was checked when resolved; unless internal addresses are allowed, the adapter also
    # checks the address actually connected to, so a DNS answer that changes between the two
    # (rebinding) cannot reach the inside. Every connection it opens is watched by the deadline.
    adapter = _FetchAdapter(deadline, check_peer=not allow_private)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    current = url
    try:
        with deadline:
            for _hop in range(MAX_REDIRECTS + 1):
                _check_url(current, allow_private)
                response = session.get(
                    current,
                    stream=True,
                    allow_redirects=False,
                    timeout=timeout,
                    proxies=requests.utils.get_environ_proxies(current),
                    verify=os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True,
                )
                with response:
                    deadline.check()  # headers cut short at the deadline may look complete
                    if response.status_code in REDIRECT_STATUSES:
                        location = response.headers.get("Location", "").strip()
                        if not location:
                            raise SourceError(
                                f"HTTP {response.status_code} redirect from {current} without a Location header: "
                                "the server did not say where the page moved"
                            )
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise SourceError(f"HTTP {response.status_code} from {current}")
                    content_type, charset = _content_type(response.headers.get("Content-Type", ""))
                    if content_type not in FETCH_CONTENT_TYPES:
                        raise SourceError(
                            f"not an article page: content type {content_type or 'missing'} (expected HTML or plain text)"
                        )
                    data = _read_capped(response, max_bytes, deadline)
                break
            else:
                raise SourceError(f"too many redirects (more than {MAX_REDIRECTS}) from {url}")
    except (requests.RequestException, OSError) as error:
        # Shutting a socket at the deadline surfaces as whatever the interrupted read raises.
        if deadline.expired:
            raise SourceError(_too_long(limit)) from None
        if isinstance(error, requests.Timeout):
            raise SourceError(f"timed out fetching {current}: the server did not answer in time") from None
        if isinstance(error, requests.TooManyRedirects):
            raise SourceError(f"too many redirects (more than {MAX_REDIRECTS}) from {url}") from None
        if isinstance(error, requests.ConnectionError) or not isinstance(error, requests.RequestException):
            raise SourceError(_unreachable(urlsplit(current).hostname, error)) from None
        raise SourceError(f"could not fetch {current}: the address is not one a browser could open") from None
    finally:
        session.close()
    text = decode_declared(data, charset, content_type)
    if content_type == "text/plain":
        return read_text(text, source=current)
    return read_html(text, source=current, url=current)


REDIRECT_STATUSES = (301, 302, 303, 307, 308)


def _too_long(limit: float) -> str:
    return f"timed out: the page took too long to download (the limit is {limit:g} s for the whole page)"


class _Deadline:
    """One deadline for a whole fetch: at that moment every socket it opened is shut down.

    Per-read timeouts cannot bound a server that sends a few bytes every half second (each read
    succeeds), in its headers or its body; shutting the socket wakes whichever read is waiting.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self._sockets: list = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._timer.cancel()

    def watch(self, sock) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)

    def check(self) -> None:
        if self.expired:
            raise SourceError(_too_long(self.seconds))

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock) -> None:
    # A socket object really closed has no file descriptor any more (shutdown raises), so this never
    # touches a descriptor reused by someone else.
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


# What a failed connection means to a reader, by a word the underlying library puts in its message.
# The library's own text (errno numbers, pool names) never reaches the analyst.
_UNREACHABLE = (
    (("NameResolution", "name resolution", "Name or service not known", "getaddrinfo", "nodename nor servname"),
     "could not find the site {host}: check the address for typos, or try again when the network is back"),
    (("refused",), "the site {host} refused the connection: it may be down, or the address may be wrong"),
    (("SSL", "certificate", "CERTIFICATE"), "the secure connection to {host} failed: its certificate could not be checked"),
    (("reset", "aborted", "RemoteDisconnected"), "the site {host} closed the connection before sending the page"),
    (("unreachable", "No route"), "the site {host} cannot be reached from here: the network may be down"),
)


def _unreachable(host: str | None, error: Exception) -> str:
    """One plain sentence for a connection that failed, naming the host, never the library's wording."""
    text = repr(error)
    for words, message in _UNREACHABLE:
        if any(word in text for word in words):
            return message.format(host=host)
    return f"could not connect to {host}: the site did not answer"


def _check_url(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise SourceError(f"only http and https addresses can be fetched, not {parts.scheme or 'a bare path'}: {url[:200]}")
    host = parts.hostname
    if not host:
        raise SourceError(f"no host in address: {url[:200]}")
    if parts.username or parts.password:
        raise SourceError("addresses with a user name or password are not fetched")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = _resolve(host, port)
    except socket.gaierror as error:
        raise SourceError(_unreachable(host, error)) from None
    except (UnicodeError, ValueError):
        raise SourceError(f"not a valid site name in the address: {host}") from None
    for address in addresses:
        _refuse_internal(host, address)


def _resolve(host: str, port: int) -> list[str]:
    return [info[4][0] for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)]


def _refuse_internal(host: str, address: str) -> None:
    ip = ipaddress.ip_address(address.split("%")[0])
    problem = _private_kind(ip)
    if problem:
        raise SourceError(
            f"refusing to fetch {host}: {ip} is a {problem} address "
            f"(set {ALLOW_PRIVATE_ENV}=1 to allow internal addresses)"
        )


def _watched(connection_class, deadline: _Deadline, check_peer: bool):
    class Watched(connection_class):
        def _new_conn(self):
            sock = super()._new_conn()
            deadline.watch(sock)
            if check_peer:
                try:
                    _refuse_internal(self.host, sock.getpeername()[0])
                except SourceError:
                    sock.close()
                    raise
            return sock

        def connect(self):
            super().connect()
            # After TLS the connection reads through a new socket object; http.client drops its own
            # reference when the response reads to the end of the connection, so keep ours.
            deadline.watch(self.sock)

    return Watched


def _FetchAdapter(deadline: _Deadline, *, check_peer: bool):
    """A requests adapter whose connections the deadline watches and, with `check_peer`, whose direct
    connections refuse internal peers (a proxied connection's peer is the proxy)."""
    from requests.adapters import HTTPAdapter
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    def pools(peer: bool) -> dict:
        class HTTPPool(HTTPConnectionPool):
            ConnectionCls = _watched(HTTPConnection, deadline, peer)

        class HTTPSPool(HTTPSConnectionPool):
            ConnectionCls = _watched(HTTPSConnection, deadline, peer)

        return {"http": HTTPPool, "https": HTTPSPool}

    class Adapter(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = pools(check_peer)

        def proxy_manager_for(self, proxy, **proxy_kwargs):
            manager = super().proxy_manager_for(proxy, **proxy_kwargs)
            manager.pool_classes_by_scheme = pools(False)
            return manager

    return Adapter()


def _private_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    for attribute, name in (
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_unspecified", "unspecified"),
        ("is_reserved", "reserved"),
        ("is_private", "private"),
    ):
        if getattr(address, attribute):
            return name
    if not address.is_global:
        return "non-public"
    return None


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return kind.strip().lower(), charset


def _read_capped(response, max_bytes: int, deadline: _Deadline) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise SourceError(f"page too large: {megabytes(int(declared))}, the limit is {megabytes(max_bytes)}")
    chunks, total = [], 0
    for chunk in response.iter_content(chunk_size=65536):
        total += len(chunk)
        if total > max_bytes:
            raise SourceError(f"page too large: the limit is {megabytes(max_bytes)} and the server sent more")
        deadline.check()
        chunks.append(chunk)
    # A body cut by the deadline may end like a complete one (no length declared): never return it.
    deadline.check()
    return b"".join(chunks)
