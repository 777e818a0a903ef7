"""Columns and values by meaning: the labels offices put over their columns and the shorthand
they write in them, mapped to the template's fields.

A label is compared folded (no marks, case or punctuation), whole first, then as parent › child
("Ngày sinh › Nữ", "Ngày vào Đảng › Chính thức", "Trình độ › Lý luận chính trị").
"""

import re

from daihoi.core.codes import Origin
from daihoi.core.vi.text import fold

#: the fields a label can be read as (the template's headers, and the parts offices split)
NAME = "Họ và tên"
MIDDLE = "Họ và tên đệm"
GIVEN = "Tên"
BORN = "Ngày sinh"
BORN_YEAR = "Năm sinh"
BORN_MALE = "Ngày sinh › Nam"
BORN_FEMALE = "Ngày sinh › Nữ"
YEAR_MALE = "Năm sinh › Nam"
YEAR_FEMALE = "Năm sinh › Nữ"
GENDER = "Giới tính"
POSITION_UNIT = "Chức vụ, đơn vị công tác"
JOINED = "Ngày vào Đảng"
OFFICIAL = "Ngày vào Đảng chính thức"
IGNORED = "STT"
#: a mark ("x") under "Đại biểu › Chính thức" or "› Dự khuyết" gives the standing
MARK_OFFICIAL = "Đại biểu › Chính thức"
MARK_ALTERNATE = "Đại biểu › Dự khuyết"
#: a mark ("x") under "Giới tính › Nam" or "› Nữ" gives the sex
MARK_MALE = "Giới tính › Nam"
MARK_FEMALE = "Giới tính › Nữ"

_LABELS: dict[str, tuple[str, ...]] = {
    IGNORED: ("stt", "tt", "so tt", "so thu tu"),
    NAME: ("ho va ten", "ho ten", "ho va ten dai bieu", "ho va ten khai sinh", "ten dai bieu"),
    MIDDLE: ("ho va ten dem", "ho va chu dem", "ho ten dem", "ho dem", "ho va dem", "ho"),
    GIVEN: ("ten",),
    BORN: ("ngay sinh", "ngay thang nam sinh", "sinh ngay", "ngay thang sinh"),
    BORN_YEAR: ("nam sinh",),
    GENDER: ("gioi tinh", "nam nu", "gioi"),
    "Dân tộc": ("dan toc",),
    "Trình độ chuyên môn": (
        "trinh do chuyen mon",
        "chuyen mon",
        "chuyen mon nghiep vu",
        "trinh do chuyen mon nghiep vu",
        "trinh do dao tao",
        "hoc ham hoc vi",
        "hoc vi",
        "hoc ham",
    ),
    "Lý luận chính trị": (
        "ly luan chinh tri",
        "trinh do ly luan chinh tri",
        "llct",
        "trinh do llct",
        "trinh do ly luan",
        "ly luan",
        "chinh tri",
    ),
    JOINED: ("ngay vao dang", "ngay ket nap dang", "ngay ket nap", "vao dang"),
    OFFICIAL: ("ngay vao dang chinh thuc", "ngay chinh thuc", "ngay cong nhan chinh thuc"),
    "Chức vụ": ("chuc vu", "chuc vu hien nay", "chuc vu dang", "chuc danh"),
    "Đơn vị": ("don vi", "don vi cong tac", "noi cong tac", "co quan cong tac", "co quan don vi"),
    POSITION_UNIT: (
        "chuc vu don vi cong tac",
        "chuc vu va don vi cong tac",
        "chuc vu noi cong tac",
        "chuc vu co quan cong tac",
        "chuc vu don vi",
        "chuc vu co quan don vi cong tac",
    ),
    "Loại đại biểu": (
        "loai dai bieu",
        "loai",
        "dai bieu",
        "loai db",
        "db",
        "dn bau",
        "dn bau cd",
        "dn db cd",
        "dn db",
        "duong nhien bau",
        "duong nhien duoc bau",
    ),
    "Ủy viên BCH khóa trước": (
        "uy vien bch khoa truoc",
        "uy vien khoa truoc",
        "uy vien ban chap hanh khoa truoc",
        "cap uy vien khoa truoc",
        "uy vien bch",
    ),
    "Chính thức/Dự khuyết": ("chinh thuc du khuyet", "dai bieu chinh thuc du khuyet"),
    "Đoàn đại biểu": ("doan dai bieu", "doan", "thuoc doan"),
    "Chỗ ngồi": ("cho ngoi",),
    "Nhóm chức vụ": ("nhom chuc vu",),
}
_BY_LABEL = {label: field for field, labels in _LABELS.items() for label in labels}
_BIRTH_PARENTS = {"ngay sinh": (BORN_MALE, BORN_FEMALE), "nam sinh": (YEAR_MALE, YEAR_FEMALE)}
_BIRTH_PARENTS |= dict.fromkeys(_LABELS[BORN], (BORN_MALE, BORN_FEMALE))
_PARTY_PARENTS = set(_LABELS[JOINED])


