"""A request's values read as what the field takes: a bad value (a team "abc", a ballot number
"1.5" or 40 digits long, a record that cannot exist) is answered with words naming the field and
the range, never a server error. Every view reads its numbers through here."""

from django.utils.translation import gettext as _

#: more digits than any team or ballot number could have: refused before int() and the database
MAX_DIGITS = 6


class BadValueError(ValueError):
    """A query or form value that is not what the field takes; its text is for the person."""


def whole_number(text: str | None, low: int, high: int, what: str) -> int:
    """`text` as a whole number in low..high, or BadValueError naming the field and the range."""
    value = (text or "").strip()
    if not value.isdecimal() or not value.isascii() or len(value) > MAX_DIGITS:
        raise BadValueError(
            _("“%(value)s” is not a valid %(what)s: type a whole number from %(low)s to %(high)s.")
            % {"value": value, "what": what, "low": low, "high": high}
        )
    number = int(value)
    if not low <= number <= high:
        raise BadValueError(
            _("There is no %(what)s %(value)s: type a whole number from %(low)s to %(high)s.")
            % {"value": number, "what": what, "low": low, "high": high}
        )
    return number


#: the largest record number a form or query may name (a longer one is refused in words)
MAX_ID = 10**MAX_DIGITS - 1


def record_id(text: str | None, what: str) -> int:
    """The number of a record (a session, a delegate) chosen in a form or a query."""
    return whole_number(text, 1, MAX_ID, what)
