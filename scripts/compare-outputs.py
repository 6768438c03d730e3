#!/usr/bin/env python3
"""Differential testing of Janus programs against the oracle (CPython + PyTorch).

Usage:
  compare-outputs.py --oracle-only PATH...        every program runs under the oracle
  compare-outputs.py --janus "janus run" PATH...  oracle and Janus print the same
  compare-outputs.py --frontend JANUSC PATH...    janusc accepts every program
  compare-outputs.py --oracle-only --show PATH... also print the oracle's output

PATH is a program (.py) or a directory (searched recursively for .py files).

Ordinary programs: the oracle must run them without an exception and print
something; a program with a line `# OUTPUT: none` must print nothing (a
comment-only program), and so must the empty file (0 bytes, the one program
without a first-line comment). With --janus, the command (split like a shell would, the program
path appended) must exit 0 and print the oracle's stdout: text and integers
exactly, floats within the tolerance below. A program with a line
`# COMPARE: exact` is compared byte for byte (printing corner cases).

Error programs carry `# EXPECT-ERROR: Type: message` and
`# EXPECT-LOCATION: LINE:COL` (1-based, the start of the failing expression,
as janusc prints AST locations). Under the oracle they must raise exactly
that exception, innermost frame of the program at LINE:COL. A program that
also has `# ORACLE: no-error <why>` fails only in Janus (64-bit ints): the
oracle must then run it *without* an exception, and the expected Janus
stdout is given by `# EXPECT-STDOUT: text` lines (none: empty). Under
--janus an error program must exit non-zero, print the oracle's stdout (or
the EXPECT-STDOUT lines), and the first stderr line must be
`FILE:LINE:COL: error: Type: message` (janus_rt_format_error's format).

Tolerance (tolerant mode): two number tokens match when their texts are
equal, or both are floats with |a - b| <= ABS + REL * max(|a|, |b|)
(REL = 1e-5, ABS = 1e-6 by default), or both are printed with the same
notation and number of decimals (at least 4) and differ by at most one unit
in the last printed place (a rounding flip: tensors print 4 decimals, and
float32 results of a differently ordered reduction differ by a few ulps).
Integers (no '.' and no exponent) must be equal; an int never matches a
float. Other text must be equal, except that spacing may differ within a
block (a line and the indented lines after it, e.g. a tensor's rows) in
which a number matched only by tolerance (tensor columns are padded to the
widest element).

The oracle interpreter runs all programs of one invocation in a single
process (importing torch once), each through runpy with __name__ ==
"__main__", its own captured stdout/stderr, and reset state: torch's default
generator at its fresh-process seed, random seeded with 0, grad mode on,
default dtype float32, default print options.

Exit status: 0 when everything passed, 1 when something failed, 2 on a
usage error or when no oracle interpreter can import torch.
"""

import argparse
import json
import math
import os
import re
import shlex
import subprocess
import sys

DEFAULT_REL_TOL = 1e-5
DEFAULT_ABS_TOL = 1e-6
# torch.initial_seed() of a fresh process (c10's default_rng_seed_val).
TORCH_DEFAULT_SEED = 67280421310721
ORACLE_CANDIDATES = ["/usr/bin/python3", "python3"]

# ---------------------------------------------------------------------------
# Tokens and comparison
# ---------------------------------------------------------------------------

