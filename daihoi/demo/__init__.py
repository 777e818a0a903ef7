"""Seeded generators of invented data: names, the reference election, benchmark elections.

Imports core and the standard library only; every generator takes its seed, so its output is
reproducible byte for byte. No real person's name is produced on purpose.
"""
