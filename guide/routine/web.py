"""Web pages: fetch an http(s) address, and turn a page's main content into article text.

The main content is found by trafilatura (navigation, ads, comments and footers dropped); its
Markdown output keeps headings, lists and tables, which the article reader reads as structure.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from email.message import Message
from http.client import HTTPResponse
from typing import Any

from ..errors import RoutineError
from .tables import markdown_tables_to_lines

DEFAULT_FETCH_DEADLINE = 20.0  # seconds for the whole fetch: connect, headers, body, decompression
MAX_PAGE_BYTES = 5_000_000
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_USER_AGENT = "guide (exercise routine reader)"


def fetch_deadline() -> float:
    """GUIDE_FETCH_DEADLINE (seconds) when set to a positive number, else the default."""
    try:
        seconds = float(os.environ.get("GUIDE_FETCH_DEADLINE", ""))
    except ValueError:
        return DEFAULT_FETCH_DEADLINE
    return seconds if 0 < seconds < 3600 else DEFAULT_FETCH_DEADLINE


class _Deadline:
    """One clock for the whole fetch. Every socket the fetch opens is registered, and when time
    is up they are shut down, which ends whatever read is waiting (a page that sends one byte
    a second never ends a per-read timeout)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self.expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return max(0.01, self.end - time.monotonic())

    def register(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError, ValueError):
            sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.cancel()

    def check(self) -> None:
        if self.expired or time.monotonic() >= self.end:
            self.expired = True
            raise TimeoutError


def _connection(base: type[http.client.HTTPConnection], deadline: _Deadline) -> Any:
    class Connection(base):  # type: ignore[valid-type, misc]
        def connect(self) -> None:
            self.timeout = deadline.remaining()  # connecting counts against the whole fetch
            super().connect()
            deadline.register(self.sock)

    return Connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_connection(http.client.HTTPConnection, self.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_connection(http.client.HTTPSConnection, self.deadline), req, context=self._context)  # type: ignore[attr-defined]


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


def fetch(url: str, timeout: float | None = None, max_bytes: int = MAX_PAGE_BYTES) -> str:
    """The page at `url` as text, within `timeout` seconds for the whole fetch (default:
    fetch_deadline()). Every failure is a one-line RoutineError naming the address and why."""
    seconds = timeout if timeout is not None else fetch_deadline()
    outcome: list[tuple[bytes, str] | BaseException] = []

    def work() -> None:
        try:
            outcome.append(_fetch(url, deadline, max_bytes))
        except BaseException as error:  # handed to the caller's thread
            outcome.append(error)

    # The fetch runs in a worker so the deadline also holds where no socket can be shut
    # (a name lookup that hangs): past it, the caller stops waiting and the worker is let go.
    with _Deadline(seconds) as deadline:
        worker = threading.Thread(target=work, name="guide-fetch", daemon=True)
        worker.start()
        worker.join(seconds + 0.5)
    late = RoutineError(url, None, f"cannot fetch: no complete answer within {seconds:g} s", "try again later")
    if not outcome:
        deadline.expire()
        raise late
    result = outcome[0]
    if isinstance(result, RoutineError):
        raise result
    if isinstance(result, BaseException):
        # Every socket timeout is the time left of the deadline, so a timeout is the deadline.
        reason = result.reason if isinstance(result, urllib.error.URLError) else result
        if deadline.expired or isinstance(reason, TimeoutError):
            raise late from None
        if not isinstance(result, Exception):
            raise result
        problem, fix = _why_not(result)  # the network's edge: every failure is the user's one line
        raise RoutineError(url, None, f"cannot fetch: {problem}", fix) from None
    data, charset = result
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _fetch(url: str, deadline: _Deadline, max_bytes: int) -> tuple[bytes, str]:
    opener = urllib.request.build_opener(_HTTPHandler(deadline), _HTTPSHandler(deadline), _LimitedRedirects)
    request = urllib.request.Request(
        url,
        headers={"User-Agent": _USER_AGENT, "Accept": "text/html,*/*;q=0.5", "Accept-Encoding": "gzip, deflate"},
    )
    with opener.open(request, timeout=deadline.remaining()) as response:
        headers: Message = response.headers
        kind = headers.get_content_type()
        if kind not in _HTML_TYPES:
            raise RoutineError(
                url, None, f"cannot read this page: it is {kind}, not a web page", "give the address of an HTML page"
            )
        declared = headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise _too_big(url, max_bytes)
        encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
        if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise RoutineError(
                url,
                None,
                f"cannot fetch: the page is sent in the {encoding!r} encoding, which guide cannot read",
                "save the page from a browser and give the file",
            )
        data = _read_capped(response, url, max_bytes, encoding, deadline)
        charset = headers.get_content_charset() or _meta_charset(data) or "utf-8"
    return data, charset


