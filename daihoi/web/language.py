"""Which of an action's two messages a page shows: the catalogue's language (labels.language)."""

from daihoi.errors import ActionError
from daihoi.labels import language


def english() -> bool:
    return language() == "en"


def error_text(error: ActionError) -> str:
    return error.text
