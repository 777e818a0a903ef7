"""`daihoi serve --tls-cert --tls-key` serves HTTPS with a self-signed certificate for the hall's
network, as docs/deployment.md tells: Secure cookies, HSTS, the Content-Security-Policy.
"""

import shutil
import ssl
import subprocess
import urllib.error
from pathlib import Path

import pytest

from tests.deploy.servers import Browser, free_port, serving

pytestmark = pytest.mark.slow

OPENSSL = shutil.which("openssl")


def self_signed(folder: Path) -> tuple[Path, Path]:
    """The command of docs/deployment.md, for 127.0.0.1 instead of the hall computer's address."""
    assert OPENSSL, "openssl is needed (apt-get install openssl)"
    cert, key = folder / "hall.crt", folder / "hall.key"
    subprocess.run(
        [
            OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=daihoi",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.mark.skipif(not OPENSSL, reason="openssl makes the test's certificate")
def test_serve_over_tls_with_a_self_signed_certificate(tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    port = free_port()
    base = f"https://127.0.0.1:{port}"
    trusted = ssl.create_default_context(cafile=str(cert))  # as a hall browser told to trust it
    arguments = ["--data", str(tmp_path / "d"), "--port", str(port)]
    arguments += ["--tls-cert", str(cert), "--tls-key", str(key)]
    with serving(arguments, {"DATABASE_URL": ""}, tmp_path / "server.log", base, trusted):
        browser = Browser(trusted)
        status, headers, body = browser.get(f"{base}/dang-nhap/")
        assert status == 200
        assert "Đăng nhập" in body
        assert int(headers["Strict-Transport-Security"].split("max-age=")[1]) >= 86400
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert all(c.secure for c in browser.cookies)  # the CSRF cookie only over HTTPS
        with pytest.raises(
            urllib.error.URLError, match="CERTIFICATE_VERIFY_FAILED"
        ):  # an untrusting client is not fooled
            Browser(ssl.create_default_context()).opener.open(f"{base}/dang-nhap/", timeout=30)
