"""The pages, one module per area: each parses the request, calls one action or query, renders."""
