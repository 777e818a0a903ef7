"""B2: daihoi.core imports the standard library only and loads no Django."""

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).parents[2] / "daihoi" / "core"


def test_core_imports_only_the_standard_library_and_itself() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                outside_core = name.startswith("daihoi.") and not name.startswith("daihoi.core")
                third_party = top != "daihoi" and top not in sys.stdlib_module_names
                if outside_core or third_party:
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []


def test_importing_core_loads_no_django_and_no_io_modules() -> None:
    code = (
        "import sys, daihoi.core.counting, daihoi.core.candidates, daihoi.core.composition;"
        "banned = {'django', 'sqlite3', 'socket', 'random'};"
        "bad = [m for m in sys.modules if m.split('.')[0] in banned];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
