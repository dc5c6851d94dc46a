"""Fetching URLs: the only module of newsgraph that touches the network.

A :class:`Fetcher` is a frozen set of limits: a connect timeout, a read timeout, a total
deadline, a size limit and a redirect limit. Its :meth:`Fetcher.fetch` returns a
:class:`Response` or raises a :class:`~newsgraph.errors.FetchError` (or
:class:`~newsgraph.errors.TooLargeError`) that names the URL and the reason.

Built on the standard library's :mod:`http.client` rather than :mod:`urllib.request`:
``urllib`` has one timeout for everything and hides the socket, while here the connect
timeout, the per-read timeout and the total deadline are separate and exact (before every
read the socket's timeout is the smaller of the read timeout and what is left of the deadline,
so a server that drips bytes cannot hold a fetch past its deadline). Redirects are followed by
hand, so that their number, their schemes and loops are checked. Gzip and deflate bodies are
inflated chunk by chunk under the same size limit (no decompression bombs). A watchdog closes
the socket when the deadline passes, whatever the server is doing: dripping header lines or
chunk-size lines one byte at a time holds no fetch past it. A fetcher may also be given one
``budget`` for all its fetches together, so that many slow links cannot add up.

Server-side request forgery: a feed is untrusted, and so are the links and OPML entries in it.
Every host name is resolved before connecting, on every redirect too, and the connection goes
only to an address that is public: loopback, private, link-local, multicast, reserved and
shared addresses (and IPv6 forms embedding them, like ``::ffff:127.0.0.1``) are refused unless
``allow_private_hosts`` is set (``--allow-private-hosts``, for intranet feeds). The socket is
opened to the address checked, so the name cannot resolve differently in between.

Conditional GET: give the fetcher a plain ``dict`` as ``cache`` (the caller loads and saves
it, e.g. as JSON beside the graph). ``fetch(url, conditional=True)`` sends the ``ETag`` and
``Last-Modified`` remembered for ``url`` and, on ``304 Not Modified``, returns a response with
``not_modified=True`` and no content: nothing new to read since the last fetch.

>>> fetcher = Fetcher(connect_timeout=2, read_timeout=5, deadline=20)
>>> fetcher.user_agent
'newsgraph/0.1 (+https://github.com/newsgraph/newsgraph)'
>>> fetcher.fetch("ftp://example.com/feed.xml")
Traceback (most recent call last):
...
newsgraph.errors.FetchError: ftp://example.com/feed.xml: has an unsupported URL scheme \
(expected http or https; got 'ftp')
>>> fetcher.fetch("http://169.254.169.254/latest/meta-data/")
Traceback (most recent call last):
...
newsgraph.errors.FetchError: http://169.254.169.254/latest/meta-data/: refused: 169.254.169.254 \
is a link-local address (newsgraph fetches only from public addresses; --allow-private-hosts \
lets it fetch from intranet hosts)
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from newsgraph.errors import FetchError, Messages, TooLargeError

__all__ = ["USER_AGENT", "Fetcher", "Response", "address_refusal", "is_url"]

USER_AGENT = "newsgraph/0.1 (+https://github.com/newsgraph/newsgraph)"
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, "
    "text/xml;q=0.9, text/html;q=0.8, text/plain;q=0.7, */*;q=0.1"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
#: Seconds of clock slack when telling a deadline from a read timeout.
_SLACK = 0.05
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})


def is_url(source: str) -> bool:
    """Whether a SOURCE string is a URL (any scheme) rather than a path.

    >>> is_url("https://example.com/feed"), is_url("seeds/a.txt"), is_url("C:/news")
    (True, False, False)
    """
    scheme, sep, _ = source.partition("://")
    return bool(sep) and len(scheme) > 1 and scheme.replace("+", "").isalnum()


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SHARED = ipaddress.ip_network("100.64.0.0/10")
_Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def address_refusal(address: str) -> str | None:
    """What kind of non-public address ``address`` is, or None for a public one.

    IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4, Teredo) are judged by it.

    >>> [address_refusal(a) for a in ("93.184.216.34", "127.0.0.1", "::ffff:10.0.0.1",
    ...                               "169.254.169.254", "224.0.0.1", "0.0.0.0", "fd00::1")]
    [None, 'loopback', 'private', 'link-local', 'multicast', 'unspecified', 'private']
    """
    try:
        ip: _Address = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "unparsable"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return address_refusal(str(embedded))
    kinds = (
        ("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
        ("shared (carrier-grade NAT)", ip in _SHARED), ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    )
    for kind, found in kinds:
        if found:
            return kind
    return None if ip.is_global else "non-public"


def _resolve(host: str, port: int) -> list[tuple[int, str]]:
    """The addresses ``host`` resolves to, as (family, address), in the resolver's order."""
    found = []
    for family, _, _, _, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        entry = (int(family), str(sockaddr[0]))
        if entry not in found:
            found.append(entry)
    return found