# A number may carry a sign when the character before it cannot end an
# operand (so "x-1" is 'x', '-', '1' but "[-0.5" is '[', '-0.5').
_TOKEN_RE = re.compile(r"""
    (?P<ws>[ \t]+)
  | (?P<num>(?:(?<![A-Za-z0-9_.)\]])[-+])?(?<![A-Za-z0-9_.])
            (?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![A-Za-z0-9_.]))
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


class Token:
    __slots__ = ("kind", "text", "col")

    def __init__(self, kind, text, col):
        self.kind = kind
        self.text = text
        self.col = col

    def __repr__(self):
        return "Token(%s, %r)" % (self.kind, self.text)


def tokenize(line):
    """Splits one line into ws / num / word / other tokens (col is 1-based)."""
    out = []
    for m in _TOKEN_RE.finditer(line):
        out.append(Token(m.lastgroup, m.group(), m.start() + 1))
    return out


def is_int_token(text):
    return re.fullmatch(r"[-+]?\d+", text) is not None


def last_place(text):
    """(notation, decimals, unit) of a float token: the value of one unit in
    its last printed digit."""
    mant, _, exp = text.lower().partition("e")
    decimals = len(mant.split(".", 1)[1]) if "." in mant else 0
    e = int(exp) if exp else 0
    return ("sci" if exp else "fixed"), decimals, 10.0 ** (e - decimals)


def numbers_match(a, b, rel_tol=DEFAULT_REL_TOL, abs_tol=DEFAULT_ABS_TOL):
    """Whether two number tokens agree under the tolerance (see module doc)."""
    if a == b:
        return True
    if is_int_token(a) or is_int_token(b):
        return False
    x, y = float(a), float(b)
    if math.isinf(x) or math.isinf(y):
        return False
    diff = abs(x - y)
    if diff <= abs_tol + rel_tol * max(abs(x), abs(y)):
        return True
    na, da, ua = last_place(a)
    nb, db, _ = last_place(b)
    if na == nb and da == db and da >= 4 and diff <= ua * (1 + 1e-9):
        return True
    return False


def compare_text(expected, actual, exact=False, rel_tol=DEFAULT_REL_TOL,
                 abs_tol=DEFAULT_ABS_TOL):
    """Returns None when the texts agree, else a report of the first
    difference with context."""
    if exact:
        if expected == actual:
            return None
    exp_lines = _lines(expected)
    act_lines = _lines(actual)
    for i in range(max(len(exp_lines), len(act_lines))):
        e = exp_lines[i] if i < len(exp_lines) else None
        a = act_lines[i] if i < len(act_lines) else None
        if e is None or a is None:
            why = ("output ends early" if a is None
                   else "unexpected extra output")
            return _report(exp_lines, act_lines, i, None, why)
        if exact:
            if e != a:
                col = next((k for k in range(min(len(e), len(a)))
                            if e[k] != a[k]), min(len(e), len(a)))
                return _report(exp_lines, act_lines, i, col + 1,
                               "text differs (exact comparison)")
            continue
        why, tolerated, ws_col = _compare_line(e, a, rel_tol, abs_tol)
        if why is not None:
            return _report(exp_lines, act_lines, i, why[0], why[1])
        # A block is a line and the indented lines that follow it (a
        # tensor's rows): spacing may differ in a block where a number
        # matched only by tolerance, since columns are padded alike.
        if i == 0 or not e[:1].isspace():
            block_tolerated, block_ws = False, None
        block_tolerated = block_tolerated or tolerated
        if ws_col is not None and block_ws is None:
            block_ws = (i, ws_col)
        block_ends = (i + 1 >= len(exp_lines) or
                      not exp_lines[i + 1][:1].isspace())
        if block_ends and block_ws is not None and not block_tolerated:
            return _report(exp_lines, act_lines, block_ws[0], block_ws[1],
                           "spacing differs")
    if expected.endswith("\n") != actual.endswith("\n"):
        return _report(exp_lines, act_lines, len(exp_lines) - 1, None,
                       "the final newline differs")
    return None


def _lines(text):
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def _compare_line(e, a, rel_tol, abs_tol):
    """Returns (None or (col, why), whether a number matched only by
    tolerance, the column of the first spacing difference or None)."""
    et, at = tokenize(e), tokenize(a)
    tolerated = False
    ws_diff = None
    i = j = 0
    while i < len(et) or j < len(at):
        x = et[i] if i < len(et) else None
        y = at[j] if j < len(at) else None
        if x is not None and y is not None and (x.kind == "ws") != (
                y.kind == "ws"):
            # spacing present on one side only
            if ws_diff is None:
                ws_diff = y.col
            if x.kind == "ws":
                i += 1
            else:
                j += 1
            continue
        if x is None or y is None:
            col = (y or x).col if y is not None else len(a) + 1
            return (col, "line ends early" if y is None else
                    "unexpected text %r" % y.text), tolerated, ws_diff
        if x.kind == "ws":
            if x.text != y.text and ws_diff is None:
                ws_diff = y.col
        elif x.kind == "num" and y.kind == "num":
            if not numbers_match(x.text, y.text, rel_tol, abs_tol):
                return ((y.col, "number %s, expected %s" % (y.text, x.text)),
                        tolerated, ws_diff)
            if x.text != y.text:
                tolerated = True
        elif x.kind != y.kind or x.text != y.text:
            return ((y.col, "%r, expected %r" % (y.text, x.text)),
                    tolerated, ws_diff)
        i += 1
        j += 1
    return None, tolerated, ws_diff


def _report(exp_lines, act_lines, i, col, why):
    where = "line %d" % (i + 1) + (", column %d" % col if col else "")
    out = ["first difference at %s: %s" % (where, why)]
    lo = max(0, i - 2)
    out.append("  expected (oracle):")
    for k in range(lo, min(i + 2, len(exp_lines))):
        out.append("  %s %4d| %s" % (">" if k == i else " ", k + 1,
                                      exp_lines[k]))
    out.append("  actual:")
    for k in range(lo, min(i + 2, len(act_lines))):
        out.append("  %s %4d| %s" % (">" if k == i else " ", k + 1,
                                      act_lines[k]))
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Programs and their directives
# ---------------------------------------------------------------------------

class Program:
    def __init__(self, path):
        self.path = path
        self.name = path
        self.exact = False
        self.expect_error = None
        self.expect_location = None
        self.oracle_no_error = None
        self.expect_stdout = []
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        self.has_header = text.startswith("# ")
        # The empty file has no room for a header or directives: it is the
        # program that prints nothing.
        self.is_empty = text == ""
        self.no_output = self.is_empty
        with open(path, encoding="utf-8") as f:
            for line in f:
                s = line.strip()
                if not s.startswith("#"):
                    continue
                s = s[1:].strip()
                if s == "COMPARE: exact":
                    self.exact = True
                elif s == "OUTPUT: none":
                    self.no_output = True
                elif s.startswith("EXPECT-ERROR:"):
                    self.expect_error = s[len("EXPECT-ERROR:"):].strip()
                elif s.startswith("EXPECT-LOCATION:"):
                    loc = s[len("EXPECT-LOCATION:"):].strip()
                    ln, col = loc.split(":")
                    self.expect_location = (int(ln), int(col))
                elif s.startswith("ORACLE: no-error"):
                    self.oracle_no_error = s[len("ORACLE: no-error"):].strip()
                elif s.startswith("EXPECT-STDOUT:"):
                    text = line.split("EXPECT-STDOUT:", 1)[1].rstrip("\n")
                    self.expect_stdout.append(text[1:] if text.startswith(" ")
                                              else text)

    @property
    def is_error_program(self):
        return self.expect_error is not None


KNOWN_FAILURES = "janus-known-failures.txt"


def load_known_failures(paths):
    """{program path: reason} from the janus-known-failures.txt of each
    directory in paths. A line is `PATH REASON` (PATH relative to that
    directory); blank lines and lines starting with `#` are ignored."""
    known = {}
    for p in paths:
        listing = os.path.join(p, KNOWN_FAILURES)
        if not (os.path.isdir(p) and os.path.isfile(listing)):
            continue
        with open(listing, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                s = line.strip()
                if not s or s.startswith("#"):
                    continue
                parts = s.split(None, 1)
                path = os.path.normpath(os.path.join(p, parts[0]))
                if not os.path.isfile(path):
                    raise SystemExit("compare-outputs: error: %s:%d: no such "
                                     "program: %s" % (listing, n, parts[0]))
                known[path] = parts[1] if len(parts) > 1 else ""
    return known


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith(".py"):
                        files.append(os.path.join(root, n))
        elif os.path.isfile(p):
            files.append(p)
        else:
            raise SystemExit("compare-outputs: error: no such file or "
                             "directory: %s" % p)
    return files


# ---------------------------------------------------------------------------
# The oracle
# ---------------------------------------------------------------------------

def find_oracle(explicit):
    candidates = [explicit] if explicit else (
        [os.environ["JANUS_ORACLE"]] if os.environ.get("JANUS_ORACLE")
        else ORACLE_CANDIDATES)
    tried = []
    for c in candidates:
        try:
            # find_spec: as good as importing torch here, without the cost
            r = subprocess.run(
                [c, "-c", "import importlib.util, sys; "
                 "sys.exit(importlib.util.find_spec('torch') is None)"],
                capture_output=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            tried.append("%s (%s)" % (c, e))
            continue
        if r.returncode == 0:
            return c
        tried.append("%s (cannot import torch)" % c)
    raise SystemExit("compare-outputs: error: no oracle interpreter can "
                     "import torch; tried: " + ", ".join(tried) +
                     ". Pass --oracle PYTHON (Debian's /usr/bin/python3 with "
                     "python3-torch).")


def run_oracle(oracle, files, timeout):
    """Runs every file under the oracle in one process; returns a dict
    path -> {stdout, stderr, error}."""
    env = dict(os.environ)
    env.setdefault("OMP_NUM_THREADS", "1")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONHASHSEED"] = "0"
    cmd = [oracle, os.path.abspath(__file__), "--oracle-batch"] + \
        [os.path.abspath(f) for f in files]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                       env=env)
    if r.returncode != 0:
        raise SystemExit("compare-outputs: error: the oracle batch failed "
                         "(exit %d):\n%s" % (r.returncode, r.stderr))
    results = json.loads(r.stdout)
    return {f: results[os.path.abspath(f)] for f in files}


def _reset_state(random):
    random.seed(0)
    torch = sys.modules.get("torch")
    if torch is None:  # imported by the first program that uses it
        return
    torch.manual_seed(TORCH_DEFAULT_SEED)
    torch.set_grad_enabled(True)
    torch.set_default_dtype(torch.float32)
    torch.set_printoptions(profile="default", sci_mode=None)


def oracle_batch(files):
    """Runs in the oracle interpreter: each program through runpy with its
    own captured output; prints one JSON object on the real stdout."""
    import contextlib
    import io
    import random
    import runpy
    import traceback
    import warnings

    real_stdout = sys.stdout
    results = {}
    saved_argv = sys.argv
    saved_path = list(sys.path)
    for path in files:
        _reset_state(random)
        out, err = io.StringIO(), io.StringIO()
        error = None
        sys.argv = [path]
        sys.path[:] = [os.path.dirname(path)] + saved_path
        try:
            with contextlib.redirect_stdout(out), \
                    contextlib.redirect_stderr(err), \
                    warnings.catch_warnings():
                warnings.simplefilter("default")
                runpy.run_path(path, run_name="__main__")
        except BaseException as e:  # the program's own failure
            frames = [f for f in traceback.extract_tb(e.__traceback__)
                      if os.path.abspath(f.filename) == path]
            line = col = None
            if frames:
                line = frames[-1].lineno
                col = (frames[-1].colno + 1
                       if frames[-1].colno is not None else None)
            msg = str(e)
            error = {"type": type(e).__name__, "message": msg,
                     "text": type(e).__name__ + (": " + msg if msg else ""),
                     "line": line, "col": col,
                     "traceback": "".join(traceback.format_exception(e))}
        results[path] = {"stdout": out.getvalue(), "stderr": err.getvalue(),
                         "error": error}
    sys.argv = saved_argv
    sys.path[:] = saved_path
    real_stdout.write(json.dumps(results))
    real_stdout.flush()


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------

def check_oracle(prog, res):
    """The oracle-only checks; returns None or the reason for failure."""
    if not prog.has_header and not prog.is_empty:
        return ("the first line must be a '# ' comment saying what the "
                "program covers")
    err = res["error"]
    if not prog.is_error_program:
        if err is not None:
            return "the oracle raised:\n" + err["traceback"]
        if prog.no_output:
            if res["stdout"]:
                return ("the program must print nothing (OUTPUT: none or "
                        "the empty file), but the oracle printed:\n" +
                        res["stdout"])
            return None
        if not res["stdout"]:
            return "the oracle printed nothing"
        return None
    if prog.expect_location is None:
        return "EXPECT-ERROR without EXPECT-LOCATION"
    if prog.oracle_no_error is not None:
        if err is not None:
            return ("ORACLE: no-error, but the oracle raised:\n" +
                    err["traceback"])
        # Janus behaves like CPython up to the failing operation, so the
        # hand-written EXPECT-STDOUT must be where CPython's output starts.
        expected = "".join(t + "\n" for t in prog.expect_stdout)
        if not res["stdout"].startswith(expected):
            return ("the EXPECT-STDOUT lines are not the start of the "
                    "oracle's output:\n" +
                    compare_text(expected, res["stdout"][:len(expected)],
                                 exact=True))
        return None
    if err is None:
        return "the oracle did not raise %s" % prog.expect_error
    problems = []
    if err["text"] != prog.expect_error:
        problems.append("the oracle raised %r, EXPECT-ERROR is %r"
                        % (err["text"], prog.expect_error))
    if (err["line"], err["col"]) != prog.expect_location:
        problems.append("the oracle failed at %s:%s, EXPECT-LOCATION is %d:%d"
                        % (err["line"], err["col"], *prog.expect_location))
    return "; ".join(problems) or None


def check_janus(prog, res, janus_cmd, timeout, rel_tol, abs_tol):
    why = check_oracle(prog, res)
    if why is not None:
        return "oracle: " + why
    cmd = shlex.split(janus_cmd) + [prog.path]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return "janus timed out after %d s" % timeout
    except OSError as e:
        return "cannot run %r: %s" % (janus_cmd, e)
    if not prog.is_error_program:
        if r.returncode != 0:
            return "janus exited %d:\n%s" % (r.returncode, r.stderr)
        return compare_text(res["stdout"], r.stdout, prog.exact,
                            rel_tol, abs_tol)
    if r.returncode == 0:
        return "janus exited 0; expected %s" % prog.expect_error
    first = r.stderr.split("\n", 1)[0]
    line, col = prog.expect_location
    suffix = ":%d:%d: error: %s" % (line, col, prog.expect_error)
    if not (first.endswith(suffix) and
            os.path.basename(first[:-len(suffix)]) ==
            os.path.basename(prog.path)):
        return ("janus's first stderr line is %r; expected FILE%s"
                % (first, suffix))
    expected_out = ("".join(t + "\n" for t in prog.expect_stdout)
                    if prog.oracle_no_error is not None else res["stdout"])
    return compare_text(expected_out, r.stdout, prog.exact, rel_tol, abs_tol)


_AST_LOC_RE = re.compile(r"<(\d+):(\d+)>")


def check_frontend(prog, janusc):
    # Error programs: --emit=ast (Sema runs first, as in a plain run) to
    # also see where AST nodes start; others: exactly `janusc FILE`.
    with_ast = prog.is_error_program and prog.expect_location is not None
    cmd = [janusc] + (["--emit=ast"] if with_ast else []) + [prog.path]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0 or r.stderr or (r.stdout and not with_ast):
        return "janusc exited %d:\n%s%s" % (r.returncode, r.stdout, r.stderr)
    if with_ast:
        locs = {(int(a), int(b)) for a, b in _AST_LOC_RE.findall(r.stdout)}
        if prog.expect_location not in locs:
            return ("no AST node starts at EXPECT-LOCATION %d:%d "
                    "(janusc --emit=ast)" % prog.expect_location)
    return None


def main(argv):
    if len(argv) > 1 and argv[1] == "--oracle-batch":
        oracle_batch(argv[2:])
        return 0
    ap = argparse.ArgumentParser(
        description="Run Janus programs under the oracle (CPython + PyTorch) "
        "and compare with Janus.")
    ap.add_argument("paths", nargs="+", help="programs or directories")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--oracle-only", action="store_true",
                      help="only check that the oracle runs every program "
                      "as its directives say")
    mode.add_argument("--janus", metavar="CMD",
                      help="command that runs a program (e.g. "
                      "'build/tools/janus/janus run'); the path is appended")
    mode.add_argument("--frontend", metavar="JANUSC",
                      help="check that janusc accepts every program (and "
                      "that EXPECT-LOCATIONs are AST node locations)")
    ap.add_argument("--oracle", metavar="PYTHON",
                    help="oracle interpreter (default: $JANUS_ORACLE, else "
                    "the first of /usr/bin/python3, python3 that can import "
                    "torch)")
    ap.add_argument("--rel-tol", type=float, default=DEFAULT_REL_TOL)
    ap.add_argument("--abs-tol", type=float, default=DEFAULT_ABS_TOL)
    ap.add_argument("--timeout", type=int, default=60,
                    help="seconds per Janus run (the oracle batch gets "
                    "this times the number of programs)")
    ap.add_argument("-j", "--jobs", type=int, default=1,
                    help="programs checked in parallel (Janus runs, janusc)")
    ap.add_argument("--show", action="store_true",
                    help="also print what the oracle printed for each "
                    "program (stdout, and the error it raised)")
    ap.add_argument("-q", "--quiet", action="store_true",
                    help="print only failures and the summary")
    args = ap.parse_args(argv[1:])

    programs = [Program(f) for f in collect(args.paths)]
    if not programs:
        print("compare-outputs: error: no programs found", file=sys.stderr)
        return 2
    # --janus on a directory: programs listed in its janus-known-failures.txt
    # are expected to fail (and one that passes is an error).
    known = load_known_failures(args.paths) if args.janus else {}
    failures = 0
    expected = 0
    if args.frontend:
        results = {p.path: None for p in programs}
    else:
        oracle = find_oracle(args.oracle)
        results = run_oracle(oracle, [p.path for p in programs],
                             max(120, args.timeout * len(programs)))
    def check(prog):
        if args.frontend:
            return check_frontend(prog, args.frontend)
        if args.oracle_only:
            return check_oracle(prog, results[prog.path])
        return check_janus(prog, results[prog.path], args.janus,
                           args.timeout, args.rel_tol, args.abs_tol)

    if args.jobs > 1:
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(args.jobs) as pool:
            verdicts = list(pool.map(check, programs))
    else:
        verdicts = [check(p) for p in programs]
    for prog, why in zip(programs, verdicts):
        if args.show and results[prog.path] is not None:
            res = results[prog.path]
            print("--- oracle output of %s" % prog.name)
            sys.stdout.write(res["stdout"])
            if res["error"] is not None:
                print("--- raised at %s:%s: %s" % (res["error"]["line"],
                                                  res["error"]["col"],
                                                  res["error"]["text"]))
        reason = known.get(os.path.normpath(prog.path))
        if reason is not None and why is None:
            failures += 1
            print("FAIL %s: passes but is listed in %s (%s); remove it from "
                  "the known-failures list" % (prog.name, KNOWN_FAILURES,
                                               reason))
        elif reason is not None:
            expected += 1
            if not args.quiet:
                print("XFAIL %s: %s" % (prog.name, reason))
        elif why is None:
            if not args.quiet:
                print("PASS %s" % prog.name)
        else:
            failures += 1
            print("FAIL %s: %s" % (prog.name, why))
    what = ("front end" if args.frontend else
            "oracle only" if args.oracle_only else "oracle vs janus")
    print("%d programs (%s): %d passed, %d failed%s"
          % (len(programs), what, len(programs) - failures - expected,
             failures, ", %d expected failures (%s)" % (expected, KNOWN_FAILURES)
             if known else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
