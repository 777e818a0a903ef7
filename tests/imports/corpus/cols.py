"""The columns offices put in a delegate register, each able to write a person the office's way.

One constructor per kind of column; its options are the ways offices differ (a date as a real cell,
as "07/06/1970", "7/6/70", "07.06.1970", a serial number, or m/d text; theory as "CC" or "Cao cấp";
the kind as "ĐN" or "Đương nhiên"…). A row's `written` overrides win over the column's way.
"""

from collections.abc import Callable
from datetime import date

from tests.imports.corpus.model import (
    CellValue,
    Col,
    Person,
    capitals,
    dmy,
    dmy_dots,
    dmy_short,
    mdy,
    new_style,
    serial,
)

Render = Callable[[date], CellValue]
#: how a date is written → (cell value maker, number format)
DATES: dict[str, tuple[Render, str | None]] = {
    "cell": (lambda d: d, "dd/mm/yyyy"),
    "cell_short": (lambda d: d, "dd/mm/yy"),
    "dmy": (dmy, None),
    "dmy_short": (dmy_short, None),
    "dots": (dmy_dots, None),
    "mdy": (mdy, None),
    "serial": (serial, "General"),
    "year": (lambda d: d.year, "0"),
    "year_text": (lambda d: str(d.year), None),
}
NAME_STYLES: dict[str, Callable[[str], str]] = {
    "": lambda s: s,
    "caps": capitals,
    "new": new_style,
    "caps_new": lambda s: capitals(new_style(s)),
}
HOMES = [
    "Hà Nội", "Nam Định", "Thái Bình", "Nghệ An", "Hà Tĩnh", "Quảng Ngãi", "Thanh Hóa",
    "Bình Định", "Lâm Đồng", "Tiền Giang", "Hải Dương", "Quảng Nam",
]  # fmt: skip


def counter(label: str = "TT") -> Col:
    """The running number column."""
    return Col((label,), lambda p: None, counter=True, width=5)


def name(label: tuple[str, ...] = ("Họ và tên",), style: str = "") -> Col:
    """The full name in one column."""
    write = NAME_STYLES[style]
    return Col(label, lambda p: p.written.get("name", write(p.full_name)), ("full_name",), width=26)


def name_split(style: str = "") -> list[Col]:
    """ "Họ và tên đệm" + "Tên": the given name alone in the second column."""
    write = NAME_STYLES[style]

    def whole(p: Person) -> str:
        return str(p.written.get("name", write(p.full_name)))

    return [
        Col(("Họ và tên đệm",), lambda p: whole(p).rsplit(" ", 1)[0], ("full_name",), width=20),
        Col(("Tên",), lambda p: whole(p).rsplit(" ", 1)[1], ("full_name",), width=9),
    ]


def _date(
    how: str, pick: Callable[[Person], date | None], key: str
) -> Callable[[Person], CellValue]:
    make = DATES[how][0]

    def value(p: Person) -> CellValue:
        if key in p.written:
            return p.written[key]
        day = pick(p)
        return None if day is None else make(day)

    return value


def birth(how: str = "cell", label: tuple[str, ...] = ("Ngày sinh",)) -> Col:
    """The birth date in one column (the sex elsewhere)."""
    gives = ("birth_date", "birth_year_only") if how.startswith("year") else ("birth_date",)
    value = _date(how, lambda p: p.birth_date, "birth")
    return Col(label, value, gives, fmt=DATES[how][1], width=12)


def birth_by_sex(how: str = "cell", top: str = "Ngày, tháng, năm sinh") -> list[Col]:
    """The birth date under "Nam" or "Nữ": the column gives the sex."""
    gives: tuple[str, ...] = ("birth_date", "gender")
    if how.startswith("year"):
        gives = (*gives, "birth_year_only")
    value = _date(how, lambda p: p.birth_date, "birth")
    return [
        Col((top, "Nam"), lambda p: value(p) if p.gender == "male" else None, gives,
            fmt=DATES[how][1], width=12),
        Col((top, "Nữ"), lambda p: value(p) if p.gender == "female" else None, gives,
            fmt=DATES[how][1], width=12),
    ]  # fmt: skip


def sex(label: str = "Giới tính") -> Col:
    """A sex column written "Nam" / "Nữ"."""
    return Col((label,), lambda p: "Nam" if p.gender == "male" else "Nữ", ("gender",), width=8)


def ethnicity() -> Col:
    """ "Dân tộc"."""
    return Col(
        ("Dân tộc",), lambda p: p.written.get("ethnicity", p.ethnicity), ("ethnicity",), width=8
    )


def post_combined(label: str = "Chức vụ, đơn vị công tác") -> Col:
    """Position and unit in one cell: "<position>, <unit>", or the post alone."""

    def value(p: Person) -> str:
        return f"{p.position}, {p.unit}" if p.unit else p.position

    return Col((label,), value, ("position", "unit"), width=40)


