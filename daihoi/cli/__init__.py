"""The `daihoi` command: everything an operator does at a terminal.

Thin: parses arguments, calls interchange/core/exports, prints. `daihoi count` loads no Django.
"""
