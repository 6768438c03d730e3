"""Reads runtime/include/janus/Library.def for the project's Python scripts.

One parser of the X-macro table, shared by check-library-signatures.py (which
compares signatures with PyTorch/CPython) and gen-library-doc.py (which writes
the library reference in docs/language.md), so that both read the table the
same way the C++ front end does. Any Python 3 can import it.
"""

import re

ROW = re.compile(
    r'^JANUS_LIB_(MODULE|RECEIVER|FUNCTION|CLASS|CONSTANT|METHOD|ATTRIBUTE)'
    r'\((.*)\)\s*$')
STRING = r'"((?:[^"\\]|\\.)*)"'


def c_unescape(text):
    """Decodes a C string literal's body (the table uses only \\\\ and \\")."""
    return re.sub(r'\\(.)', lambda m: m.group(1), text)


def parse(path):
    """Returns (modules, receivers, rows).

    modules and receivers map an ID to its Python name; each row is a dict
    with macro, ident, owner, name, sig (None for constants and attributes)
    and notes (the `//` comment lines written directly above the row).
    """
    modules, receivers, rows, notes = {}, {}, [], []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("//"):
            text = line[2:].strip()
            if text.startswith("==="):
                notes = []  # A section banner, not a note.
            elif text:
                notes.append(text)
            continue
        m = ROW.match(line)
        if not m:
            notes = []
            continue
        macro, args = m.groups()
        ident, owner = [a.strip() for a in args.split(",")[:2]]
        strings = [c_unescape(s) for s in re.findall(STRING, args)]
        if macro == "MODULE":
            modules[ident] = strings[0]
        elif macro == "RECEIVER":
            receivers[ident] = strings[0]
        else:
            rows.append({"macro": macro, "ident": ident, "owner": owner,
                         "name": strings[0],
                         "sig": strings[1] if len(strings) > 1 else None,
                         "notes": " ".join(notes)})
        notes = []
    return modules, receivers, rows
