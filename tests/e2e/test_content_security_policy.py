"""Every page the demo serves sends the Content-Security-Policy and still works under it.

The demo is started as the README says; each demo account signs in and follows the same-site
links and GET forms it is shown (a few of each kind of address). Every HTML answer must carry
the policy, and Chromium must report no violation (a refused inline script, style element or
outside load is logged on the console) and no script error. The projector, which only the hall's
screen opens, is visited too.
"""

import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Error, Page, Response

from tests.e2e.test_role_journeys import ADDRESSES, NEVER, ROLES, demo, shape, sign_in

pytestmark = pytest.mark.slow

__all__ = ["demo"]  # the README's `daihoi demo` on a free port

# Inline handlers and javascript: links are refused only when used: find them in the page itself
# (a JSON data block, as json_script writes, is not a script).
INLINE = """() => [...document.querySelectorAll('*')].flatMap(e => [
  ...[...e.attributes].filter(a => /^on/i.test(a.name)).map(a => `${e.tagName} ${a.name}`),
  ...(e.tagName === 'SCRIPT' && !e.src && !/json/.test(e.type) ? ['inline <script>'] : []),
  ...(e.tagName === 'STYLE' ? ['<style> element'] : []),
  ...(/^\\s*javascript:/i.test(e.getAttribute('href') || '') ? ['javascript: link'] : []),
])"""
PAGES_PER_ROLE = 30
PER_KIND = 2


def walk(page: Page, base: str, start: str, findings: list[str]) -> int:
    """Visit from `start`; return how many HTML pages were checked."""
    kinds: dict[str, int] = defaultdict(int)
    visited: set[str] = set()
    queue = [start]
    while queue and len(visited) < PAGES_PER_ROLE:
        url = urlunsplit(urlsplit(queue.pop(0))._replace(fragment=""))
        if url in visited or urlsplit(url).netloc != urlsplit(base).netloc:
            continue
        if any(word in url for word in NEVER) or kinds[shape(url)] >= PER_KIND:
            continue
        kinds[shape(url)] += 1
        visited.add(url)
        try:
            response = page.goto(url, wait_until="load")
        except Error:
            continue  # a download: not a page
        if response is None or "html" not in response.headers.get("content-type", ""):
            continue
        if "content-security-policy" not in response.headers:
            findings.append(f"{url}: no Content-Security-Policy header")
        page.wait_for_timeout(300)  # let deferred scripts run and report
        findings += [f"{url}: {found}" for found in page.evaluate(INLINE)]
        addresses = page.evaluate(ADDRESSES)
        queue += addresses["links"] + addresses["forms"]
    return len(visited)


def test_every_page_sends_the_policy_and_breaks_none_of_it(
    browser: Browser, demo: tuple[str, Path]
) -> None:
    base, log = demo
    projector = re.search(r"/man-chieu/[^/\s]+/", log.read_text(encoding="utf-8"))
    assert projector, "the demo prints the projector's link"
    findings: list[str] = []
    checked = 0
    for role in [*ROLES, "projector"]:
        context = browser.new_context()
        start = f"{base}{projector.group(0)}" if role == "projector" else f"{base}/"
        if role != "projector":
            sign_in(context, base, role)
        page = context.new_page()
        where = {"url": ""}

        def on_console(message: ConsoleMessage, role: str = role, where: dict = where) -> None:
            text = message.text
            if "Content Security Policy" in text or "Refused to" in text:
                findings.append(f"{role} {where['url']}: {text}")

        def on_error(error: Error, role: str = role, where: dict = where) -> None:
            findings.append(f"{role} {where['url']}: script error {error}")

        def on_response(response: Response, where: dict = where) -> None:
            if response.request.resource_type == "document":
                where["url"] = response.url

        page.on("console", on_console)
        page.on("pageerror", on_error)
        page.on("response", on_response)
        checked += walk(page, base, start, findings)
        context.close()
    assert checked > 50, f"only {checked} pages reached"
    assert findings == [], "\n".join(findings)