def _pinned(addresses: list[tuple[int, str]]) -> Callable[..., socket.socket]:
    """A ``create_connection`` for :mod:`http.client` that connects to these addresses only."""

    def create(
        address: tuple[str, int], timeout: float | None = None, source: object = None
    ) -> socket.socket:
        error: OSError = OSError("no address to connect to")
        for _family, ip in addresses:
            try:
                return socket.create_connection((ip, address[1]), timeout)
            except OSError as e:
                error = e
        raise error

    return create


@dataclass(frozen=True)
class Response:
    """A fetched document.

    ``url`` is the final URL after redirects; ``content`` the (inflated) body;
    ``content_type`` the ``Content-Type`` header or ``""``; ``etag`` and ``last_modified``
    the validators a conditional GET sends next time.
    """

    url: str
    status: int
    content: bytes
    content_type: str = ""
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Fetcher:
    """Limits for fetching URLs, and the conditional-GET cache.

    Parameters
    ----------
    connect_timeout : float
        Seconds to wait for a connection.
    read_timeout : float
        Seconds to wait for the response headers and for each read of the body.
    deadline : float
        Seconds the whole fetch may take, redirects included.
    max_bytes : int
        Largest body accepted (after inflating gzip or deflate).
    max_redirects : int
        Most redirects followed.
    user_agent : str
        The ``User-Agent`` header.
    cache : dict, optional
        ``{url: {"etag": ..., "last-modified": ...}}``, read and updated by conditional
        fetches. A plain dict: the caller loads and saves it.
    trust_env : bool
        Use the ``http_proxy``/``https_proxy``/``no_proxy`` environment variables.
    allow_private_hosts : bool
        Fetch from loopback, private, link-local and other non-public addresses too (intranet
        feeds). By default they are refused, after resolving the name and on every redirect.
    budget : float, optional
        Seconds all the fetches of this fetcher may take together, counted from its first
        fetch; a fetch started once it is spent fails at once.

    Examples
    --------
    >>> cache: dict[str, dict[str, str]] = {}
    >>> Fetcher(cache=cache, max_redirects=2).max_redirects
    2
    """

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0
    max_bytes: int = 20_000_000
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    cache: dict[str, dict[str, str]] | None = field(default=None, compare=False)
    trust_env: bool = True
    allow_private_hosts: bool = False
    budget: float | None = None
    _started: list[float] = field(default_factory=list, compare=False, repr=False)

    def fetch(self, url: str, *, conditional: bool = False) -> Response:
        """GET ``url``, following redirects, within the limits.

        Parameters
        ----------
        url : str
            An ``http`` or ``https`` URL.
        conditional : bool
            Send the validators cached for ``url`` and remember the new ones.

        Returns
        -------
        Response
            The final response: ``200`` with its body, or ``304`` with ``not_modified``.

        Raises
        ------
        FetchError
            Bad scheme, no connection, timeout, deadline, HTTP error status, redirects.
        TooLargeError
            A body (declared or received) over ``max_bytes``.
        """
        try:
            return self._fetch(url, conditional=conditional)
        except (ValueError, http.client.InvalidURL) as error:  # urlsplit, http.client
            raise FetchError(url, f"is not a usable URL ({error})") from error

    def _budget_end(self) -> float | None:
        if self.budget is None:
            return None
        if not self._started:
            self._started.append(time.monotonic())
        return self._started[0] + self.budget

    def _fetch(self, url: str, *, conditional: bool) -> Response:
        end = time.monotonic() + self.deadline
        budget_end = self._budget_end()
        if budget_end is not None:
            if budget_end <= time.monotonic():
                raise FetchError(url, Messages.BUDGET_SPENT.format(seconds=self.budget))
            end = min(end, budget_end)
        seen = {url}
        current = url
        for _hop in range(self.max_redirects + 1):
            headers = {
                "User-Agent": self.user_agent,
                "Accept": _ACCEPT,
                "Accept-Encoding": "gzip, deflate",
                "Connection": "close",
            }
            cached = self.cache.get(url) if conditional and self.cache is not None else None
            if cached:
                if etag := cached.get("etag"):
                    headers["If-None-Match"] = etag
                if modified := cached.get("last-modified"):
                    headers["If-Modified-Since"] = modified
            response = self._get(url, current, headers, end)
            if isinstance(response, Response):
                if conditional and self.cache is not None and response.status == 200:
                    self._remember(url, response)
                return response
            location = urljoin(current, response.strip())
            if urlsplit(location).scheme.lower() not in ("http", "https"):
                raise FetchError(url, Messages.BAD_REDIRECT.format(location=response))
            if location in seen:
                raise FetchError(url, Messages.REDIRECT_LOOP.format(location=location))
            seen.add(location)
            current = location
        raise FetchError(
            url, Messages.TOO_MANY_REDIRECTS.format(limit=self.max_redirects, location=current)
        )

    def _remember(self, url: str, response: Response) -> None:
        validators = {
            key: value
            for key, value in (("etag", response.etag), ("last-modified", response.last_modified))
            if value
        }
        if self.cache is not None:
            if validators:
                self.cache[url] = validators
            else:
                self.cache.pop(url, None)

    def _get(self, source: str, url: str, headers: dict[str, str], end: float) -> Response | str:
        """One request: a :class:`Response`, or the ``Location`` of a redirect."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(source, Messages.BAD_SCHEME.format(scheme=parts.scheme))
        try:
            host, port = parts.hostname, parts.port
        except ValueError as e:
            raise FetchError(source, Messages.CONNECTION.format(reason=e)) from e
        if not host:
            raise FetchError(source, Messages.CONNECTION.format(reason="no host in the URL"))
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        connection, target = self._connection(source, scheme, host, port, target, url, end)
        watchdog = _Watchdog(connection, end - time.monotonic())
        try:
            self._connect(source, connection, end)
            answer = self._exchange(source, connection, target, headers, url, end, watchdog)
        except FetchError as e:
            if watchdog.fired.is_set():
                raise self._deadline(source, end, watchdog.received) from e
            raise
        finally:
            watchdog.cancel()
            connection.close()
        if watchdog.fired.is_set():  # the body ended because the watchdog closed the socket
            raise self._deadline(source, end, watchdog.received)
        return answer

    def _connection(
        self, source: str, scheme: str, host: str, port: int | None, target: str, url: str,
        end: float,
    ) -> tuple[http.client.HTTPConnection, str]:
        """An unopened connection to ``host``, or to the proxy for it; checks the address."""
        left = end - time.monotonic()
        if left <= 0:
            raise self._deadline(source, end, 0)
        timeout = min(self.connect_timeout, left)
        proxy = self._proxy(scheme, host)
        addresses = self._addresses(source, host, port or (443 if scheme == "https" else 80),
                                    through_proxy=bool(proxy))
        connection: http.client.HTTPConnection
        if proxy and scheme == "http":
            proxy_parts = urlsplit(proxy)
            connection = http.client.HTTPConnection(
                proxy_parts.hostname or "", proxy_parts.port or 80, timeout=timeout
            )
            target = url
        elif scheme == "https":
            context = ssl.create_default_context()
            if proxy:
                proxy_parts = urlsplit(proxy)
                connection = http.client.HTTPSConnection(
                    proxy_parts.hostname or "", proxy_parts.port or 80, timeout=timeout,
                    context=context,
                )
                connection.set_tunnel(host, port or 443)
            else:
                connection = http.client.HTTPSConnection(
                    host, port, timeout=timeout, context=context
                )
        else:
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
        if addresses is not None and not proxy:
            # connect to the address checked (TLS still verifies the host name)
            connection._create_connection = _pinned(addresses)  # type: ignore[attr-defined]
        return connection, target

    def _addresses(
        self, source: str, host: str, port: int, *, through_proxy: bool
    ) -> list[tuple[int, str]] | None:
        """The public addresses of ``host`` to connect to; None when any address will do.

        Raises :class:`FetchError` when every address of ``host`` is refused. Through a proxy,
        a name this machine cannot resolve is left to the proxy.
        """
        if self.allow_private_hosts:
            return None
        try:
            found = _resolve(host, port)
        except (OSError, UnicodeError) as e:
            if through_proxy:
                return None
            reason = e.strerror if isinstance(e, OSError) and e.strerror else e
            raise FetchError(source, Messages.CONNECTION.format(
                reason=f"cannot resolve {host}: {reason}")) from e
        allowed = [entry for entry in found if address_refusal(entry[1]) is None]
        if not allowed:
            address = found[0][1] if found else host
            kind = address_refusal(address) or "non-public"
            shown = host if host.strip("[]") == address else f"{host} ({address})"
            kind = ("an " if kind[0] in "aeiou" else "a ") + kind
            raise FetchError(source, Messages.PRIVATE_HOST.format(host=shown, kind=kind))
        return allowed

    def _connect(self, source: str, connection: http.client.HTTPConnection, end: float) -> None:
        timeout = connection.timeout or self.connect_timeout
        try:
            connection.connect()
        except TimeoutError as e:
            raise FetchError(
                source, Messages.TIMEOUT.format(seconds=timeout, phase="connecting")
            ) from e
        except OSError as e:
            raise FetchError(source, Messages.CONNECTION.format(reason=_reason(e))) from e

    def _proxy(self, scheme: str, host: str) -> str | None:
        if not self.trust_env or host in _LOOPBACK:
            return None
        proxy = urllib.request.getproxies().get(scheme)
        if not proxy or urllib.request.proxy_bypass(host):
            return None
        return proxy

    def _exchange(
        self, source: str, connection: http.client.HTTPConnection, target: str,
        headers: dict[str, str], url: str, end: float, watchdog: _Watchdog,
    ) -> Response | str:
        sock = connection.sock
        try:
            self._set_timeout(sock, end)
            connection.request("GET", target, headers=headers)
            response = connection.getresponse()
        except TimeoutError as e:
            raise self._timeout(source, end, "waiting for the response", 0) from e
        except http.client.HTTPException as e:
            raise FetchError(source, Messages.PROTOCOL.format(reason=_reason(e))) from e
        except OSError as e:
            raise FetchError(source, Messages.CONNECTION.format(reason=_reason(e))) from e
        try:
            return self._answer(source, response, sock, url, end, watchdog)
        finally:
            response.close()

    def _answer(
        self, source: str, response: http.client.HTTPResponse, sock: socket.socket | None,
        url: str, end: float, watchdog: _Watchdog,
    ) -> Response | str:
        status = response.status
        if status in _REDIRECTS:
            location = response.getheader("Location")
            if not location:
                raise FetchError(source, Messages.BAD_REDIRECT.format(location=""))
            return location
        if status == 304:
            return Response(url, status, b"", response.getheader("Content-Type") or "",
                            not_modified=True)
        if status != 200:
            raise FetchError(
                source, Messages.HTTP_STATUS.format(status=status, reason=response.reason)
            )
        declared = response.getheader("Content-Length")
        if declared and declared.strip().isdigit() and int(declared) > self.max_bytes:
            raise TooLargeError(
                source, Messages.TOO_LARGE.format(limit=self.max_bytes, size=f"{declared} bytes")
            )
        content = self._read_body(source, response, sock, end, watchdog)
        return Response(
            url, status, content, response.getheader("Content-Type") or "",
            etag=response.getheader("ETag"), last_modified=response.getheader("Last-Modified"),
        )

    def _read_body(
        self, source: str, response: http.client.HTTPResponse, sock: socket.socket | None,
        end: float, watchdog: _Watchdog,
    ) -> bytes:
        encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
        inflater: zlib._Decompress | None
        if encoding in ("identity", ""):
            inflater = None
        elif encoding in ("gzip", "x-gzip"):
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            inflater = zlib.decompressobj()
        else:
            raise FetchError(source, Messages.PROTOCOL.format(
                reason=f"unsupported Content-Encoding {encoding!r}"))
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                self._set_timeout(sock, end)
                chunk = response.read1(_CHUNK)
                if not chunk:
                    break
                watchdog.received += len(chunk)
                if inflater is not None:
                    chunk = inflater.decompress(chunk, self.max_bytes - size + 1)
                    if inflater.unconsumed_tail:
                        size = self.max_bytes + 1
                size += len(chunk)
                if size > self.max_bytes:
                    raise TooLargeError(source, Messages.TOO_LARGE.format(
                        limit=self.max_bytes, size="more"))
                chunks.append(chunk)
            if inflater is not None:
                chunks.append(inflater.flush())
        except TimeoutError as e:
            raise self._timeout(source, end, "reading the body", watchdog.received) from e
        except zlib.error as e:
            raise FetchError(source, Messages.PROTOCOL.format(
                reason=f"broken {encoding} body: {e}")) from e
        except http.client.HTTPException as e:
            raise FetchError(source, Messages.PROTOCOL.format(reason=_reason(e))) from e
        except OSError as e:
            raise FetchError(source, Messages.CONNECTION.format(reason=_reason(e))) from e
        return b"".join(chunks)

    def _set_timeout(self, sock: socket.socket | None, end: float) -> None:
        left = end - time.monotonic()
        if left <= 0:
            raise TimeoutError
        if sock is not None:
            sock.settimeout(min(self.read_timeout, left))

    def _timeout(self, source: str, end: float, phase: str, received: int) -> FetchError:
        if time.monotonic() >= end - _SLACK:
            return self._deadline(source, end, received)
        return FetchError(source, Messages.TIMEOUT.format(seconds=self.read_timeout, phase=phase))

    def _deadline(self, source: str, end: float, received: int) -> FetchError:
        """The error of a fetch stopped at ``end``: its own deadline, or the budget's."""
        if self.budget is not None and self._started and end == self._started[0] + self.budget:
            return FetchError(source, Messages.BUDGET.format(seconds=self.budget,
                                                             received=received))
        return FetchError(source, Messages.DEADLINE.format(seconds=self.deadline,
                                                           received=received))


class _Watchdog:
    """Closes a connection's socket when a fetch's time is up, whatever it is waiting for.

    A socket timeout bounds one read; a server that sends one byte per read (header lines,
    chunk-size lines) would never trip it. Shutting the socket down ends any read at once.
    """

    def __init__(self, connection: http.client.HTTPConnection, seconds: float) -> None:
        self.connection = connection
        self.fired = threading.Event()
        self.received = 0
        self.timer = threading.Timer(max(seconds, 0.0), self._fire)
        self.timer.daemon = True
        self.timer.start()

    def _fire(self) -> None:
        self.fired.set()
        sock = self.connection.sock
        if sock is not None:
            with contextlib.suppress(OSError):  # closed already
                sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self.timer.cancel()


def _reason(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return " ".join(text.split())
