"""Every role walks every screen it can reach in the demo congress, as a newcomer would (issue 10).

The demo is started as the README says (`daihoi demo`, on a fresh data folder and a free port)
and each demo account signs in and follows every same-site link and GET form it is shown, at most
MAX_PAGES pages and a few of each kind of address, so 289 delegates' pages do not swamp the walk.
Each page fails on an answer ≥ 500, a link shown to a role that leads to 403/404, an empty title,
an internal token in what the person reads, and English on a Vietnamese page; every document
(PDF, DOCX, XLSX, TXT) is fetched, kept in test-artifacts/journey-documents/ and scanned the same
way. Then the real work is done once: the two clerks type ballots into the executive-committee
election through the entry screen, one sheet differing, and every role walks again from the
election's page, where progress and differences now appear. All findings of all roles are
printed together, grouped by page, and the test fails if there is any.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
from playwright.sync_api import BrowserContext, Error, Page

from tests.e2e import chromium
from tests.e2e.chromium import ARTIFACTS
from tests.e2e.journey_scan import bad_title, document_text, scan_text

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]
DOCUMENTS = ARTIFACTS / "journey-documents"
PASSWORD = "daihoi2020"
ROLES = ["bantochuc", "truongban", "kiemphieu1", "kiemphieu2", "doanchutich", "letan", "khach"]
MAX_PAGES = 120  # per role and walk
PER_KIND = 6  # addresses of one shape (ids and numbers aside) visited per role and walk
NEVER = ("/dang-xuat", "/i18n/", "setlang", "logout", "/static/", "/admin/")
DOCUMENT_TYPES = ("pdf", "officedocument", "text/plain", "spreadsheet", "msword", "octet-stream")
# Team 1 and team 2 read the same three sheets; sheet 2 differs (one name), so the head has a
# difference to look at. Sheet 3 strikes too few names: the ballot is invalid.
STACKS = {
    "kiemphieu1": ["1 2 3 4 5 6 7 8", "9 10 11 12 13 14 15 16", "01 02 03"],
    "kiemphieu2": ["1 2 3 4 5 6 7 8", "9 10 11 12 13 14 15 17", "01 02 03"],
}
TEAM = {"kiemphieu1": "1", "kiemphieu2": "2"}

# innerText of the page with the language button hidden ("English" is its right name).
VISIBLE_TEXT = """() => {
  document.querySelectorAll('form[action*="i18n"]').forEach(f => { f.style.display = 'none'; });
  return document.body ? document.body.innerText : '';
}"""
ATTRIBUTE_TEXT = """() => [
  ...document.querySelectorAll('[placeholder],[title],[aria-label],[alt],option')]
  .map(e => [e.getAttribute('placeholder'), e.getAttribute('title'), e.getAttribute('aria-label'),
             e.getAttribute('alt'), e.tagName === 'OPTION' ? e.text : null]
            .filter(Boolean).join(' · '))
  .filter(Boolean).join('\\n')"""
# Every address the page offers for a GET: links, htmx fragments, GET forms with their defaults.
ADDRESSES = """() => {
  const here = location.href;
  const links = [...document.querySelectorAll('a[href]')].map(a => a.href);
  const fragments = [...document.querySelectorAll('[hx-get]')]
    .map(e => new URL(e.getAttribute('hx-get'), here).href);
  const forms = [...document.querySelectorAll('form')]
    .filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'get')
    .filter(f => !f.querySelector('[name=csrfmiddlewaretoken]'))  // posted by the page's script
    .map(f => {
      const u = new URL(f.getAttribute('action') || here, here);
      u.search = new URLSearchParams(new FormData(f)).toString();
      return u.href;
    });
  return {links, fragments, forms};
}"""


@dataclass(frozen=True)
class Problem:
    """One failure: where, for whom, in which phase, what, and the offending text."""

    url: str
    role: str
    phase: str
    what: str
    text: str


@dataclass
class Walk:
    """A bounded breadth-first walk of one role's reachable pages."""

    base: str
    role: str
    phase: str
    context: BrowserContext
    server_log: Path
    problems: list[Problem]
    documents: dict[str, str]  # address → file kept, shared by all roles (scanned once)
    visited: set[str] = field(default_factory=set)
    kinds: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def problem(self, url: str, what: str, text: str = "") -> None:
        self.problems.append(Problem(self.path(url), self.role, self.phase, what, text))

    def path(self, url: str) -> str:
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or parts.netloc != urlsplit(self.base).netloc:
            return False
        return not any(word in url for word in NEVER)

    def walk(self, start: str) -> None:
        page = self.context.new_page()
        queue: list[tuple[str, bool, str]] = [(start, False, "")]
        while queue and len(self.visited) < MAX_PAGES:
            url, fragment, came_from = queue.pop(0)
            url = urlunsplit(urlsplit(url)._replace(fragment=""))
            if url in self.visited or not self.allowed(url):
                continue
            kind = shape(url)
            if self.kinds[kind] >= PER_KIND:
                continue
            self.kinds[kind] += 1
            self.visited.add(url)
            for found, is_fragment in self.visit(page, url, fragment, came_from):
                queue.append((found, is_fragment, url))
        page.close()

    def visit(self, page: Page, url: str, fragment: bool, came_from: str) -> list[tuple[str, bool]]:
        log_start = self.server_log.stat().st_size
        try:
            response = page.goto(url, wait_until="load")
        except Error as error:
            if "Download is starting" in error.message or "ERR_ABORTED" in error.message:
                self.fetch_document(url)
            else:
                self.problem(url, "page did not load", error.message.splitlines()[0])
            return []
        if response is None:
            return []
        status = response.status
        if status >= 500:
            self.problem(url, f"HTTP {status}", self.server_error(log_start))
            return []
        if status in {403, 404}:
            self.problem(url, f"link shown leads to HTTP {status}", f"from {self.path(came_from)}")
        content_type = response.headers.get("content-type", "")
        if "html" not in content_type:
            self.fetch_document(url)
            return []
        self.scan_page(page, url, fragment)
        addresses = page.evaluate(ADDRESSES)
        return [(a, False) for a in addresses["links"] + addresses["forms"]] + [
            (a, True) for a in addresses["fragments"]
        ]

    def scan_page(self, page: Page, url: str, fragment: bool) -> None:
        lang = page.evaluate("document.documentElement.lang || ''")
        vietnamese = fragment or lang.lower().startswith("vi")
        if not fragment and bad_title(page.title()):
            self.problem(url, "title tells nothing", repr(page.title()))
        if not fragment and not vietnamese:
            text = " ".join(page.evaluate(VISIBLE_TEXT).split())[:160]
            self.problem(url, f"page not in Vietnamese (lang={lang!r})", text)
            return
        for found in scan_text(page.evaluate(VISIBLE_TEXT), vietnamese=vietnamese):
            self.problem(url, found.what, found.text)
        for found in scan_text(page.evaluate(ATTRIBUTE_TEXT), vietnamese=vietnamese):
            self.problem(url, f"{found.what} (attribute or option)", found.text)

    def fetch_document(self, url: str) -> None:
        key = self.path(url)
        if key in self.documents:
            return
        log_start = self.server_log.stat().st_size
        response = self.context.request.get(url, fail_on_status_code=False)
        if response.status >= 500:
            self.problem(url, f"HTTP {response.status} (document)", self.server_error(log_start))
            return
        content_type = response.headers.get("content-type", "")
        data = response.body()
        name = re.sub(r"[^A-Za-z0-9.-]+", "_", key.strip("/")) or "root"
        DOCUMENTS.mkdir(parents=True, exist_ok=True)
        kept = DOCUMENTS / f"{self.role}__{name}"
        kept.write_bytes(data)
        self.documents[key] = str(kept)
        if response.status >= 400:
            self.problem(url, f"HTTP {response.status} (document)", content_type)
            return
        if not any(t in content_type for t in DOCUMENT_TYPES):
            return  # an election file (JSON) or an image: for machines, not read as prose
        try:
            text = document_text(content_type, data)
        except Exception as error:  # a document that does not open is a finding
            self.problem(url, "document does not open", f"{type(error).__name__}: {error}")
            return
        if text is None:
            return
        for found in scan_text(text):
            self.problem(url, f"{found.what} (document)", found.text)

    def server_error(self, since: int) -> str:
        """The server's last exception line written since the request began, if any."""
        with self.server_log.open("rb") as log:
            log.seek(since)
            lines = log.read().decode("utf-8", errors="replace").splitlines()
        errors = [line for line in lines if re.match(r"^[\w.]+(Error|Exception|Exit)\b", line)]
        return errors[-1] if errors else (lines[-1] if lines else "")


