"""The documents a congress prints or publishes: the counting minutes (model, then text, PDF,
DOCX), the credentials report, the delegates' badges and the results workbook.

Built from core outcomes and plain values; never the database or the web. The page itself
(fonts, A4, the two-column masthead of Hướng dẫn 36-HD/VPTW) comes from `daihoi.typesetting`.
"""
