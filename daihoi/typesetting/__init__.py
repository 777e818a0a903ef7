"""The page every printed paper shares, below both the documents and the ballot paper: the
bundled fonts (Liberation Serif, metric-compatible with Times New Roman; DejaVu Sans), A4 and
the masthead, for PDF (`pdf.py`) and DOCX (`docx.py`)."""
