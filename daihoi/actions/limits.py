"""Text that fits its database column, checked by the action before it writes.

SQLite stores a longer text silently; PostgreSQL refuses it with a server error at the commit.
Checking here gives the same answer, in words, on both.
"""

from django.db.models import Model

from daihoi.errors import ActionError

#: how much of a refused text is quoted, so the person recognises which one it was
QUOTED = 40


def fits(text: str, model: type[Model], field: str) -> str:
    """`text` unchanged when it fits `model.field`; else an ActionError quoting its start."""
    limit = getattr(model._meta.get_field(field), "max_length", None)
    if limit is not None and len(text) > limit:
        raise ActionError(
            "text_too_long", field, start=text[:QUOTED], length=len(text), limit=limit
        )
    return text
