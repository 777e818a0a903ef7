"""`daihoi rules [ID]`: every rule set, or one with each setting's default, choices and source."""

from daihoi.core.rulesets.model import SETTING_SPECS
from daihoi.core.rulesets.registry import DEFAULT_RULESET_ID, RULESETS


def run_rules(ruleset_id: str | None) -> int:
    """Print the rule sets; exit code 2 for an unknown id."""
    if ruleset_id is None:
        for ruleset in RULESETS.values():
            default = " (mặc định / default)" if ruleset.id == DEFAULT_RULESET_ID else ""
            print(f"{ruleset.id}: {ruleset.title}, {ruleset.decision}{default}")
        return 0
    chosen = RULESETS.get(ruleset_id)
    if chosen is None:
        print(
            f"không có bộ quy tắc {ruleset_id!r} / unknown rule set; known: {', '.join(RULESETS)}"
        )
        return 2
    ruleset = chosen
    print(f"{ruleset.id} — {ruleset.title}, {ruleset.decision}, revision {ruleset.revision}")
    for spec in SETTING_SPECS:
        value = getattr(ruleset.settings, spec.name)
        choices = " | ".join(str(c) for c in spec.choices) if spec.choices else "any"
        print(f"  {spec.name} = {value}   [{spec.open_point}; {choices}]")
        print(f"      {spec.reason}")
    for rule, article in ruleset.citations.items():
        print(f"  {rule}: {article}")
    return 0
