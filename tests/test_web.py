"""Web pages (docs/routine-format.md#web-pages): a local HTTP server only, never the internet."""

from __future__ import annotations

import socket
import threading
import time
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
    with pytest.raises(RoutineError, match=r"no answer within 0\.3 s|no answer in time"):
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
