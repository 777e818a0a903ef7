"""Integrity of the record: the audit log's hash chain, results recounted from their frozen
files, and files that outlive their records (issue 11)."""
