"""Workbook templates and parsing into checked rows: the delegate register, candidate lists.

Imports core and openpyxl; never the database (the application's action stores the rows).
"""
