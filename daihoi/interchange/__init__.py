"""The election file (daihoi.election/1) and the result (daihoi.result/1) of election-file.md.

Parses files into core objects with every problem named by its JSON path, and writes results.
Imports core and the standard library only, so `daihoi count` starts without Django.
"""
