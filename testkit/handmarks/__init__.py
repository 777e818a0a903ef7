"""An independent ballot-mark generator: people with pens on the project's own printed ballot.

Written without reading the scanner's reader (daihoi/omr/interpret.py and its helpers) or the
first generator (testkit/synth), so that a corpus drawn here tests the reader on strokes it was
not tuned to (issue 14 §2). Names are found from the PDF's text layer (`printed`), a voter's pen
draws Bézier strokes with tremor and pressure (`pen`, `marks`), the paper is printed at a jittered
scale, stamped, handled and scanned (`paper`), and `voter` puts one ballot together with its
truth. `bench/omr_handmarks.py` writes a corpus; README.md says what is drawn.
"""
