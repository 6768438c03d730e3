#!/usr/bin/python3
"""Compares Janus's library table with the real Python and PyTorch.

Usage: /usr/bin/python3 scripts/check-library-signatures.py runtime/include/janus/Library.def

runtime/include/janus/Library.def declares, for every builtin, module
function, class, method and attribute a Janus program may use, the signature
Sema checks calls against. Janus's semantics are CPython + PyTorch 1.13's, so
those signatures must be the real ones. This script checks that every row
names something that exists in the oracle (the interpreter that can import
torch), and, for every row whose target inspect.signature can read (Python
functions and classes: torch.nn.functional, torch.nn, torch.optim, math,
random, most builtins and list/str methods, nn.Module methods and the few
Tensor methods written in Python), that parameter names, kinds, order and
default values match. Rows for C-implemented torch functions and Tensor
methods cannot be introspected; they are spot-checked by
test/Unit/LibraryTest.cpp.

The table leaves out parameters that name things Janus does not have (`out=`,
`layout=`, ...): those are listed in OMITTED and ignored on the oracle's side.
Prints one line per mismatch and exits 1 if there is any.
"""

import builtins
import inspect
import math  # noqa: F401 (resolved by name)
import random  # noqa: F401
import sys
import time  # noqa: F401

import torch
import torch.nn  # noqa: F401
import torch.nn.functional as F
import torch.optim
from torch.optim.optimizer import required

import library_def

# Parameters the table omits on purpose (see the comment in Library.def).
OMITTED = {"out", "layout", "pin_memory", "memory_format", "generator", "names"}
# Per-row omissions: qualified name -> parameter names.
OMITTED_FOR = {"print": {"file"}}

RECEIVERS = {
    "list": list,
    "dict": dict,
    "str": str,
    "Tensor": torch.Tensor,
    "Module": torch.nn.Module,
    # The base Optimizer's step(closure) has no default; the optimizers
    # Janus supports all define step(closure=None).
    "Optimizer": torch.optim.SGD,
}

def parse_rows(path):
    """The table's rows as (macro, ident, owner, name, sig) tuples."""
    modules, receivers, rows = library_def.parse(path)
    return modules, receivers, [
        (r["macro"], r["ident"], r["owner"], r["name"], r["sig"]) for r in rows]


def split_top_level(text):
    """Splits at commas outside brackets and quotes, like Library.cpp."""
    pieces, depth, quote, start, i = [], 0, None, 0, 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            pieces.append(text[start:i].strip())
            start = i + 1
        i += 1
    pieces.append(text[start:].strip())
    return pieces


P = inspect.Parameter


def parse_signature(text):
    """Returns [(name, kind, default text or None)] for the table's text."""
    params, star = [], False
    if not text.strip():
        return params
    for piece in split_top_level(text):
        if piece == "/":
            params = [(n, P.POSITIONAL_ONLY, d) for n, _, d in params]
        elif piece.startswith("**"):
            params.append((piece[2:], P.VAR_KEYWORD, None))
        elif piece.startswith("*"):
            star = True
            if piece[1:].strip():
                params.append((piece[1:].strip(), P.VAR_POSITIONAL, None))
        else:
            name, _, default = piece.partition("=")
            kind = P.KEYWORD_ONLY if star else P.POSITIONAL_OR_KEYWORD
            params.append((name.strip(), kind, default.strip() or None))
    return params


def oracle_signature(owner_obj, name, is_class):
    """The oracle's parameters, or None when they cannot be read."""
    target = getattr(owner_obj, name)
    drop = []
    if target is F.max_pool2d:
        # A boolean_dispatch wrapper; both targets share this signature.
        target = F._max_pool2d
    if target is torch.nn.LSTM:
        # LSTM(*args, **kwargs) forwards to RNNBase(mode, ...).
        target, drop = torch.nn.RNNBase.__init__, ["self", "mode"]
    # torch.optim wraps step() in a closure over the real function `func`.
    code = getattr(target, "__code__", None)
    if code is not None and code.co_freevars == ("func",):
        target = target.__closure__[0].cell_contents
    try:
        sig = inspect.signature(target)
    except (ValueError, TypeError):
        return None
    params = [p for p in sig.parameters.values() if p.name not in drop]
    if not is_class and isinstance(owner_obj, type) and params and \
            params[0].name == "self":
        params = params[1:]
    kinds = [p.kind for p in params]
    if kinds == [P.VAR_POSITIONAL, P.VAR_KEYWORD]:
        return None  # A wrapper that hides the real signature.
    return params


def same_default(text, real):
    if text == "...":
        # "May be omitted, no default": the oracle must use a sentinel.
        return real is not P.empty and real is not None
    value = eval(text, {"torch": torch, "math": math})  # noqa: S307
    return type(value) is type(real) and value == real


def compare(qualified, table, real):
    omitted = OMITTED | OMITTED_FOR.get(qualified, set())
    real = [p for p in real if p.name not in omitted]
    problems = []
    if [n for n, _, _ in table] != [p.name for p in real]:
        problems.append("names (%s) vs oracle (%s)" % (
            ", ".join(n for n, _, _ in table),
            ", ".join(p.name for p in real)))
        return problems
    for (name, kind, default), p in zip(table, real):
        if kind != p.kind:
            problems.append("'%s' is %s, oracle says %s" % (
                name, kind.description, p.kind.description))
        real_default = P.empty if p.default is required else p.default
        if default is None and real_default is not P.empty:
            problems.append("'%s' has no default, oracle's is %r" % (
                name, real_default))
        elif default is not None and real_default is P.empty:
            problems.append("'%s' has default %s, oracle has none" % (
                name, default))
        elif default is not None and not same_default(default, real_default):
            problems.append("'%s' default %s, oracle's is %r" % (
                name, default, real_default))
    return problems


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    modules, receivers, rows = parse_rows(sys.argv[1])
    checked = existing = 0
    mismatches = []
    for macro, ident, owner, name, sig in rows:
        if macro in ("FUNCTION", "CLASS", "CONSTANT"):
            dotted = modules[owner]
            owner_obj = builtins if dotted == "builtins" else eval(
                dotted, {"torch": torch, "math": math, "random": random,
                         "time": time})  # noqa: S307
            qualified = name if dotted == "builtins" else dotted + "." + name
        else:
            owner_obj = RECEIVERS[receivers[owner]]
            qualified = receivers[owner] + "." + name
        if not hasattr(owner_obj, name):
            mismatches.append("%s (%s): does not exist in the oracle" %
                              (qualified, ident))
            continue
        existing += 1
        if sig is None:
            continue  # Constants and attributes: existence is all.
        real = oracle_signature(owner_obj, name, macro == "CLASS")
        if real is None:
            continue
        checked += 1
        for problem in compare(qualified, parse_signature(sig), real):
            mismatches.append("%s (%s): %s" % (qualified, ident, problem))
    for m in mismatches:
        print(m)
    print("%d rows exist in the oracle; %d signatures compared with "
          "inspect.signature; %d mismatches" %
          (existing, checked, len(mismatches)))
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
