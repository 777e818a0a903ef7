"""Rule sets: the regulations 190-2024 and 244-2014 as values carrying the OPEN-point settings.

Owns the Settings of open-points.md, the RuleSet value and the registry. Standard library only.
"""
