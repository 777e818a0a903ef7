"""A coded check result shared by the list checks and the count's warnings.

Errors block the action; warnings need a person's acknowledgement with a written explanation.
The words for people live in the message catalogues, never here.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from daihoi.core.codes import Severity
from daihoi.core.ids import PersonId

Value = int | str


@dataclass(frozen=True)
class Finding:
    """One check result: its code, severity, the rule it comes from, its numbers, and who."""

    code: str
    severity: Severity
    rule: str
    values: Mapping[str, Value] = field(default_factory=dict)
    persons: tuple[PersonId, ...] = ()
