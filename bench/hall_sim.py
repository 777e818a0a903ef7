"""The hall bench's machinery: a person's browser against the real server, and the simulated clock.

A `Browser` is one person's connection (cookies, CSRF token, keep-alive) to `daihoi serve`; each
request it sends is timed with the wall clock. `Simulation` runs the people of a count as
generators on a simulated clock: a person yields `Think(seconds)` (human time: reading a ballot,
typing it, finding a paper in the stack; never slept), `Request(call)` (a real request to the
server, whose measured time is added to that person's clock) or `Until(condition)` (waiting for
another person: a paper passed on, a difference to settle). Requests are sent in the order the
simulated clock puts them; those that start within `WINDOW` seconds of one another are sent at
once, in threads, as tables working at the same moment would send them.
"""

import heapq
import http.client
import itertools
import re
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from typing import Any

HOST = "127.0.0.1"
#: requests starting within this many simulated seconds of each other are sent concurrently
WINDOW = 0.05


@dataclass
class Answer:
    """A server's answer: status, where a redirect points, and the page."""

    status: int
    location: str
    body: str
    #: the POST was answered with a redirect (a saved form), followed by a GET
    redirected: bool = False


class Browser:
    """One person's browser: signed in once, then requests on one kept-alive connection; every
    request's wall time is added to `busy` (the server's time spent for this person)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection(HOST, port, timeout=300)
        self.requests = 0

    def _send(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> Answer:
        headers = {**headers, "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        for attempt in range(2):  # a kept-alive connection the server closed: open another
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                break
            except (ConnectionError, http.client.RemoteDisconnected):
                self.conn.close()
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=300)
                if attempt:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        text = response.read().decode("utf-8", "replace")
        self.requests += 1
        return Answer(response.status, response.getheader("Location") or "", text)

    def get(self, path: str) -> Answer:
        return self._send("GET", path, None, {})

    def post(
        self, path: str, form: dict[str, str] | list[tuple[str, str]], *, follow: bool = True
    ) -> Answer:
        """POST a form with the CSRF token; a redirect is followed as a browser does (GET)."""
        fields = list(form.items()) if isinstance(form, dict) else list(form)
        fields.append(("csrfmiddlewaretoken", self.cookies.get("csrftoken", "")))
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{HOST}:{self.port}{path}",
        }
        answer = self._send("POST", path, urllib.parse.urlencode(fields).encode(), headers)
        if follow and answer.status == 302:
            page = self.get(urllib.parse.urlsplit(answer.location).path + _query(answer.location))
            return Answer(page.status, answer.location, page.body, redirected=True)
        return answer

    def upload(
        self, path: str, fields: dict[str, str], files: Sequence[tuple[str, bytes]]
    ) -> Answer:
        """POST files as multipart/form-data (the scan upload form)."""
        boundary = uuid.uuid4().hex
        parts: list[bytes] = []
        for name, value in {
            **fields,
            "csrfmiddlewaretoken": self.cookies.get("csrftoken", ""),
        }.items():
            disposition = f'Content-Disposition: form-data; name="{name}"'
            parts.append(f"--{boundary}\r\n{disposition}\r\n\r\n{value}\r\n".encode())
        for filename, data in files:
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
                f'filename="{filename}"\r\nContent-Type: image/jpeg\r\n\r\n'
            )
            parts.extend([head.encode(), data, b"\r\n"])
        parts.append(f"--{boundary}--\r\n".encode())
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Referer": f"http://{HOST}:{self.port}{path}",
        }
        return self._send("POST", path, b"".join(parts), headers)

    def sign_in(self, username: str, password: str) -> None:
        self.get("/dang-nhap/")
        answer = self.post(
            "/dang-nhap/", {"username": username, "password": password, "next": "/"}, follow=False
        )
        if answer.status != 302:
            msg = f"sign-in of {username} refused (HTTP {answer.status})"
            raise RuntimeError(msg)


def _query(location: str) -> str:
    query = urllib.parse.urlsplit(location).query
    return f"?{query}" if query else ""


def hidden_value(page: str, name: str) -> str | None:
    """The value of the form field `name` in `page` (a button's or a hidden input's)."""
    found = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', page)
    return found.group(1) if found else None


@dataclass(frozen=True)
class Think:
    """Human time: the person is busy for `seconds` without the server."""

    seconds: float


@dataclass(frozen=True)
class Request:
    """A real request (or a few, as one click makes them: a POST and its redirect)."""

    call: Callable[[], Any]


@dataclass(frozen=True)
class At:
    """Wait until the simulated clock reads `time` (a machine's pace, not a person's)."""

    time: float


@dataclass(frozen=True)
class Until:
    """Wait until `condition()` holds (another person has done something)."""

    condition: Callable[[], bool]


Step = Think | Request | At | Until
Person = Generator[Step, Any, None]


@dataclass
class Simulation:
    """People as generators on one simulated clock (seconds from the opening of the box)."""

    now: float = 0.0
    #: (start, end) of every request in simulated time, with its measured duration
    served: list[tuple[float, float]] = field(default_factory=list)
    _queue: list[tuple[float, int, int, Any]] = field(default_factory=list)
    _blocked: list[tuple[int, Callable[[], bool]]] = field(default_factory=list)
    _people: dict[int, Person] = field(default_factory=dict)
    _names: dict[int, str] = field(default_factory=dict)
    _order: itertools.count = field(default_factory=itertools.count)
    finished: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, person: Person, start: float = 0.0) -> None:
        key = len(self._people)
        self._people[key], self._names[key] = person, name
        self._push(start, key, ("go", None))

    def _push(self, at: float, key: int, what: Any) -> None:
        heapq.heappush(self._queue, (at, next(self._order), key, what))

    def _advance(self, at: float, key: int, value: Any) -> None:
        """Resume a person at `at` with `value`; queue what they do next."""
        try:
            step = self._people[key].send(value)
        except StopIteration:
            self.finished[self._names[key]] = at
            return
        if isinstance(step, Think):
            self._push(at + step.seconds, key, ("go", None))
        elif isinstance(step, Request):
            self._push(at, key, ("request", step.call))
        elif isinstance(step, At):
            self._push(max(at, step.time), key, ("go", None))
        else:
            self._blocked.append((key, step.condition))

    def _wake(self, at: float) -> None:
        """Resume at `at` everyone waiting for what has just happened."""
        still = []
        for key, condition in self._blocked:
            if condition():
                self._push(at, key, ("go", None))
            else:
                still.append((key, condition))
        self._blocked = still

    def run(self) -> float:
        """Run everyone to the end; the simulated time of the last one to finish."""
        while self._queue:
            at, _, key, (kind, payload) = heapq.heappop(self._queue)
            self.now = max(self.now, at)
            if kind == "go":
                self._advance(at, key, None)
                self._wake(at)
            else:
                batch = [(at, key, payload)]
                while (
                    self._queue
                    and self._queue[0][3][0] == "request"
                    and self._queue[0][0] < at + WINDOW
                ):
                    other_at, _, other, (_, call) = heapq.heappop(self._queue)
                    batch.append((other_at, other, call))
                for start, who, (value, seconds) in zip(
                    [b[0] for b in batch],
                    [b[1] for b in batch],
                    _serve([b[2] for b in batch]),
                    strict=True,
                ):
                    self.served.append((start, start + seconds))
                    self._advance(start + seconds, who, value)
                    self._wake(start + seconds)
        if self._blocked:
            names = ", ".join(self._names[key] for key, _ in self._blocked)
            msg = f"waiting for ever: {names}"
            raise RuntimeError(msg)
        return max(self.finished.values(), default=0.0)

    def busy(self) -> float:
        """Simulated seconds during which at least one request was at the server."""
        total, end = 0.0, float("-inf")
        for start, stop in sorted(self.served):
            if stop > end:
                total += stop - max(start, end)
                end = stop
        return total


def _serve(calls: list[Callable[[], Any]]) -> list[tuple[Any, float]]:
    """Run the calls (at once when several) and time each with the wall clock."""
    results: list[tuple[Any, float]] = [(None, 0.0)] * len(calls)
    failures: list[BaseException] = []

    def one(index: int) -> None:
        start = time.perf_counter()
        try:
            value = calls[index]()
        except Exception as error:
            failures.append(error)
            return
        results[index] = (value, time.perf_counter() - start)

    if len(calls) == 1:
        start = time.perf_counter()
        value = calls[0]()
        return [(value, time.perf_counter() - start)]
    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return results
