"""Vietnamese text: NFC and name parts, collation (ballot order), number and date formatting.

Every figure and name a person reads passes through here, so it reads the same everywhere.
Imports the standard library only.
"""
