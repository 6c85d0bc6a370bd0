"""Web pages: fetch an http(s) address, and turn a page's main content into article text.

The main content is found by trafilatura (navigation, ads, comments and footers dropped); its
Markdown output keeps headings, lists and tables, which the article reader reads as structure.
"""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from email.message import Message
from http.client import HTTPResponse

from ..errors import RoutineError
from .tables import markdown_tables_to_lines

FETCH_TIMEOUT_SECONDS = 10.0
MAX_PAGE_BYTES = 5_000_000
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_USER_AGENT = "guide (exercise routine reader)"


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


def fetch(url: str, timeout: float = FETCH_TIMEOUT_SECONDS, max_bytes: int = MAX_PAGE_BYTES) -> str:
    """The page at `url` as text. Every failure is a one-line RoutineError naming the address."""
    opener = urllib.request.build_opener(_LimitedRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            kind = headers.get_content_type()
            if kind not in _HTML_TYPES:
                raise RoutineError(
                    url,
                    None,
                    f"cannot read this page: it is {kind}, not a web page",
                    "give the address of an HTML page",
                )
            declared = headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise _too_big(url, max_bytes)
            data = _read_capped(response, url, max_bytes)
            charset = headers.get_content_charset() or _meta_charset(data) or "utf-8"
    except RoutineError:
        raise
    except urllib.error.HTTPError as error:
        raise RoutineError(
            url, None, f"cannot fetch: the server answered {error.code} {error.reason}", "check the address"
        ) from None
    except urllib.error.URLError as error:
        raise RoutineError(
            url, None, f"cannot fetch: {_why(error.reason)}", "check the address and your connection"
        ) from None
    except TimeoutError:
        raise RoutineError(url, None, f"cannot fetch: no answer within {timeout:g} s", "try again later") from None
    except (OSError, ValueError) as error:
        raise RoutineError(url, None, f"cannot fetch: {error}", "check the address") from None
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _read_capped(response: HTTPResponse, url: str, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    read = response.read
    while True:
        chunk = read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise _too_big(url, max_bytes)
        chunks.append(chunk)


def _too_big(url: str, max_bytes: int) -> RoutineError:
    return RoutineError(
        url,
        None,
        f"cannot fetch: the page is larger than {max_bytes // 1_000_000} MB",
        "save the part with the routine as a .txt file",
    )


def _why(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "no network (connection refused)"
    if isinstance(reason, socket.gaierror):
        return "no network (the name does not resolve)"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "no answer in time"
    return f"no network ({reason})"


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
