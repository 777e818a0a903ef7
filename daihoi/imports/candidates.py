"""An election's candidate list from a workbook (.xlsx or .xls), linked to the register.

The list may hold members who are not delegates (candidacy filed with the organisation
department, R5); those who are delegates are linked by name (compared by `match_key`: case,
spaces and tone placement folded) and date of birth, and every name not linked is said.
Nothing here writes or sorts: the rows come back in the file's order (the ballot order is R7's).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from daihoi.core.vi.spelling import match_key, spell_name
from daihoi.imports import meaning
from daihoi.imports.dates import parse_year
from daihoi.imports.lists import YEAR_ONLY, find_lists, readers
from daihoi.imports.reading import Reading
from daihoi.imports.register import DelegateRow
from daihoi.imports.workbook import (
    GENDER,
    YES_NO,
    Column,
    RowProblem,
    RowReader,
    build_template,
    today_in_vietnam,
)

CANDIDATE_COLUMNS = (
    Column("STT", "Số thứ tự (không bắt buộc; thứ tự trên phiếu do chương trình xếp).", 6),
    Column(
        "Họ và tên",
        "Họ và tên đầy đủ, có dấu, ví dụ: Nguyễn Thị Hằng.",
        28,
        required=True,
        max_length=120,
    ),
    Column(
        "Ngày sinh",
        "Ngày/tháng/năm, ví dụ 07/06/1970 (hoặc ô kiểu ngày). Dùng để đối chiếu với danh sách "
        "đại biểu.",
        12,
        required=True,
        is_date=True,
    ),
    Column("Giới tính", "Nam hoặc Nữ.", 10, required=True, choices=GENDER),
    Column("Dân tộc", "Để trống được hiểu là Kinh.", 10, max_length=40),
    Column("Ủy viên khóa trước", "Có hoặc Không; để trống là Không.", 12, choices=YES_NO),
)
COLUMNS = tuple(c.header for c in CANDIDATE_COLUMNS)
REQUIRED = tuple(c.header for c in CANDIDATE_COLUMNS if c.required)


@dataclass(frozen=True)
class CandidateRow:
    """One name of the list; `register_row` is the delegate's row in the register, if any."""

    row: int
    full_name: str
    birth_date: date
    gender: str  # a Gender
    ethnicity: str
    incumbent: bool
    register_row: int | None
    #: the delegate this name is linked to ("Có trong danh sách đại biểu"), None when none
    delegate: DelegateRow | None = None
    sheet: str = ""


def candidates_template() -> bytes:
    """The list workbook: sheet "Danh sách bầu cử" and a help sheet."""
    return build_template(
        "Danh sách bầu cử",
        CANDIDATE_COLUMNS,
        (
            "DANH SÁCH BẦU CỬ: mỗi dòng một người, bắt đầu từ dòng 2 của trang đầu tiên.",
            "Các cột bắt buộc: " + ", ".join(REQUIRED) + ".",
            "Người là đại biểu được nhận ra theo họ tên và ngày sinh trong danh sách đại biểu.",
            "Tệp có lỗi sẽ không được lưu dòng nào; chương trình chỉ rõ dòng và cột cần sửa.",
        ),
    )


def _register_check(
    reader: RowReader,
    name: str,
    born: date | None,
    by_person: dict[tuple[str, date], DelegateRow],
    by_name: dict[str, list[DelegateRow]],
) -> DelegateRow | None:
    """The register's delegate of this person; a warning when the name is not linked."""
    if not name or born is None:
        return None
    found = by_person.get((match_key(name), born))
    if found is not None:
        return found
    namesakes = by_name.get(match_key(name), [])
    if namesakes:
        # rows of the register's workbook when it was just read; a stored register has none
        numbered = all(d.row for d in namesakes)
        reader.fail(
            "Ngày sinh",
            "birth_date_differs_from_register" if numbered else "birth_date_differs_from_stored",
            warning=True,
            name=name,
            dates=", ".join(f"{d.birth_date:%d/%m/%Y}" for d in namesakes),
            rows=", ".join(str(d.row) for d in namesakes),
            born=f"{born:%d/%m/%Y}",
        )
    else:
        reader.fail("Họ và tên", "not_in_register", warning=True, name=name)
    return None


def _born(reader: RowReader) -> date | None:
    if reader.cells.get(YEAR_ONLY) and (year := parse_year(reader.raw(meaning.BORN))) is not None:
        return reader.birth_date(date(year, 1, 1), meaning.BORN)
    return reader.birth_date(reader.day(meaning.BORN, required=True, birth=True), meaning.BORN)


def read_candidates(
    data: bytes,
    *,
    register: Sequence[DelegateRow] | None = None,
    on: date | None = None,
    date_orders: Mapping[str, str] | None = None,
    name_style: str = "old",
) -> Reading[CandidateRow]:
    """Every candidate row without an error, every problem, in the file's order.

    With `register`, a candidate with a delegate's name and birth date is linked to that
    delegate; any other name is a warning at its row (the row is kept, unlinked). `on` is the
    day ages are measured on (today in Vietnam if None).
    """
    found = find_lists(data, required=REQUIRED, chosen=date_orders)
    problems: list[RowProblem] = list(found.problems)
    day = on if on is not None else today_in_vietnam()
    by_person: dict[tuple[str, date], DelegateRow] = {}
    by_name: dict[str, list[DelegateRow]] = {}
    for delegate in register or ():
        by_person.setdefault((match_key(delegate.full_name), delegate.birth_date), delegate)
        by_name.setdefault(match_key(delegate.full_name), []).append(delegate)
    rows: list[CandidateRow] = []
    seen: dict[tuple[str, date], tuple[str, int]] = {}
    for reader in readers(found, on=day, lengths={"Họ và tên": 120, "Dân tộc": 40}):
        name = reader.name()
        born = _born(reader)
        gender = reader.choice("Giới tính", GENDER, required=True, shorthand=meaning.GENDER_WORDS)
        incumbent = (
            reader.choice(
                "Ủy viên BCH khóa trước", YES_NO, required=False, shorthand=meaning.YES_WORDS
            )
            == "yes"
        )
        reader.duplicate(seen, name, born)
        linked = None
        if register is not None and not reader.has_error:
            linked = _register_check(reader, name, born, by_person, by_name)
        problems += reader.problems
        if reader.has_error or born is None:
            continue
        rows.append(
            CandidateRow(
                row=reader.number,
                full_name=spell_name(name, name_style),
                birth_date=born,
                gender=gender,
                ethnicity=reader.text("Dân tộc") or "Kinh",
                incumbent=incumbent,
                register_row=linked.row if linked is not None else None,
                delegate=linked,
                sheet=reader.place.sheet,
            )
        )
    return Reading(rows, problems, found.columns, found.skipped, found.date_orders)


def parse_candidates(
    data: bytes, *, register: Sequence[DelegateRow] | None = None, on: date | None = None
) -> tuple[list[CandidateRow], list[RowProblem]]:
    """`read_candidates`'s rows and problems."""
    reading = read_candidates(data, register=register, on=on)
    return reading.rows, reading.problems
