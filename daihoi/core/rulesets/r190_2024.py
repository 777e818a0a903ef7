"""Quy chế bầu cử trong Đảng issued with Quyết định 190-QĐ/TW of 10 Oct 2024 (default).

Article numbers marked [P] in regulation.md are inferred where the full text was not seen.
"""

from daihoi.core.rulesets.model import RuleSet, Settings

RULESET_190_2024 = RuleSet(
    id="190-2024",
    title="Quy chế bầu cử trong Đảng",
    decision="Quyết định số 190-QĐ/TW ngày 10/10/2024",
    revision=1,
    settings=Settings(delegates_mode="combined_list", small_body_max_surplus=1),
    citations={
        "R4": "190-2024 Art. 14 cl. 1",
        "R5": "190-2024 Art. 14 cl. 2-3",
        "R7": "minutes form: by given name, A, B, C (OPEN-12)",
        "R10": "190-2024 Art. 15 (assumed as 244 Art. 17, OPEN-2)",
        "R11": "190-2024 Art. 15",
        "R12": "190-2024 Art. 8 (number inferred) [D]",
        "R14": "Statute Art. 12 cl. 3; 190-2024 results article (OPEN-3)",
        "R15": "190-2024 results article (OPEN-3)",
        "R16": "190-2024 results article (OPEN-3, OPEN-5)",
        "R17": "OPEN-6",
        "R18": "190-2024 Art. 18",
        "R19": "190-2024 Art. 15 (OPEN-8)",
    },
)
