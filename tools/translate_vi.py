"""Fill the Vietnamese catalogue from tools/translations_vi.txt, then compile it (no GNU msgfmt).

Run after `django-admin makemessages -l vi --no-location` (from daihoi/): every msgid must have
a translation in the table; entries gettext marked fuzzy are set from the table and unmarked.
Writes django.mo with Python's own msgfmt logic, so a fresh machine can rebuild it.
"""

import ast
import struct
import sys
from pathlib import Path

PO = Path(__file__).parents[1] / "daihoi" / "locale" / "vi" / "LC_MESSAGES" / "django.po"
TABLE = Path(__file__).with_name("translations_vi.txt")


def load_table() -> dict[str, str]:
    table = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            english, _, vietnamese = line.partition(" => ")
            table[english.strip()] = vietnamese.strip()
    return table


def unquote(lines: list[str]) -> str:
    return "".join(ast.literal_eval(line) for line in lines)


def main() -> int:
    table = load_table()
    blocks = PO.read_text(encoding="utf-8").split("\n\n")
    out, missing, catalog = [], [], {}
    for block in blocks:
        lines = block.splitlines()
        msgid_at = next((i for i, line in enumerate(lines) if line.startswith("msgid ")), None)
        msgstr_at = next((i for i, line in enumerate(lines) if line.startswith("msgstr ")), None)
        if msgid_at is None or msgstr_at is None:
            out.append(block)
            continue
        msgid = unquote([lines[msgid_at][6:], *lines[msgid_at + 1 : msgstr_at]])
        head = [
            line for line in lines[:msgid_at] if line != "#, fuzzy" and not line.startswith("#| ")
        ]
        if msgid == "":
            header = unquote([lines[msgstr_at][7:], *lines[msgstr_at + 1 :]])
            header = header.replace("charset=CHARSET", "charset=UTF-8")
            catalog[""] = header
            out.append("\n".join([*head, 'msgid ""', "msgstr " + _quote(header)]))
            continue
        if msgid not in table:
            missing.append(msgid)
            out.append(block)
            continue
        catalog[msgid] = table[msgid]
        out.append("\n".join([*head, "msgid " + _quote(msgid), "msgstr " + _quote(table[msgid])]))
    if missing:
        sys.stderr.write("untranslated:\n  " + "\n  ".join(missing) + "\n")
        return 1
    PO.write_text("\n\n".join(out), encoding="utf-8")
    write_mo(catalog, PO.with_suffix(".mo"))
    return 0


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_mo(catalog: dict[str, str], path: Path) -> None:
    """GNU .mo format, as Python's Tools/i18n/msgfmt.py writes it."""
    keys = sorted(catalog)
    ids = strs = b""
    offsets = []
    for key in keys:
        k, v = key.encode("utf-8"), catalog[key].encode("utf-8")
        offsets.append((len(ids), len(k), len(strs), len(v)))
        ids += k + b"\0"
        strs += v + b"\0"
    start = 7 * 4 + 16 * len(keys)
    koffsets, voffsets = [], []
    for o1, l1, o2, l2 in offsets:
        koffsets += [l1, o1 + start]
        voffsets += [l2, o2 + start + len(ids)]
    output = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    output += struct.pack(f"{len(koffsets)}i", *koffsets)
    output += struct.pack(f"{len(voffsets)}i", *voffsets)
    path.write_bytes(output + ids + strs)


if __name__ == "__main__":
    sys.exit(main())
