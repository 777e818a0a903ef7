"""Writes the corpus: every workbook of forms_a/forms_b and its `<name>.expected.json`.

Run from the repository root: `tools/uv run python -m tests.imports.corpus.make_corpus`.
Files written by openpyxl carry fixed dates and zip times, so a rerun gives the same bytes; the
.xls files and the LibreOffice-saved .xlsx files go through `soffice --headless --convert-to`, which
stamps its own time, so only their content repeats. LibreOffice runs with its own profile in a
temporary folder, so it neither meets nor disturbs another LibreOffice on the machine.
"""

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.imports.corpus import verify
from tests.imports.corpus.forms_a import FORMS as FORMS_A
from tests.imports.corpus.forms_b import FORMS as FORMS_B
from tests.imports.corpus.model import Workbook
from tests.imports.corpus.render import build, save_fixed

HERE = Path(__file__).resolve().parent


def convert(source: Path, ext: str, outdir: Path, profile: Path) -> Path:
    """`source` saved by LibreOffice as `ext` into `outdir`."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed for the .xls and LibreOffice-saved files")
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", ext,
         "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    out = outdir / f"{source.stem}.{ext}"
    if not out.exists():
        raise SystemExit(f"LibreOffice did not write {out.name}")
    return out


def write(book: Workbook, outdir: Path, work: Path) -> None:
    """One workbook and its expected JSON."""
    wb, expected = build(book)
    target = outdir / f"{book.name}.{book.ext}"
    if book.ext == "xlsx" and not book.via_libreoffice:
        save_fixed(wb, target)
    else:
        source = work / "in" / f"{book.name}.xlsx"
        source.parent.mkdir(exist_ok=True)
        save_fixed(wb, source)
        made = convert(source, book.ext, work / "out", work / "profile")
        shutil.move(made, target)
    text = json.dumps(expected, ensure_ascii=False, indent=1) + "\n"
    (outdir / f"{book.name}.expected.json").write_text(text, encoding="utf-8")


def main() -> int:
    books = [form() for form in [*FORMS_A, *FORMS_B]]
    with tempfile.TemporaryDirectory(prefix="corpus13-") as tmp:
        work = Path(tmp)
        for book in books:
            write(book, HERE, work)
            sys.stdout.write(f"{book.name}.{book.ext}\n")
    return verify.main()


if __name__ == "__main__":
    sys.exit(main())
