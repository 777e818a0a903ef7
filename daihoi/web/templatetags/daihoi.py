"""Template filters: every figure through core.vi.formatting, so it reads as in the minutes."""

from datetime import date

from django import template

from daihoi.core.vi.formatting import format_date, format_int, format_percent
from daihoi.core.vi.formatting import roman as to_roman
from daihoi.labels import BODIES, ELECTION_STATES, words

register = template.Library()


@register.filter
def vi_date(value: date | None) -> str:
    return format_date(value) if value else ""


@register.filter
def vi_int(value: int | None) -> str:
    return format_int(value) if value is not None else ""


@register.filter
def roman(value: int) -> str:
    """The congress number in Roman numerals; the plain number where it has none (never fails)."""
    try:
        return to_roman(value)
    except (ValueError, TypeError):
        return str(value)


@register.filter
def percent_of(numerator: int, denominator: int) -> str:
    return format_percent(numerator, denominator) if denominator else "—"


@register.filter
def body_label(code: str) -> str:
    return words(BODIES, code)


@register.filter
def state_label(code: str) -> str:
    return words(ELECTION_STATES, code)


@register.filter
def ruleset_title(ruleset_id: str) -> str:
    """A rule set as a person names it: its title and the decision that issued it."""
    from daihoi.core.rulesets.registry import RULESETS

    ruleset = RULESETS.get(ruleset_id)
    return f"{ruleset.title} ({ruleset.decision})" if ruleset else ruleset_id
