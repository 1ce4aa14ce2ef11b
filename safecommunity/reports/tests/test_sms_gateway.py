"""A reporter who asked for text messages gets the notice through the deployment's SMS gateway."""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from safecommunity.reports.notifications import send_text

received: list[dict[str, Any]] = []


class Gateway(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        received.append({"form": form, "authorization": self.headers["Authorization"]})
        status = 500 if form["Body"][0] == "fail" else 201
        self.send_response(status)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def gateway(settings: Any) -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SMS_BACKEND = "safecommunity.reports.notifications.HttpSmsBackend"
    settings.SMS_HTTP_URL = f"http://127.0.0.1:{server.server_port}/Messages.json"
    settings.SMS_HTTP_USER, settings.SMS_HTTP_PASSWORD, settings.SMS_FROM = "AC123", "secret", "+19165550100"
    received.clear()
    yield settings.SMS_HTTP_URL
    server.shutdown()


def test_the_notice_is_posted_to_the_gateway_with_its_credentials(gateway: str) -> None:
    send_text(to="+19165550199", body="A reply is waiting for you.")
    assert received[0]["form"] == {
        "To": ["+19165550199"],
        "From": ["+19165550100"],
        "Body": ["A reply is waiting for you."],
    }
    assert received[0]["authorization"] == "Basic QUMxMjM6c2VjcmV0"


def test_a_gateway_error_is_raised_so_the_task_records_it(gateway: str) -> None:
    with pytest.raises(Exception):  # noqa: B017
        send_text(to="+19165550199", body="fail")
