"""The hall bench's people at the keyboard: the clerks typing their table's stack and the head of
the counting board settling differences and certifying, as generators on the simulated clock of
bench/hall_sim.py, each request through the real forms; and `Pace`, every human figure assumed.
"""

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from hall_setup import Hall, mistyped
from hall_sim import Answer, At, Browser, Person, Request, Think, Until, hidden_value

from daihoi.core.keying import keys_to_type


@dataclass(frozen=True)
class Pace:
    """The human side of the count: every figure the simulation assumes."""

    keys_per_second: float = 4.0
    read_seconds: float = 3.0
    mistakes: float = 0.01
    confirm_seconds: float = 2.0
    settle_seconds: float = 30.0
    certify_seconds: float = 60.0
    open_seconds: float = 120.0
    invalid: float = 0.01

    def lines(self) -> list[str]:
        return [
            (
                f"box opened, ballots counted and split into the tables' stacks: "
                f"{self.open_seconds:.0f} s"
            ),
            (
                f"a clerk types a ballot in {self.read_seconds:.0f} s of reading plus its keys at "
                f"{self.keys_per_second:g} keys/s (packed two-digit numbers of the struck names, "
                f"then Enter: daihoi.core.keying.keys_to_type); the paper then goes to the table's "
                f"second team, which types it again"
            ),
            (
                f"{self.mistakes:.1%} of ballots mistyped by one key by each clerk (a "
                f"difference); the head settles each in {self.settle_seconds:.0f} s (finds the "
                f"paper, chooses)"
            ),
            (
                f"{self.invalid:.1%} of voters keep too many names (invalid): the entry screen "
                f"asks, the clerk confirms in {self.confirm_seconds:.0f} s"
            ),
            f"the head reads the key figures and certifies in {self.certify_seconds:.0f} s",
        ]


@dataclass
class Count:
    """What the people of one count share: the paper's truth and what each team typed."""

    hall: Hall
    struck: list[list[int]]
    names: int
    typed: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    settled: set[int] = field(default_factory=set)
    refusals: list[str] = field(default_factory=list)
    pairs: dict[int, tuple[int, int]] = field(default_factory=dict)  # sheet → its table's teams

    def open_differences(self) -> list[int]:
        out = []
        for sheet, (first, second) in self.pairs.items():
            if sheet in self.settled:
                continue
            a, b = self.typed.get((first, sheet)), self.typed.get((second, sheet))
            if a is not None and b is not None and a != b:
                out.append(sheet)
        return sorted(out)

    def all_typed(self) -> bool:
        return len(self.typed) == 2 * len(self.pairs)


def save_ballot(
    browser: Browser, count: Count, team: int, sheet: int, numbers: list[int]
) -> Answer:
    path = f"/bau-cu/{count.hall.election}/nhap-phieu/?team={team}"
    form = {"team": str(team), "sheet": str(sheet), "mode": "struck"}
    form["numbers"] = " ".join(map(str, numbers))
    return browser.post(path, form)


def confirm_invalid(
    browser: Browser, count: Count, team: int, sheet: int, numbers: list[int], token: str
) -> Answer:
    path = f"/bau-cu/{count.hall.election}/nhap-phieu/?team={team}"
    form = {"team": str(team), "sheet": str(sheet), "mode": "struck", "confirm_invalid": token}
    form["numbers"] = " ".join(map(str, numbers))
    return browser.post(path, form)


def clerk(
    count: Count,
    browser: Browser,
    team: int,
    first_team: int | None,
    sheets: list[int],
    pace: Pace,
    rng: random.Random,
    available: Callable[[int], float] | None = None,
) -> Person:
    """One clerk typing their table's stack; the second team waits for each paper (and a
    team paired with the scanner for the scanner to feed it: `available`)."""
    for sheet in sheets:
        if first_team is not None:
            yield Until(lambda sheet=sheet: (first_team, sheet) in count.typed)
        if available is not None:
            yield At(available(sheet))
        truth = count.struck[sheet - 1]
        numbers = mistyped(rng, truth, count.names) if rng.random() < pace.mistakes else truth
        keys = keys_to_type(numbers, count.names, packed=True)
        yield Think(pace.read_seconds + keys / pace.keys_per_second)
        answer = yield Request(lambda s=sheet, n=numbers: save_ballot(browser, count, team, s, n))
        token = None if answer.redirected else hidden_value(answer.body, "confirm_invalid")
        if token is not None:  # an invalid ballot: the screen asks before saving it
            yield Think(pace.confirm_seconds)
            answer = yield Request(
                lambda s=sheet, n=numbers, t=token: confirm_invalid(browser, count, team, s, n, t)
            )
        if not answer.redirected:
            count.refusals.append(f"team {team} sheet {sheet}: HTTP {answer.status}")
        count.typed[(team, sheet)] = numbers


def settle(browser: Browser, count: Count, sheet: int) -> Answer:
    """The head chooses the team that read the paper right, or types the paper's reading."""
    first, second = count.pairs.get(sheet, (0, 0))
    truth = count.struck[sheet - 1]
    path = f"/bau-cu/{count.hall.election}/khac-biet/"
    for team in (first, second):
        if count.typed.get((team, sheet)) == truth:
            return browser.post(path, {"sheet": str(sheet), "team": str(team)})
    return browser.post(path, {"sheet": str(sheet), "numbers": " ".join(map(str, truth))})


def head(count: Count, browser: Browser, pace: Pace, ready: Callable[[], bool]) -> Person:
    """Settles differences as they appear; once `ready` (every table typed, the scans reviewed
    and checked), settles what the differences page still lists, then certifies."""
    election = count.hall.election
    path = f"/bau-cu/{election}/khac-biet/"
    while True:
        yield Until(lambda: bool(count.open_differences()) or ready())
        todo = count.open_differences()
        if not todo:  # the page itself: a reading the simulation did not foresee (a misread scan)
            page = yield Request(lambda: browser.get(path))
            todo = sorted({int(n) for n in re.findall(r'id="sheet-(\d+)"', page.body)})
            todo = [sheet for sheet in todo if sheet not in count.settled]
            if not todo:
                break
        else:
            yield Request(lambda: browser.get(path))
        for sheet in todo:
            yield Think(pace.settle_seconds)
            yield Request(lambda sheet=sheet: settle(browser, count, sheet))
            count.settled.add(sheet)
    yield Request(lambda: browser.get(f"/bau-cu/{election}/chung-nhan/"))
    yield Think(pace.certify_seconds)
    answer = yield Request(lambda: browser.post(f"/bau-cu/{election}/chung-nhan/", {}))
    if "/ket-qua/" not in answer.location:
        count.refusals.append(f"certification refused: {_message(answer.body)}")


def _message(page: str) -> str:
    found = re.findall(r'<li class="(?:error|warning)[^"]*">(.*?)</li>', page, re.S)
    return " | ".join(" ".join(f.split()) for f in found)[:400] or "(no message found)"
