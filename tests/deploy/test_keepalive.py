"""A clerk's browser keeps its connection between saves when gunicorn serves (over TLS, or in
several processes): a request on a connection left idle for 3 s is answered on that connection.
gunicorn's default keep-alive of 2 s closed it, so every save of a clerk typing at a human pace
paid a new connection, and over TLS a new handshake.
"""

import http.client
import ssl
import time
from pathlib import Path

import pytest

from tests.deploy.servers import free_port, serving
from tests.deploy.test_tls_serve import OPENSSL, self_signed

pytestmark = pytest.mark.slow


@pytest.mark.skipif(not OPENSSL, reason="openssl makes the test's certificate")
def test_a_connection_idle_between_two_saves_stays_open(tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    port = free_port()
    trusted = ssl.create_default_context(cafile=str(cert))
    arguments = ["--data", str(tmp_path / "d"), "--port", str(port)]
    arguments += ["--tls-cert", str(cert), "--tls-key", str(key)]
    with serving(
        arguments,
        {"DATABASE_URL": ""},
        tmp_path / "server.log",
        f"https://127.0.0.1:{port}",
        trusted,
    ):
        conn = http.client.HTTPSConnection("127.0.0.1", port, context=trusted, timeout=30)
        conn.request("GET", "/dang-nhap/")
        first = conn.getresponse()
        first.read()
        assert first.status == 200
        assert first.getheader("Connection", "").lower() != "close"
        opened = conn.sock
        time.sleep(3)  # a clerk reading and typing the next ballot
        conn.request("GET", "/dang-nhap/")  # a closed connection: RemoteDisconnected here
        second = conn.getresponse()
        second.read()
        assert second.status == 200
        assert conn.sock is opened
        conn.close()