def shape(url: str) -> str:
    """The address with every number and long value replaced: 289 delegates are one kind of page."""
    parts = urlsplit(url)
    query = sorted(
        (k, "X" if len(v) > 20 else re.sub(r"\d+", "N", v))
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
    )
    return re.sub(r"\d+", "N", parts.path) + "?" + urlencode(query)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The README's first command, on a fresh data folder and a free port; its log is kept."""
    data = tmp_path_factory.mktemp("demo")
    log = data / "server.log"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "daihoi",
                "demo",
                "--data",
                str(data / "d"),
                "--port",
                str(port),
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        while True:  # the first run creates the congress; wait for it to answer
            assert server.poll() is None, log.read_text(errors="replace")
            try:
                urllib.request.urlopen(f"{base}/dang-nhap/")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        yield base, log
    finally:
        server.terminate()
        server.wait()


def sign_in(context: BrowserContext, base: str, role: str) -> None:
    page = context.new_page()
    chromium.sign_in(page, base, role, PASSWORD)
    assert "/dang-nhap/" not in page.url, f"{role} could not sign in"
    page.close()


def open_election(page: Page, base: str) -> None:
    """Home → the congress → the executive committee, by the links a newcomer would click."""
    page.goto(f"{base}/")
    page.click("a:has-text('Đại hội lần thứ')")
    page.click("a:has-text('Ban Chấp hành')")


