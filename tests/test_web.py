"""Web pages (docs/routine-format.md#web-pages): a local HTTP server only, never the internet."""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guide.cli import app
from guide.errors import RoutineError
from guide.routine import load_routine, parse_routine
from guide.routine.web import fetch

PAGE = b"""<!doctype html><html><head><title>Morning Mobility | Example Blog</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Morning Mobility</h1>
<p>Three moves to start the day. Hold each stretch for 20 seconds unless a move says otherwise.</p>
<h2>1. Cat-Cow</h2><ul><li>Start on all fours.</li><li>Arch and round your back slowly.</li>
<li><strong>Reps:</strong> 10</li></ul>
<h2>2. Hip Flexor Stretch</h2><p>Kneel on one knee and push your hips forward until you feel a stretch
at the front of the back leg. Switch sides.</p>
<h2>3. Glute Bridge</h2><p>Lie on your back and lift your hips, squeezing at the top. Do 12 reps.</p>
</article><footer>Copyright 2024. Subscribe to our newsletter.</footer></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        if self.path == "/page":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, "text/html", PAGE)
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(64):  # no Content-Length: the cap must hold while reading
                self.wfile.write(b"<p>" + b"x" * 16_000 + b"</p>")
        elif self.path == "/pdf":
            self._send(200, "application/pdf", b"%PDF-1.4")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        else:
            self._send(404, "text/html", b"<h1>Not found</h1>")

    def _send(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that gave up (the timeout and size-cap tests do) breaks the pipe of a slow or
        # big answer; socketserver would print that to stderr, inside another test's captured output.
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_page_is_read_as_an_article(server: str) -> None:
    routine = load_routine(f"{server}/page")
    assert routine.title == "Morning Mobility"
    names = [e.name for e in routine.exercises]
    assert names == ["Cat-Cow", "Hip Flexor Stretch", "Glute Bridge"]
    cat, hip, bridge = routine.exercises
    assert cat.dose.reps.value is not None and cat.dose.reps.value.low == 10
    assert hip.dose.hold_seconds.value is not None and hip.dose.hold_seconds.value.low == 20
    assert hip.dose.sides.value.value == "each"
    assert bridge.dose.reps.value is not None and bridge.dose.reps.value.low == 12


def test_redirects_are_followed(server: str) -> None:
    assert "<article>" in fetch(f"{server}/moved")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "answered 404"),
        ("/pdf", "application/pdf, not a web page"),
    ],
)
def test_fetch_failures_are_one_line_errors(server: str, path: str, message: str) -> None:
    with pytest.raises(RoutineError) as caught:
        fetch(f"{server}{path}")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_slow_page_times_out(server: str) -> None:
    with pytest.raises(RoutineError, match=r"no complete answer within 0\.3 s"):
        fetch(f"{server}/slow", timeout=0.3)


def test_an_oversized_page_is_refused(server: str) -> None:
    with pytest.raises(RoutineError, match="larger than"):
        fetch(f"{server}/big", max_bytes=500_000)


def test_no_network_is_one_error_line_through_the_cli() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/routine"
    result = CliRunner().invoke(app, ["plan", url])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "no network" in lines[0], result.output


def test_an_html_file_goes_through_the_page_reader(tmp_path: Path) -> None:
    page = tmp_path / "routine.html"
    page.write_bytes(PAGE)
    assert len(load_routine(page).exercises) == 3
    assert len(parse_routine(PAGE.decode(), "pasted.txt").exercises) == 3  # "<!doctype html" text too


# --- A misbehaving server: every failure of a fetch is one line naming the address and why --


def _gzip_bomb() -> bytes:
    """A few tens of KB that inflate to 40 MB of page."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"<p>" + b" " * (1 << 20) + b"</p>"
    return b"".join(packer.compress(block) for _ in range(40)) + packer.flush()


