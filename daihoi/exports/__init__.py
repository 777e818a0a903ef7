"""Documents made from outcomes: the counting minutes (biên bản kiểm phiếu) as text, later PDF/DOCX.

Imports core, interchange and labels; never the database or the web.
"""
