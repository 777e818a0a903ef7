"""The `daihoi` command: everything an operator does at a terminal.

Thin: parses arguments, calls an action or a query (or the core), prints. `daihoi count`
loads no Django.
"""