def _read_capped(response: HTTPResponse, url: str, max_bytes: int, encoding: str, deadline: _Deadline) -> bytes:
    """The body, decompressed as it arrives, never more than `max_bytes` of page however
    small the compressed stream (a gzip bomb stops at the cap)."""
    inflate = None
    if encoding in ("gzip", "x-gzip"):
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflate = zlib.decompressobj()
    chunks: list[bytes] = []
    size = 0
    while True:
        deadline.check()
        chunk = response.read1(_CHUNK)  # whatever has arrived: the deadline is checked between reads
        if not chunk:
            break
        pieces = [chunk]
        if inflate is not None:
            pieces = []
            pending = chunk
            while pending and size + sum(map(len, pieces)) <= max_bytes:
                pieces.append(inflate.decompress(pending, max_bytes + 1 - size - sum(map(len, pieces))))
                pending = inflate.unconsumed_tail
        for piece in pieces:
            size += len(piece)
            if size > max_bytes:
                raise _too_big(url, max_bytes)
            chunks.append(piece)
    deadline.check()
    if inflate is not None:
        rest = inflate.flush()
        size += len(rest)
        if size > max_bytes:
            raise _too_big(url, max_bytes)
        chunks.append(rest)
    return b"".join(chunks)


def _too_big(url: str, max_bytes: int) -> RoutineError:
    return RoutineError(
        url,
        None,
        f"cannot fetch: the page is larger than {max_bytes // 1_000_000} MB",
        "save the part with the routine as a .txt file",
    )


def _why_not(error: Exception) -> tuple[str, str]:
    """What went wrong, in words, and what to do about it."""
    check = "check the address"
    if isinstance(error, urllib.error.HTTPError):
        return f"the server answered {error.code} {error.reason}", check
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        if isinstance(reason, Exception):
            return _why_not(reason)
        return f"no network ({reason})", "check the address and your connection"
    if isinstance(error, ConnectionRefusedError):
        return "no network (connection refused)", "check the address and your connection"
    if isinstance(error, socket.gaierror):
        return "no network (the name does not resolve)", "check the address and your connection"
    if isinstance(error, (TimeoutError, socket.timeout)):
        return "no answer in time", "try again later"
    if isinstance(error, http.client.RemoteDisconnected):
        return "the server closed the connection without answering", "try again later"
    if isinstance(error, http.client.LineTooLong):
        return "the server sent a header or line far too long to be a web page", check
    if isinstance(error, http.client.BadStatusLine):
        return "the server's answer is not HTTP", check
    if isinstance(error, http.client.IncompleteRead):
        return "the page arrived broken or incomplete (the connection broke off mid-page)", "try again later"
    if isinstance(error, http.client.InvalidURL):
        return f"it is not a valid address ({error})", check
    if isinstance(error, http.client.HTTPException):
        detail = str(error) or type(error).__name__
        if "headers" in detail:
            return f"the server sent too many headers ({detail})", check
        return f"the server's answer is broken ({detail})", check
    if isinstance(error, ssl.SSLError):
        return (
            f"no secure connection ({error.reason or error})",
            "check the address, or save the page and give the file",
        )
    if isinstance(error, zlib.error):
        return "the page's compressed data is broken", "try again later"
    if isinstance(error, ValueError):
        return f"it is not a valid address ({error})", check
    if isinstance(error, OSError):
        return f"no network ({(error.strerror or str(error)).lower()})", "check the address and your connection"
    return f"{type(error).__name__}: {error}", check


def _meta_charset(data: bytes) -> str | None:
    match = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


def html_to_article(page: str) -> str:
    """The page's main content as article text: a title line, headings, list items, table rows."""
    import trafilatura  # imported here: it is slow to import and only web pages need it

    markdown = trafilatura.extract(
        page,
        output_format="markdown",
        include_formatting=True,
        include_tables=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        favor_recall=True,
    )
    if not markdown:
        return ""
    lines = markdown_tables_to_lines(markdown.splitlines())
    if not any(line.startswith("# ") for line in lines[:3]):
        title = _page_title(page)
        if title:
            lines = [f"# {title}", "", *lines]
    return "\n".join(lines)


def _page_title(page: str) -> str:
    for pattern in (r"<h1[^>]*>(.*?)</h1>", r"<title[^>]*>(.*?)</title>"):
        match = re.search(pattern, page, re.IGNORECASE | re.DOTALL)
        if match:
            import html

            text = html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))
            text = re.split(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]*$", text.strip())[0]
            return " ".join(text.split())
    return ""