def _misbehave(connection: socket.socket, path: str, bomb: bytes) -> None:
    ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    if path == "/not-http":
        connection.sendall(b"SSH-2.0-OpenSSH_9.6\r\n" * 3)
    elif path == "/many-headers":
        connection.sendall(ok + b"".join(b"X-Header-%d: %d\r\n" % (i, i) for i in range(150)) + b"\r\n<p>hi</p>")
    elif path == "/broken-chunks":
        connection.sendall(ok + b"Transfer-Encoding: chunked\r\n\r\n5\r\n<p>hi\r\nZZZZ\r\nnot a chunk\r\n")
    elif path == "/long-header":
        connection.sendall(ok + b"X-Long: " + b"a" * 70_000 + b"\r\n\r\n<p>hi</p>")
    elif path == "/gzip-bomb":
        connection.sendall(ok + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(bomb) + bomb)
    elif path == "/bad-redirect":
        connection.sendall(b"HTTP/1.1 302 Found\r\nLocation: http://[::1\r\nContent-Length: 0\r\n\r\n")
    elif path in ("/gzip-page", "/deflate-page"):
        packed = gzip.compress(PAGE) if path == "/gzip-page" else zlib.compress(PAGE)
        coding = b"gzip" if path == "/gzip-page" else b"deflate"
        connection.sendall(ok + b"Content-Encoding: %s\r\nContent-Length: %d\r\n\r\n" % (coding, len(packed)) + packed)
    elif path == "/brotli":
        connection.sendall(ok + b"Content-Encoding: br\r\nContent-Length: 4\r\n\r\nxxxx")
    elif path == "/drip":
        connection.sendall(ok + b"\r\n")
        for _ in range(600):  # one byte at a time, far longer than the deadline
            connection.sendall(b"x")
            time.sleep(0.1)
    elif path == "/drip-headers":
        for byte in ok:
            connection.sendall(bytes([byte]))
            time.sleep(0.1)


@pytest.fixture(scope="module")
def bad_server() -> Iterator[str]:
    listener = socket.create_server(("127.0.0.1", 0))
    bomb = _gzip_bomb()
    stopped = threading.Event()

    def serve(connection: socket.socket) -> None:
        with connection, contextlib.suppress(OSError):
            request = connection.recv(65536).decode("latin-1")
            _misbehave(connection, request.split(" ")[1] if " " in request else "/", bomb)
            connection.shutdown(socket.SHUT_WR)
            time.sleep(0.2)

    def accept() -> None:
        while not stopped.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(connection,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stopped.set()
    listener.close()


@pytest.mark.parametrize(
    ("path", "cause"),
    [
        ("/not-http", "not HTTP"),
        ("/many-headers", "too many headers"),
        ("/broken-chunks", "broken or incomplete"),
        ("/long-header", "far too long"),
        ("/gzip-bomb", "larger than 5 MB"),
        ("/bad-redirect", "not a valid address"),
        ("/brotli", "'br' encoding"),
    ],
)
def test_a_misbehaving_server_is_one_error_line(bad_server: str, path: str, cause: str) -> None:
    url = f"{bad_server}{path}"
    result = CliRunner().invoke(app, ["plan", url])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {url}: cannot fetch: ") and cause in lines[0], lines


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_slow_drip_ends_at_the_deadline_of_the_whole_fetch(
    bad_server: str, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GUIDE_FETCH_DEADLINE", "1")
    result = CliRunner().invoke(app, ["plan", f"{bad_server}{path}"])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "no complete answer within 1 s" in lines[0], lines


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://127.0.0.1:99999/", "http://exa mple.com/\x00", "http://" + "a" * 300]
)
def test_a_malformed_address_is_one_error_line(url: str) -> None:
    result = CliRunner().invoke(app, ["plan", url])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: http://") and "cannot fetch" in lines[0], lines


@pytest.mark.parametrize("path", ["/gzip-page", "/deflate-page"])
def test_a_compressed_page_is_read(bad_server: str, path: str) -> None:
    assert [e.name for e in load_routine(f"{bad_server}{path}").exercises] == [
        "Cat-Cow",
        "Hip Flexor Stretch",
        "Glute Bridge",
    ]


@pytest.mark.parametrize(("setting", "seconds"), [("3", 3.0), ("", 20.0), ("soon", 20.0), ("-1", 20.0), ("nan", 20.0)])
def test_the_fetch_deadline_is_a_setting(monkeypatch: pytest.MonkeyPatch, setting: str, seconds: float) -> None:
    from guide.routine.web import fetch_deadline

    monkeypatch.setenv("GUIDE_FETCH_DEADLINE", setting)
    assert fetch_deadline() == seconds