def label_key(label: str) -> str:
    """A label folded: no marks, case, bracketed asides or punctuation ("(*)", "(1)")."""
    bare = re.sub(r"\([^)]*\)", " ", fold(label))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", bare).split())


def _child_field(parents: list[str], child: str) -> str:
    """The field of a child label read with its parents ("Ngày sinh › Nữ", "Ngày vào Đảng ›
    Chính thức", "Đại biểu › Dự khuyết"), else the child's own."""
    born = next((p for p in reversed(parents) if p in _BIRTH_PARENTS), None)
    if born is not None and child in ("nam", "nu"):
        return _BIRTH_PARENTS[born][child == "nu"]
    if _PARTY_PARENTS & set(parents) and child in ("du bi", "ket nap", "chinh thuc"):
        return OFFICIAL if child == "chinh thuc" else JOINED
    if set(_LABELS[GENDER]) & set(parents) and child in ("nam", "nu"):
        return MARK_FEMALE if child == "nu" else MARK_MALE
    if "dai bieu" in parents and child in ("chinh thuc", "du khuyet"):
        return MARK_OFFICIAL if child == "chinh thuc" else MARK_ALTERNATE
    return _BY_LABEL.get(child, "")


def field_of(label: str) -> str:
    """The field a column's label (parent › child) is read as; "" when none."""
    parts = [p for p in (label_key(p) for p in label.split("›")) if p]
    if not parts:
        return ""
    whole = " ".join(parts)
    if whole in _BY_LABEL:
        return _BY_LABEL[whole]
    return _child_field(parts[:-1], parts[-1]) if len(parts) > 1 else ""


# --- values -------------------------------------------------------------------------------------

KIND_WORDS = {
    "dn": Origin.EX_OFFICIO.value,
    "duong nhien": Origin.EX_OFFICIO.value,
    "dai bieu duong nhien": Origin.EX_OFFICIO.value,
    "bau": Origin.ELECTED.value,
    "db": Origin.ELECTED.value,
    "duoc bau": Origin.ELECTED.value,
    "dai bieu duoc bau": Origin.ELECTED.value,
    "cd": Origin.APPOINTED.value,
    "chi dinh": Origin.APPOINTED.value,
    "dai bieu chi dinh": Origin.APPOINTED.value,
}
THEORY_WORDS = {
    "sc": "Sơ cấp",
    "so cap": "Sơ cấp",
    "tc": "Trung cấp",
    "trung cap": "Trung cấp",
    "cc": "Cao cấp",
    "cao cap": "Cao cấp",
    "cn": "Cử nhân",
    "cu nhan": "Cử nhân",
    "cu nhan ct": "Cử nhân",
    "cu nhan chinh tri": "Cử nhân",
    "cu nhan llct": "Cử nhân",
    "cu nhan ly luan chinh tri": "Cử nhân",
    "cnct": "Cử nhân",
    "cn ct": "Cử nhân",
    "cnllct": "Cử nhân",
    "cn llct": "Cử nhân",
    "ccct": "Cao cấp",
    "cc llct": "Cao cấp",
    "ccllct": "Cao cấp",
    "tcct": "Trung cấp",
    "tc llct": "Trung cấp",
    "tcllct": "Trung cấp",
    "scct": "Sơ cấp",
    "sc llct": "Sơ cấp",
    "scllct": "Sơ cấp",
}
YES_WORDS = {"x": "yes", "co": "yes", "v": "yes", "yes": "yes", "khong": "", "-": ""}
GENDER_WORDS = {"nam": "male", "nu": "female"}
STANDING_WORDS = {
    "chinh thuc": "official",
    "ct": "official",
    "du khuyet": "alternate",
    "dk": "alternate",
}


def value_key(value: object) -> str:
    """A short value folded, punctuation dropped ("Cử nhân CT." = "cu nhan ct")."""
    text = fold(str(value))
    return " ".join(re.sub(r"[^0-9a-z-]+", " ", text).split())


