"""The exported election file reads back to the same election and counts the same."""

from daihoi.core.counting import count_election
from daihoi.interchange.election_file import load_election, read_election
from daihoi.interchange.election_writer import canonical_json, election_document, fingerprint
from daihoi.interchange.result_file import result_document
from tests.interchange.test_election_file import GOOD


def test_round_trip_counts_the_same_and_hashes_stably() -> None:
    parsed = read_election({**GOOD, "congress": {"number": 23, "date": "2020-06-06"}})
    document = election_document(
        parsed.election, parsed.ruleset.id, {"percent_decimals": 2}, parsed.congress
    )
    text = canonical_json(document)
    again = load_election(text)
    assert result_document(count_election(again.election, again.ruleset)) == result_document(
        count_election(parsed.election, parsed.ruleset)
    )
    assert again.congress == parsed.congress
    shuffled = {**GOOD, "ballots": list(reversed(GOOD["ballots"]))}
    reparsed = read_election({**shuffled, "congress": {"number": 23, "date": "2020-06-06"}})
    other = canonical_json(
        election_document(reparsed.election, "190-2024", {"percent_decimals": 2}, reparsed.congress)
    )
    assert fingerprint(other) == fingerprint(text)
    assert len(fingerprint(text)) == 64
