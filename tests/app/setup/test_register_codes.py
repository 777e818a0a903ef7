"""The register's codes have one definition: the database's choices are the core's enums."""

from enum import StrEnum

import pytest

from daihoi.core.codes import Body, Gender, Meeting, MemberStatus, Origin, Standing
from daihoi.db.models import Congress, Delegate, Election


@pytest.mark.parametrize(
    ("model", "field", "codes"),
    [
        (Delegate, "gender", Gender),
        (Delegate, "kind", Origin),
        (Delegate, "standing", Standing),
        (Delegate, "member_status", MemberStatus),
        (Election, "body", Body),
        (Election, "meeting", Meeting),
        (Congress, "meeting", Meeting),
    ],
)
def test_a_fields_choices_are_the_core_codes(
    model: type[object], field: str, codes: type[StrEnum]
) -> None:
    choices = model._meta.get_field(field).choices  # type: ignore[attr-defined]
    assert [value for value, _ in choices] == [code.value for code in codes]


def test_the_register_default_is_a_core_code() -> None:
    assert Delegate._meta.get_field("standing").default == Standing.OFFICIAL
    assert Delegate.Standing is Standing
    assert Delegate.Kind is Origin
