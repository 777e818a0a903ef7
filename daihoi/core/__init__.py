"""The pure domain: the Party's election rules as code (regulation.md R1-R25).

Owns rule sets, ballot validity, tallying, the threshold base, seat filling, list checks,
composition figures and Vietnamese text. Imports the standard library only: no Django, no
database, no I/O, no clock, no randomness (tests/core/test_purity.py enforces it).
"""
