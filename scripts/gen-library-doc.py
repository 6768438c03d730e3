#!/usr/bin/env python3
"""Writes the library section of docs/language.md from Library.def.

Usage: scripts/gen-library-doc.py [runtime/include/janus/Library.def [docs/language.md]]

The section between `<!-- BEGIN LIBRARY -->` and `<!-- END LIBRARY -->` is
generated, so that the reference cannot drift from the table Sema checks
calls against: one Markdown table per module and per receiver type, a line
per row with its signature, and as notes the `//` comments written above the
row in Library.def. Everything outside the markers is left as it is. Needs
no torch; any Python 3 runs it. The output is committed.
"""

import os
import sys

from library_def import parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN, END = "<!-- BEGIN LIBRARY -->", "<!-- END LIBRARY -->"

INTRO = """\
## Library

Everything a program may use without defining it — builtins, `list`/`dict`/
`str` methods, `math`, `random`, `time`, `torch`, `torch.nn`,
`torch.nn.functional`, `torch.optim`, `nn.Module`/optimizer methods and
`Tensor` methods and attributes — is declared in one table,
`runtime/include/janus/Library.def`; this section is generated from it by
`scripts/gen-library-doc.py`. Anything not listed is rejected.

Signatures are those of CPython 3.11 and PyTorch 1.13, checked against the
real library by `scripts/check-library-signatures.py`
(`test/Frontend/library-signatures.test`). Every call of a library function,
class or method is checked against its signature at compile time — how many
positional arguments, which keyword names — and a call that could not bind
is an error with CPython's message, prefixed by the qualified name:

```
model.py:7:9: error: torch.sum() got an unexpected keyword argument 'foo'
model.py:8:9: error: torch.nn.functional.relu() takes from 1 to 2 positional arguments but 3 were given
model.py:9:9: error: torch.optim.SGD() missing 1 required positional argument: 'lr'
model.py:10:9: error: math.sqrt() got some positional-only arguments passed as keyword arguments: 'x'
```

Other messages: `got multiple values for argument 'dim'`, `missing 1
required keyword-only argument: 'x'`, `takes 1 positional argument but 2
were given`. Argument values and types are not checked at compile time; a
call that binds but is wrong for its values fails at run time as it does in
PyTorch.

How to read the signatures:

- `/` ends positional-only parameters; `*` or `*name` starts keyword-only
  ones; `**name` takes any other keyword.
- `name=...` means the argument may be left out but has no default value:
  the function behaves differently without it (CPython writes
  `getattr(object, name[, default])`).
- Where PyTorch has several overloads (`torch.max(input)`,
  `torch.max(input, dim, keepdim=False)`, `torch.max(input, other)`), the
  row is one signature that binds all of them; the notes list the overloads,
  and the run time picks one from the argument values.
- Parameters for things Janus does not have are not accepted: `out=` (Janus
  has no out arguments), `layout=`, `pin_memory=`, `memory_format=`,
  `generator=`, `names=`, and `file=` of `print`.
- Shape arguments written as `*size`/`*shape` take a tuple or separate
  integers (`x.view(2, 3)`, `x.view((2, 3))`), not a keyword
  (`torch.zeros(size=(2, 3))` is rejected).
"""


def cell(text):
    return text.replace("|", "\\|")


def code(text):
    # A backslash is literal inside a Markdown code span.
    return "`" + text + "`"


def render(modules, receivers, rows):
    groups = {}  # (title, prefix) -> rows, in table order
    for row in rows:
        if row["macro"] in ("METHOD", "ATTRIBUTE"):
            pyname = receivers[row["owner"]]
            key = ("`%s` methods and attributes" % pyname,
                   "x." if pyname == "Tensor" else pyname.lower() + ".")
            if pyname in ("list", "dict", "str"):
                key = ("`%s` methods" % pyname, pyname[0] + ".")
        else:
            dotted = modules[row["owner"]]
            key = ("builtins" if dotted == "builtins" else "`%s`" % dotted,
                   "" if dotted == "builtins" else dotted + ".")
        groups.setdefault(key, []).append(row)

    kinds = {"FUNCTION": "function", "CLASS": "class",
             "CONSTANT": "constant", "METHOD": "method",
             "ATTRIBUTE": "attribute"}
    out = [INTRO]
    for (title, prefix), group in groups.items():
        if not any(r["macro"] == "ATTRIBUTE" for r in group):
            title = title.replace(" methods and attributes", " methods")
        out.append("### %s\n" % title)
        out.append("| name | kind | signature | notes |")
        out.append("|---|---|---|---|")
        for row in group:
            name = prefix + row["name"]
            if row["sig"] is None:
                sig = code(name)
            else:
                sig = code("%s(%s)" % (name, row["sig"]))
            out.append("| `%s` | %s | %s | %s |" % (
                row["name"], kinds[row["macro"]], cell(sig),
                cell(row["notes"]) or "accepted"))
        out.append("")
    return "\n".join(out)


def main():
    table = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "runtime", "include", "janus", "Library.def")
    doc = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        ROOT, "docs", "language.md")
    section = render(*parse(table))
    text = open(doc, encoding="utf-8").read() if os.path.exists(doc) \
        else BEGIN + "\n" + END + "\n"
    begin, end = text.find(BEGIN), text.find(END)
    if begin < 0 or end < begin:
        sys.exit("%s: no %s ... %s markers" % (doc, BEGIN, END))
    text = text[:begin + len(BEGIN)] + "\n" + section + text[end:]
    with open(doc, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
