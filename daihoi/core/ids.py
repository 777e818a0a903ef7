"""Identifiers of the domain, distinct types so that a candidate id is never taken for a name."""

from typing import NewType

CandidateId = NewType("CandidateId", str)
PersonId = NewType("PersonId", str)
