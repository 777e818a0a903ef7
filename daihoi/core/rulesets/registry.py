"""The rule sets this software knows, by id; 190-2024 is the default (election-file.md)."""

from collections.abc import Mapping

from daihoi.core.rulesets.model import RuleSet
from daihoi.core.rulesets.r190_2024 import RULESET_190_2024
from daihoi.core.rulesets.r244_2014 import RULESET_244_2014

DEFAULT_RULESET_ID = "190-2024"

RULESETS: Mapping[str, RuleSet] = {
    RULESET_190_2024.id: RULESET_190_2024,
    RULESET_244_2014.id: RULESET_244_2014,
}


def get_ruleset(ruleset_id: str = DEFAULT_RULESET_ID) -> RuleSet:
    """The rule set with this id; KeyError names the known ids."""
    try:
        return RULESETS[ruleset_id]
    except KeyError:
        known = ", ".join(sorted(RULESETS))
        msg = f"unknown rule set {ruleset_id!r} (known: {known})"
        raise KeyError(msg) from None
