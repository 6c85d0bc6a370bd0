"""A stand-in for Google's translate endpoint at the HTTP transport layer.

gTTS still builds its real requests and decodes the answer with its own code; only
`requests`' HTTPAdapter.send is replaced. The answer carries a real MP3 (made by ffmpeg)
in the batchexecute framing gTTS parses.
"""

from __future__ import annotations

import base64
import json
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

import numpy as np
import requests

from guide.audio.ffmpeg import run_ffmpeg


def tone_mp3(seconds: float = 0.6, rate: int = 24000) -> bytes:
    """A short tone with silence around it, as Google's MP3s have."""
    t = np.arange(int(seconds * rate)) / rate
    tone = 0.4 * np.sin(2 * np.pi * 220 * t) * np.hanning(t.size)
    pad = np.zeros(int(0.2 * rate))
    pcm = (np.concatenate([pad, tone, pad]) * 32767).astype("<i2").tobytes()
    return run_ffmpeg(
        [
            "-f",
            "s16le",
            "-ar",
            str(rate),
            "-ac",
            "1",
            "-i",
            "pipe:0",
            "-c:a",
            "libmp3lame",
            "-b:a",
            "32k",
            "-f",
            "mp3",
            "pipe:1",
        ],
        stdin=pcm,
    )


def batchexecute_body(mp3: bytes) -> bytes:
    payload = json.dumps([base64.b64encode(mp3).decode()], separators=(",", ":"))
    frame = json.dumps([["wrb.fr", "jQ1olc", payload, None, None, None, "generic"]], separators=(",", ":"))
    return f")]}}'\n\n{len(frame)}\n{frame}\n".encode()


@dataclass
class FakeGoogle:
    mp3: bytes = field(default_factory=tone_mp3)
    latency: float = 0.0
    fail_first: int = 0  # answer `status` to this many requests before succeeding
    status: int = 429
    always_fail: bool = False
    unreachable: bool = False
    times_out: bool = False  # a server too slow to answer within gTTS's timeout
    requests_seen: list[tuple[str, str]] = field(default_factory=list)  # (url, text)
    in_flight: int = 0
    max_in_flight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def send(self, adapter: object, request: requests.PreparedRequest, **kwargs: object) -> requests.Response:
        body = request.body.decode() if isinstance(request.body, bytes) else str(request.body)
        rpc = json.loads(urllib.parse.unquote(body.split("f.req=", 1)[1].rstrip("&")))
        text = json.loads(rpc[0][0][1])[0]
        with self._lock:
            self.requests_seen.append((str(request.url), text))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            attempt = len(self.requests_seen)
        try:
            time.sleep(self.latency)
            if self.unreachable:
                raise requests.exceptions.ConnectionError("Name or service not known")
            if self.times_out:
                raise requests.exceptions.ReadTimeout(f"read timed out (timeout={kwargs.get('timeout')})")
            response = requests.Response()
            response.url = str(request.url)
            response.request = request
            if self.always_fail or attempt <= self.fail_first:
                response.status_code, response.reason = self.status, "Too Many Requests"
                response._content = b""
            else:
                response.status_code, response.reason = 200, "OK"
                response._content = batchexecute_body(self.mp3)
            response._content_consumed = True  # serve _content, not a socket
            return response
        finally:
            with self._lock:
                self.in_flight -= 1

    def install(self, monkeypatch) -> FakeGoogle:  # type: ignore[no-untyped-def]
        fake = self

        def send(adapter, request, **kwargs):  # type: ignore[no-untyped-def]
            return fake.send(adapter, request, **kwargs)

        monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", send)
        return self
