"""The web application: thin views, templates and local static assets (no CDN).

Parses requests into core types, calls actions and queries, renders. No business rule here.
"""
