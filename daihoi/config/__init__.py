"""Django settings, root URLs and WSGI: SQLite in a data folder by default, PostgreSQL when
`DATABASE_URL` is set. Nothing here holds a business rule.
"""
