"""Start `daihoi serve` as the hall would, on a free port of this machine, and talk to it."""

import http.cookiejar
import os
import re
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).parents[2]
STARTUP_SECONDS = 120  # migrating a fresh database on a busy 2-core machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(
    arguments: Sequence[str],
    env: dict[str, str],
    log: Path,
    base: str,
    context: ssl.SSLContext | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """`python -m daihoi serve ARGUMENTS…` until it answers at `base`; stopped afterwards."""
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "daihoi", "serve", *arguments],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **env},
        )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert server.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, log.read_text(errors="replace")
            try:
                urllib.request.urlopen(f"{base}/dang-nhap/", context=context, timeout=5)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=60)


class Browser:
    """A cookie jar and the CSRF dance: enough to sign in and out of the application."""

    def __init__(self, context: ssl.SSLContext | None = None) -> None:
        self.cookies = http.cookiejar.CookieJar()
        handlers: list[urllib.request.BaseHandler] = [
            urllib.request.HTTPCookieProcessor(self.cookies),
            _NoRedirect(),
        ]
        if context is not None:
            handlers.append(urllib.request.HTTPSHandler(context=context))
        self.opener = urllib.request.build_opener(*handlers)

    def get(self, url: str) -> tuple[int, dict[str, str], str]:
        return self._open(urllib.request.Request(url))

    def post(self, url: str, form: dict[str, str], referer: str) -> tuple[int, dict[str, str], str]:
        token = next(c.value for c in self.cookies if c.name == "csrftoken")
        data = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": token or ""}).encode()
        return self._open(urllib.request.Request(url, data=data, headers={"Referer": referer}))

    def sign_in(self, base: str, username: str, password: str) -> None:
        status, _, _ = self.get(f"{base}/dang-nhap/")
        assert status == 200
        status, _, body = self.post(
            f"{base}/dang-nhap/", {"username": username, "password": password}, f"{base}/dang-nhap/"
        )
        assert status == 302, body

    def cookie(self, name: str) -> http.cookiejar.Cookie:
        return next(c for c in self.cookies if c.name == name)

    def keep(self, cookie: http.cookiejar.Cookie) -> None:
        """Put back a cookie the server told the browser to drop (a copy kept elsewhere)."""
        self.cookies.set_cookie(cookie)

    def _open(self, request: urllib.request.Request) -> tuple[int, dict[str, str], str]:
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as answer:
            return answer.code, dict(answer.headers), answer.read().decode(errors="replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def signed_in(status: int, headers: dict[str, str]) -> bool:
    """Not sent to the sign-in page (a page, or a refusal by role, is still a session)."""
    return not (status == 302 and re.match(r"/dang-nhap/", headers.get("Location", "")))