def post_apart(top: str | None = None) -> list[Col]:
    """ "Chức vụ" and "Đơn vị công tác" apart (optionally under a common parent)."""
    first = (top, "Chức vụ") if top else ("Chức vụ",)
    second = (top, "Đơn vị công tác") if top else ("Đơn vị công tác",)
    return [
        Col(first, lambda p: p.position, ("position",), width=30),
        Col(second, lambda p: p.unit or None, ("unit",), width=30),
    ]


def party(how: str = "cell", top: str = "Ngày vào Đảng") -> list[Col]:
    """ "Ngày vào Đảng" spanning "Dự bị" | "Chính thức"."""
    fmt = DATES[how][1]
    return [
        Col((top, "Dự bị"), _date(how, lambda p: p.party_joined_on, "joined"),
            ("party_joined_on",), fmt=fmt, width=12),
        Col((top, "Chính thức"), _date(how, lambda p: p.party_official_on, "official"),
            ("party_official_on",), fmt=fmt, width=12),
    ]  # fmt: skip


def joined(how: str = "cell", label: str = "Ngày vào Đảng") -> Col:
    """The date of joining alone."""
    value = _date(how, lambda p: p.party_joined_on, "joined")
    return Col((label,), value, ("party_joined_on",), fmt=DATES[how][1], width=12)


def official(how: str = "cell", label: str = "Ngày chính thức") -> Col:
    """The date of becoming a full member alone."""
    value = _date(how, lambda p: p.party_official_on, "official")
    return Col((label,), value, ("party_official_on",), fmt=DATES[how][1], width=12)


SHORT_THEORY = {"Cao cấp": "CC", "Trung cấp": "TC", "Sơ cấp": "SC", "Cử nhân": "CNCT"}
LONG_THEORY = {"Cử nhân": "Cử nhân chính trị"}
CT_THEORY = {"Cử nhân": "Cử nhân CT", "Cao cấp": "Cao cấp"}


def theory(
    words: dict[str, str] | None = None, label: tuple[str, ...] = ("Lý luận chính trị",)
) -> Col:
    """Political theory, written with the office's words for the four levels."""
    table = words or {}
    return Col(label, lambda p: table.get(p.political_theory, p.political_theory) or None,
               ("political_theory",), width=10)  # fmt: skip


def education(label: tuple[str, ...] = ("Chuyên môn, nghiệp vụ",)) -> Col:
    """The professional qualification, as written."""
    return Col(label, lambda p: p.education, ("education",), width=22)


KIND_SHORT = {"ex_officio": "ĐN", "elected": "Bầu", "appointed": "CĐ"}
KIND_LONG = {"ex_officio": "Đương nhiên", "elected": "Được bầu", "appointed": "Chỉ định"}
KIND_DB = {"ex_officio": "ĐN", "elected": "ĐB", "appointed": "CĐ"}


def kind(words: dict[str, str], label: str = "Loại đại biểu") -> Col:
    """The delegate type in a column."""
    return Col((label,), lambda p: words.get(p.kind) or None, ("kind",), width=10)


def incumbent(label: str = "Ủy viên BCH khóa trước") -> Col:
    """ "x" for a member of the outgoing committee."""
    return Col((label,), lambda p: "x" if p.incumbent else None, ("incumbent",), width=9)


def standing_marks(top: str = "Đại biểu") -> list[Col]:
    """ "Đại biểu" spanning "Chính thức" | "Dự khuyết", an "x" in one of them."""
    return [
        Col((top, "Chính thức"), lambda p: "x" if p.standing == "official" else None,
            ("standing",), width=9),
        Col((top, "Dự khuyết"), lambda p: "x" if p.standing == "alternate" else None,
            ("standing",), width=9),
    ]  # fmt: skip


def delegation_col(label: str = "Đoàn") -> Col:
    """The delegation in a column, merged down over its rows."""
    return Col((label,), lambda p: p.delegation, ("delegation",), width=24, merge_down=True)


def unit_merged(label: str = "Đơn vị") -> Col:
    """The unit in a column merged down over its rows."""
    return Col((label,), lambda p: p.unit or None, ("unit",), width=28, merge_down=True)


def home() -> Col:
    """ "Quê quán": not stored."""
    return Col(("Quê quán",), lambda p: HOMES[sum(map(ord, p.full_name)) % len(HOMES)], width=14)


def notes(label: str = "Ghi chú") -> Col:
    """ "Ghi chú": not stored."""
    return Col((label,), lambda p: p.written.get("note"), width=16)


def schooling(label: tuple[str, ...] = ("Giáo dục phổ thông",)) -> Col:
    """General schooling ("12/12"): not stored."""
    return Col(label, lambda p: "12/12", width=8)


def card() -> Col:
    """ "Số thẻ đảng viên": not stored."""
    return Col(("Số thẻ đảng viên",), lambda p: f"{sum(map(ord, p.full_name)) * 7919 % 10**8:08d}")