def theory_of(value: object) -> str:
    """A theory level from its shorthand or a longer phrase ("Cao cấp lý luận chính trị")."""
    key = value_key(value)
    if key in THEORY_WORDS:
        return THEORY_WORDS[key]
    for prefix, level in (
        ("cao cap", "Cao cấp"),
        ("trung cap", "Trung cấp"),
        ("so cap", "Sơ cấp"),
        ("cu nhan", "Cử nhân"),
    ):
        if key.startswith(prefix):
            return level
    return ""


# --- section rows --------------------------------------------------------------------------------

_ENUMERATOR = re.compile(r"^(?:[ivxlc]+|\d{1,2}|[a-d])\s*[.)/:-]\s*")
_DELEGATION = re.compile(r"^(?:[ivxlc]+|\d{1,2}|[a-z])?\s*[.)/:-]?\s*doan\b")


def section_kind(text: str) -> str:
    """The delegate type a section row sets ("I. ĐẠI BIỂU ĐƯƠNG NHIÊN"), or ""."""
    key = value_key(text)
    if _DELEGATION.match(key):
        return ""
    for words, kind in (
        ("duong nhien", Origin.EX_OFFICIO.value),
        ("duoc bau", Origin.ELECTED.value),
        ("chi dinh", Origin.APPOINTED.value),
    ):
        if words in key and ("dai bieu" in key or _ENUMERATOR.match(fold(text)) or key == words):
            return kind
    return ""


def is_delegation(text: str) -> bool:
    """A section row naming a delegation ("Đoàn đại biểu số 3 – Đảng bộ phường …")."""
    return bool(_DELEGATION.match(value_key(text)))


def is_heading(text: str) -> bool:
    """A row that reads as a heading rather than a person: numbered, or all in capitals."""
    return bool(_ENUMERATOR.match(fold(text))) or (text.isupper() and len(text.split()) > 4)


def ends_list(text: str) -> bool:
    """The totals row or the first line of the signature block."""
    key = value_key(text)
    return (
        key.startswith(
            (
                *("tong cong", "tong so", "cong ", "danh sach nay co", "danh sach co"),
                *("nguoi lap", "t m ", "tm ", "noi nhan", "xac nhan", "k t ", "kt "),
            )
        )
        or key in ("cong", "t m", "tm")
        or ("danh sach" in key and "dong chi" in key)
        or bool(re.search(r"\bngay\s*\d*\s*thang\s*\d*\s*nam\b", key))
    )


def is_column_numbers(values: list[object]) -> bool:
    """The row of column numbers under a header: "(1) (2) (3)…" or "1 2 3…" or "A B 1 2"."""
    filled = [str(v).strip() for v in values if v is not None and str(v).strip()]
    return len(filled) >= 3 and all(
        re.fullmatch(r"\(?\s*(?:\d{1,2}|[A-Z])(?:\s*=\s*[\d+ ]+)?\s*\)?", v) for v in filled
    )


#: a second post begins with one of these (after the first comma: "Phó Bí thư Huyện ủy, Chủ tịch
#: UBND huyện" is two posts, kept whole); "trưởng" only with what it heads, since "trường" (a
#: school) folds alike
TITLE_STARTS = (
    "bi thu",
    "pho bi thu",
    "chu tich",
    "pho chu tich",
    "giam doc",
    "pho giam doc",
    "tong giam doc",
    "chanh ",
    "pho chanh",
    "pho truong",
    "truong ban",
    "truong phong",
    "truong khoa",
    "truong thon",
    "truong ap",
    "truong khu",
    "truong tram",
    "truong cong an",
    "uy vien",
    "thuong truc",
    "thuong vu",
    "hieu truong",
    "hieu pho",
    "chi huy truong",
    "chinh uy",
    "tham phan",
    "kiem sat vien",
    "ke toan truong",
    "can bo",
    "chuyen vien",
    "giao vien",
)


def split_position_unit(text: str) -> tuple[str, str]:
    """ "Giám đốc, Chi nhánh Ngân hàng …" → position, unit (split at the first comma); kept whole
    in position when what follows the comma is a second post ("…, Chủ tịch UBND huyện")."""
    if "," not in text:
        return text, ""
    position, unit = (part.strip() for part in text.split(",", 1))
    if not position or not unit:
        return text, ""
    if fold(unit).startswith(TITLE_STARTS):
        return text, ""
    return position, unit


def section_standing(text: str) -> str:
    """The standing a section row sets ("A. ĐẠI BIỂU CHÍNH THỨC", "B. ĐẠI BIỂU DỰ KHUYẾT"), or
    ""."""
    key = value_key(text)
    if "dai bieu" not in key and not _ENUMERATOR.match(fold(text)):
        return ""
    if "du khuyet" in key:
        return "alternate"
    if "chinh thuc" in key:
        return "official"
    return ""