def open_for_entry(context: BrowserContext, base: str, problems: list[Problem]) -> None:
    """The head opens the executive-committee election for entry (the demo may have done it)."""
    page = context.new_page()
    open_election(page, base)
    button = page.locator("button:has-text('Mở nhập phiếu')")
    if button.count():
        with page.expect_navigation():
            button.first.click()
    if not page.locator("a:has-text('Nhập phiếu')").count():
        problems.append(Problem(page.url, "truongban", "entry", "election not open for entry", ""))
    page.close()


def type_stack(
    context: BrowserContext, base: str, role: str, log: Path, problems: list[Problem]
) -> None:
    """A clerk types a few ballots on the keyboard: the numbers, then Enter, as the README says."""
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    walk = Walk(base, role, "entry", context, log, problems, {})
    open_election(page, base)
    page.click("a:has-text('Nhập phiếu')")
    # with several teams the screen asks which one: the clerk picks their own, as told
    chooser = page.locator(".team-choice button")
    if chooser.count():
        page.click(f".team-choice a[href='?team={TEAM[role]}']")
    team = page.input_value("input[name=team]")
    if team != TEAM[role]:
        walk.problem(
            page.url,
            f"clerk of team {TEAM[role]} lands on team {team}'s entry",
            page.inner_text("main").splitlines()[0] if page.locator("main").count() else "",
        )
        page.click(f"a[href='?team={TEAM[role]}']")
    for numbers in STACKS[role]:
        sheet = page.input_value("input[name=sheet]")
        page.focus("#numbers")
        page.keyboard.type(numbers)
        since = log.stat().st_size
        with page.expect_navigation() as navigation:
            page.keyboard.press("Enter")
        response = navigation.value
        if response is not None and response.status >= 500:
            walk.problem(
                page.url, f"HTTP {response.status} saving sheet {sheet}", walk.server_error(since)
            )
            break
        confirm = page.locator("button[name=confirm_invalid]")
        if confirm.count():  # the screen asks before saving an invalid ballot: the paper says so
            walk.scan_page(page, page.url, fragment=False)
            with page.expect_navigation():
                confirm.first.click()
        walk.scan_page(page, page.url, fragment=False)
    page.close()


def report(problems: list[Problem], visited: dict[str, int]) -> str:
    """Findings grouped by page, each once with the roles and walks that saw it and one example."""
    by_page: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(set))
    )
    example: dict[tuple[str, str], str] = {}
    for p in problems:
        by_page[p.url][p.what][p.role].add(p.phase)
        example.setdefault((p.url, p.what), p.text)
    count = sum(len(found) for found in by_page.values())
    walked = ", ".join(f"{role} {n}" for role, n in visited.items())
    lines = [f"{count} findings on {len(by_page)} pages; addresses walked: {walked}"]
    for url in sorted(by_page):
        lines.append(f"\n{url}")
        for what, roles in sorted(by_page[url].items()):
            phases = sorted(set().union(*roles.values()))
            lines.append(f"  {what} — {', '.join(roles)} [{'; '.join(phases)}]")
            if example[(url, what)]:
                lines.append(f"      «{example[(url, what)]}»")
    return "\n".join(lines)


def test_every_role_walks_every_screen_and_reads_only_vietnamese_words(
    browser: object, demo: tuple[str, Path]
) -> None:
    base, log = demo
    problems: list[Problem] = []
    documents: dict[str, str] = {}
    contexts = {}
    visited: dict[str, int] = {}
    walked: list[str] = []
    for role in ROLES:
        contexts[role] = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
        sign_in(contexts[role], base, role)
        walk = Walk(base, role, "demo as created", contexts[role], log, problems, documents)
        walk.walk(f"{base}/")
        visited[role] = len(walk.visited)
        walked.extend(f"{role} {walk.phase} {walk.path(u)}" for u in sorted(walk.visited))

    open_for_entry(contexts["truongban"], base, problems)
    for clerk in STACKS:
        type_stack(contexts[clerk], base, clerk, log, problems)
    election = contexts["truongban"].new_page()
    open_election(election, base)
    start = election.url
    progress = election.inner_text("body")
    election.close()
    typed = len(STACKS["kiemphieu1"])
    problems.extend(
        Problem(
            urlsplit(start).path, "truongban", "entry", f"team {t}'s ballots not in progress", ""
        )
        for t in TEAM.values()
        if not re.search(rf"Nhóm nhập {t}: {typed}/", progress)
    )
    after: dict[str, str] = {}
    for role in ROLES:
        walk = Walk(base, role, "after entry", contexts[role], log, problems, after)
        walk.walk(start)
        visited[role] += len(walk.visited)
        walked.extend(f"{role} {walk.phase} {walk.path(u)}" for u in sorted(walk.visited))

    for context in contexts.values():
        context.close()
    text = report(problems, visited)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "role-journeys.txt").write_text(text, encoding="utf-8")
    (ARTIFACTS / "role-journeys-walked.txt").write_text("\n".join(walked), encoding="utf-8")
    assert not problems, text
