"""The error every action raises: a code, the field at fault, words in Vietnamese and English."""

from collections.abc import Mapping

from daihoi.labels import ACTION_ERRORS, figure_name, words


def _in_words(values: Mapping[str, object], lang: str | None) -> dict[str, object]:
    """A figure named by its key ("ballots_collected") reads as its name ("số phiếu thu vào")."""
    out = dict(values)
    if "figure" in values:
        out["figure"] = figure_name(str(values["figure"]), lang)
    return out


class ActionError(Exception):
    """Raised by an action; nothing was changed."""

    def __init__(self, code: str, field: str = "", **values: object) -> None:
        self.code = code
        self.field = field
        self.values = values
        self.message_vi = words(ACTION_ERRORS, code, _in_words(values, "vi"), "vi")
        self.message_en = words(ACTION_ERRORS, code, _in_words(values, "en"), "en")
        super().__init__(f"{code}: {self.message_en}")

    @property
    def text(self) -> str:
        """The message in the person's language."""
        return words(ACTION_ERRORS, self.code, _in_words(self.values, None))
