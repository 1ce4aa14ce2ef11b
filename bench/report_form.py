"""The report form over HTTP: a browser-like session on it, a valid submission, and the page's weight."""

from __future__ import annotations

import gzip
import re
import secrets
import zlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from bench_server import HOST, BenchError, count_rows, fetch

FORM_PATH = "/en/report/"

DESCRIPTION = (
    "I was waiting for the bus outside the grocery store on Main Street when a man walked up to me and started "
    "shouting insults about my family and where we come from. He told me to go back to my own country and kept "
    "following me for about a block. Two other people saw it happen but did not say anything. I felt unsafe."
)


@dataclass
class PageAsset:
    url: str
    kind: str
    status: int
    wire_bytes: int
    uncompressed_bytes: int
    content_encoding: str
    gzip9_bytes: int


def form_session(port: int) -> tuple[str, str]:
    """GET the form once, as a browser would: (Cookie header to send back, csrfmiddlewaretoken)."""
    response = fetch(port, FORM_PATH, headers={"Accept-Language": "en"})
    if response.status != 200:
        raise BenchError(f"GET {FORM_PATH} answered {response.status}")
    cookies: SimpleCookie = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    if "csrftoken" not in cookies:
        raise BenchError(f"GET {FORM_PATH} set no csrftoken cookie")
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.body)
    if not match:
        raise BenchError(f"GET {FORM_PATH} has no csrfmiddlewaretoken field")
    # Keep every cookie the page set (csrftoken, and sc_language from the language middleware).
    cookie_header = "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())
    return cookie_header, match.group(1).decode()


def form_body_prefix(token: str, region_pks: Sequence[int]) -> str:
    fields = [
        ("csrfmiddlewaretoken", token),
        ("incident_types", "verbal_harassment"),
        ("description", DESCRIPTION),
        ("occurred_on", (date.today() - timedelta(days=3)).isoformat()),
        ("where", str(region_pks[0])),
        ("location_type", "business"),
        ("consent_statistics", "on"),
        ("website", ""),
    ]
    return urlencode(fields) + "&submission_key="


def check_one_submission(port: int, cookie_header: str, body_prefix: str, db_path: Path) -> None:
    """One POST before the load, so a broken form fails with a readable reason instead of 10 s of 4xx."""
    before, _ = count_rows(db_path)
    body = (body_prefix + "00000000-0000-4000-8000-" + secrets.token_hex(6)).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header, "Accept-Language": "en"}
    response = fetch(port, FORM_PATH, method="POST", headers=headers, body=body)
    after, _ = count_rows(db_path)
    if response.status != 200 or after != before + 1:
        errors = re.findall(rb'class="[^"]*error[^"]*"[^>]*>([^<]{0,200})', response.body)
        raise BenchError(
            f"A single submission answered {response.status} and stored {after - before} reports; "
            f"form errors: {[error.decode(errors='replace').strip() for error in errors][:5]}"
        )


class AssetFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.assets: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "link" and "stylesheet" in values.get("rel", "").lower().split() and values.get("href"):
            self.assets.append(("css", values["href"]))
        elif tag == "script" and values.get("src"):
            self.assets.append(("js", values["src"]))


def weigh(port: int, url: str, kind: str, cookie_header: str) -> tuple[PageAsset, bytes]:
    path = urlsplit(url).path or "/"
    compressed = fetch(port, path, headers={"Accept-Encoding": "gzip, br", "Cookie": cookie_header})
    plain = fetch(port, path, headers={"Accept-Encoding": "identity", "Cookie": cookie_header})
    if compressed.status != 200 or plain.status != 200:
        raise BenchError(f"GET {path} answered {compressed.status}/{plain.status}")
    asset = PageAsset(
        url=path,
        kind=kind,
        status=compressed.status,
        wire_bytes=len(compressed.body),
        uncompressed_bytes=len(plain.body),
        content_encoding=compressed.headers.get("Content-Encoding", "identity"),
        gzip9_bytes=len(gzip.compress(plain.body, compresslevel=9)),
    )
    return asset, plain.body


def page_weight(port: int) -> dict[str, Any]:
    """The report form as a first-time visitor downloads it: HTML + every stylesheet and script, bodies only."""
    cookie_header, _ = form_session(port)
    page, html = weigh(port, FORM_PATH, "html", cookie_header)
    finder = AssetFinder()
    finder.feed(html.decode("utf-8", errors="replace"))
    assets = [page]
    base = f"http://{HOST}:{port}{FORM_PATH}"
    for kind, href in finder.assets:
        absolute = urljoin(base, href)
        if urlsplit(absolute).netloc != f"{HOST}:{port}":
            raise BenchError(f"The form page loads {absolute} from another origin")
        assets.append(weigh(port, absolute, kind, cookie_header)[0])
    wire = sum(asset.wire_bytes for asset in assets)
    return {
        "assets": [asdict(asset) for asset in assets],
        "wire_kb": round(wire / 1024, 2),
        "uncompressed_kb": round(sum(asset.uncompressed_bytes for asset in assets) / 1024, 2),
        "gzip9_kb": round(sum(min(asset.gzip9_bytes, asset.uncompressed_bytes) for asset in assets) / 1024, 2),
        "zlib_version": zlib.ZLIB_VERSION,
    }
