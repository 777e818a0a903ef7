"""Every write: check access, one transaction, the core, one audit event; typed errors.

Only actions write. Each raises ActionError naming the field or row at fault, in Vietnamese and
English, and changes nothing when it does.
"""
