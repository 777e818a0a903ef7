"""The one Django app: models and migrations, and the mappers between rows and core objects.

Imports core and interchange; never the web layer.
"""
