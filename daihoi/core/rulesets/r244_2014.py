"""Quy chế bầu cử trong Đảng issued with Quyết định 244-QĐ/TW of 9 Jun 2014.

The 2015-2020 and 2020-2025 congress rounds, the reference congress among them, ran under it.
"""

from daihoi.core.rulesets.model import RuleSet, Settings

RULESET_244_2014 = RuleSet(
    id="244-2014",
    title="Quy chế bầu cử trong Đảng",
    decision="Quyết định số 244-QĐ/TW ngày 09/6/2014",
    revision=1,
    # OPEN-9: how 244 balloted alternates was not found; separate ballots per the 2025 minutes set.
    # OPEN-1: the small-body surplus under 244 is not found; the 2025 figure is used, flagged.
    settings=Settings(delegates_mode="separate_ballots", small_body_max_surplus=1),
    citations={
        "R4": "244-2014, surplus article (number not verified) [P]",
        "R7": "minutes form: by given name, A, B, C (OPEN-12)",
        "R10": "244-2014 Art. 17 cl. 2",
        "R11": "244-2014 Art. 17 cl. 2",
        "R12": "244-2014 Art. 7",
        "R14": "Statute Art. 12 cl. 3; 244-2014 Art. 32 cl. 2-3",
        "R15": "244-2014 Art. 32",
        "R16": "244-2014 Art. 32 (OPEN-5)",
        "R17": "244-2014 Art. 20 cl. 2 (OPEN-6)",
        "R18": "244-2014 Art. 20 (OPEN-9)",
        "R19": "244-2014 Art. 17 cl. 2 (OPEN-8)",
    },
)
