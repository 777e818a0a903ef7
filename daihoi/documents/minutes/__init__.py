"""The counting minutes (biên bản kiểm phiếu): one model (`model.py`), rendered as text, PDF and
DOCX, so the three never disagree on what is said or in which order."""
