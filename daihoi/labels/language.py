"""The one way to pick the language of a code's words, and to fill its placeholders.

A label is a (Vietnamese, English) pair. The language is the person's: in the application,
Django's active language (English only when they chose it); at the terminal, `--lang`; in
documents, Vietnamese. Django is consulted only when the application has loaded it, so
`daihoi count` never imports it.
"""

import sys
from collections.abc import Mapping

Label = tuple[str, str]  # (Vietnamese, English)


def language() -> str:
    """ "vi" unless the application's active language is English."""
    translation = sys.modules.get("django.utils.translation")
    if translation is None:
        return "vi"
    active = translation.get_language() or "vi"
    return "en" if active.startswith("en") else "vi"


class _Blanks(dict[str, object]):
    """Leaves a placeholder visible rather than failing when a value is missing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: Mapping[str, object]) -> str:
    """`template` with `values` put in; unknown placeholders stay as they are."""
    return template.format_map(_Blanks(values))


def words(
    table: Mapping[str, Label],
    code: str,
    values: Mapping[str, object] | None = None,
    lang: str | None = None,
) -> str:
    """A code's words in `lang` ("vi", "en", or "both": Vietnamese with English in brackets).

    A code missing from its table is a defect caught by the catalogue's test; at run time it
    reads as a neutral phrase rather than the code itself.
    """
    vi, en = table.get(code, ("(chưa có lời)", "(no words yet)"))
    values = values or {}
    chosen = lang or language()
    if chosen == "both":
        return f"{fill(vi, values)} ({fill(en, values)})"
    return fill(en if chosen == "en" else vi, values)
