"""Rule sets: defaults per regulation, validated overrides, no id tests outside rulesets/."""

from pathlib import Path

import pytest

from daihoi.core.rulesets.model import SETTING_SPECS, Settings, SettingsError
from daihoi.core.rulesets.registry import DEFAULT_RULESET_ID, get_ruleset


def test_default_is_190_2024() -> None:
    assert DEFAULT_RULESET_ID == "190-2024"
    assert get_ruleset().id == "190-2024"


def test_delegates_mode_differs_between_regulations() -> None:
    """OPEN-9: 190 combined list; 244 separate ballots."""
    assert get_ruleset("190-2024").settings.delegates_mode == "combined_list"
    assert get_ruleset("244-2014").settings.delegates_mode == "separate_ballots"


def test_every_setting_has_a_spec_and_every_spec_a_setting() -> None:
    assert [spec.name for spec in SETTING_SPECS] == list(Settings().as_dict())


def test_override_is_validated_and_returns_a_new_ruleset() -> None:
    base = get_ruleset()
    changed = base.with_settings({"percent_decimals": 1, "tie_revote_needs_majority": True})
    assert changed.settings.percent_decimals == 1
    assert base.settings.percent_decimals == 2
    with pytest.raises(SettingsError) as caught:
        base.with_settings(
            {
                "percent_decimals": 9,
                "nonsense": 1,
                "percent_base": "votes",
                "tie_revote_needs_majority": 1,
                "quorum_fraction": "3/2",
            }
        )
    codes = {name: code for name, code, _ in caught.value.problems}
    assert codes == {
        "percent_decimals": "out_of_range",
        "nonsense": "unknown_setting",
        "percent_base": "not_a_choice",
        "tie_revote_needs_majority": "wrong_type",
        "quorum_fraction": "out_of_range",
    }


def test_unknown_ruleset_is_named() -> None:
    with pytest.raises(KeyError, match="known: 190-2024, 244-2014"):
        get_ruleset("2030")


def test_no_ruleset_id_comparisons_outside_rulesets() -> None:
    """B4: differences are settings; code never branches on a rule-set id."""
    root = Path(__file__).parents[2] / "daihoi"
    offenders = [
        str(path)
        for path in root.rglob("*.py")
        if "rulesets" not in path.parts
        and any(
            f'== "{rid}"' in path.read_text(encoding="utf-8") for rid in ("190-2024", "244-2014")
        )
    ]
    assert offenders == []
