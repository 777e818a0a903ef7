"""Which of an action's two messages a page shows: Vietnamese unless the user chose English."""

from django.utils.translation import get_language

from daihoi.actions.errors import ActionError


def english() -> bool:
    return (get_language() or "vi").startswith("en")


def error_text(error: ActionError) -> str:
    return error.message_en if english() else error.message_vi
