"""Template filters: every figure through core.vi.formatting, so it reads as in the minutes."""

from datetime import date

from django import template
from django.utils.translation import get_language

from daihoi.core.vi.formatting import format_date, format_int, format_percent
from daihoi.core.vi.formatting import roman as to_roman
from daihoi.labels import BODIES

register = template.Library()


@register.filter
def vi_date(value: date | None) -> str:
    return format_date(value) if value else ""


@register.filter
def vi_int(value: int | None) -> str:
    return format_int(value) if value is not None else ""


@register.filter
def roman(value: int) -> str:
    return to_roman(value)


@register.filter
def percent_of(numerator: int, denominator: int) -> str:
    return format_percent(numerator, denominator) if denominator else "—"


@register.filter
def body_label(code: str) -> str:
    english = (get_language() or "vi").startswith("en")
    return BODIES.get(code, (code, code))[1 if english else 0]


_STATES = {
    "setup": ("Đang chuẩn bị", "Set-up"),
    "open": ("Đang nhập phiếu", "Open for entry"),
    "certified": ("Đã chứng nhận", "Certified"),
    "appointed": ("Cấp trên chỉ định", "Appointed"),
}


@register.filter
def state_label(code: str) -> str:
    english = (get_language() or "vi").startswith("en")
    return _STATES.get(code, (code, code))[1 if english else 0]
