"""A corpus of delegate registers written the way Party offices write them (issue 13).

Built by `make_corpus.py` without reading the reader in daihoi/imports, so that the workbooks do not
share its blind spots; each workbook has a `<name>.expected.json` beside it (see README.md).
"""
