"""The election page: its list in ballot order with the list checks and the composition, each
team's entry progress, the base taken from attendance, and what the congress must decide next
after a certified count."""

from dataclasses import dataclass
from typing import Any

from daihoi.core.candidates import check_surplus
from daihoi.core.codes import Body, Meeting
from daihoi.core.composition import Composition, composition_of
from daihoi.core.counting import ballot_order
from daihoi.core.findings import Finding
from daihoi.core.threshold import derive_base
from daihoi.db.mappers import core_candidates, ruleset_of
from daihoi.db.models import Election
from daihoi.labels import (
    BASE_CATEGORIES,
    NEXT_ACTIONS,
    cite,
    figure_name,
    next_step_code,
    words,
)
from daihoi.queries.attendance import derived_base, vote_session
from daihoi.queries.entries import (
    TableProgress,
    entered_by_team,
    settled_by_table,
    table_progress,
)
from daihoi.queries.teams import defined_tables


@dataclass(frozen=True)
class TeamProgress:
    team: int
    entered: int
    collected: int


@dataclass(frozen=True)
class ElectionView:
    """What the election page shows."""

    election: Election
    candidates: list[Any]
    list_findings: list[Finding]
    composition: Composition
    progress: list[TeamProgress]
    open_differences: int
    #: each count table's progress with its open differences; empty when none is defined
    tables: list[tuple[TableProgress, int]]
    #: sheets typed by every team of their table, of the ballots collected
    typed_by_all: int


def get_election_view(election: Election) -> ElectionView:
    ruleset = ruleset_of(election.congress)
    core = core_candidates(election)
    ordered = ballot_order(core, ruleset.settings)
    findings = check_surplus(Body(election.body), election.seats, len(core), ruleset.settings)
    composition = composition_of(
        core, election.congress.starts_on, young_age_under=ruleset.settings.young_age_under
    )
    progress = [
        TeamProgress(team, entered, election.ballots_collected)
        for team, entered in entered_by_team(election).items()
    ]
    by_table = settled_by_table(election) if election.entry_teams > 1 else []
    differing = {part.table.number: len(part.differences) for part in by_table}
    open_differences = sum(differing.values()) if election.entry_teams > 1 else 0
    tables = table_progress(election)
    return ElectionView(
        election,
        list(ordered),
        findings,
        composition,
        progress,
        open_differences,
        [(p, differing.get(p.table.number, 0)) for p in tables] if defined_tables(election) else [],
        sum(p.typed_by_all for p in tables),
    )


def next_step_words(e: Election) -> str:
    """What the congress must decide after a certified count, in words (no rule ids)."""
    if e.state != Election.State.CERTIFIED:
        return ""
    nxt = e.result.document.get("next") or {}
    code = next_step_code(str(nxt.get("action", "")), str(nxt.get("rule", "")), e.meeting)
    return words(NEXT_ACTIONS, code, nxt)


def next_step_citation(e: Election) -> str:
    """The legal source of a certified count's next step, in words ("Điều 8 …"), never the
    specification's rule id."""
    if e.state != Election.State.CERTIFIED:
        return ""
    rule = str((e.result.document.get("next") or {}).get("rule", ""))
    return cite(e.congress.ruleset_id, rule) if rule else ""


def base_breakdown(e: Election) -> dict[str, object]:
    """The derived base for the election page: figures, deductions with names, kept absentees."""
    derived, names = derived_base(e)
    electorate = derived.electorate
    deducted = [
        (str(k), words(BASE_CATEGORIES, str(k)), sorted(names[key] for key in keys))
        for k, keys in derived.deducted.items()
    ]
    kept = [
        (reason, sorted(names[key] for key in keys)) for reason, keys in derived.absent_kept.items()
    ]
    stored = {
        "summoned": e.summoned,
        "present": e.present,
        "excluded": {k: int(v) for k, v in e.excluded_from_base.items() if int(v)},
    }
    fresh = {
        "summoned": electorate.summoned,
        "present": electorate.present,
        "excluded": {str(k): n for k, n in electorate.excluded_from_base.items() if n},
    }
    return {
        "summoned": electorate.summoned,
        "present": electorate.present,
        # the rule set's reading of the deductions, as the count applies it (OPEN-4)
        "base": derive_base(Meeting(e.meeting), electorate, ruleset_of(e.congress).settings).value,
        "deducted": deducted,
        "kept": kept,
        "matches": stored == fresh,
        "session": vote_session(e),
        # each correction's figure by its name, never the stored key (R14: the base's figures)
        "corrections": [
            {**c, "figure": figure_name(str(c.get("figure", "")))}
            for c in e.base_derivation.get("corrections", [])
        ],
    }
