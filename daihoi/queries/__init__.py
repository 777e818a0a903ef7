"""Every read the screens, documents and commands need, as plain values, one module per area.

Reads never write and never import an action: they sit on the database, the documents, the
ballot reader, the catalogue of words and the core (import-linter contract in `.importlinter`).
"""
