"""Vietnamese text: NFC normalisation, name parts, collation, number and date formatting.

Every name and figure a person reads passes through here, so it reads the same everywhere.
Pure: imports the standard library only (no I/O, no clock).
"""
