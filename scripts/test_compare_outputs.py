#!/usr/bin/env python3
"""Unit tests of scripts/compare-outputs.py (run with the oracle interpreter:
/usr/bin/python3 scripts/test_compare_outputs.py; lit runs it from
test/Programs/compare-outputs-unit.test).

The tokenizer, the float tolerance, the first-difference report, the
program directives and the oracle checks are tested on strings; the --janus
mode end to end on a few tiny programs, with stand-in "janus" commands
written here (CPython printing errors in Janus's format, and one that prints
a wrong number)."""

import importlib.util
import io
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "compare-outputs.py")
_spec = importlib.util.spec_from_file_location("compare_outputs", SCRIPT)
co = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(co)


def kinds(line):
    return [(t.kind, t.text) for t in co.tokenize(line) if t.kind != "ws"]


class TokenizeTest(unittest.TestCase):
    def test_tensor_line(self):
        self.assertEqual(kinds("tensor([-0.5000,  1.0000])"), [
            ("word", "tensor"), ("other", "("), ("other", "["),
            ("num", "-0.5000"), ("other", ","), ("num", "1.0000"),
            ("other", "]"), ("other", ")")])

    def test_minus_after_operand_is_not_a_sign(self):
        self.assertEqual(kinds("x-1 (2)-3 [4]-5"), [
            ("word", "x"), ("other", "-"), ("num", "1"), ("other", "("),
            ("num", "2"), ("other", ")"), ("other", "-"), ("num", "3"),
            ("other", "["), ("num", "4"), ("other", "]"), ("other", "-"),
            ("num", "5")])

    def test_digits_inside_words_are_not_numbers(self):
        self.assertEqual(kinds("grad_fn=<AddBackward0> fc1.weight"), [
            ("word", "grad_fn"), ("other", "="), ("other", "<"),
            ("word", "AddBackward0"), ("other", ">"), ("word", "fc1"),
            ("other", "."), ("word", "weight")])

    def test_number_forms(self):
        self.assertEqual(
            [t for k, t in kinds("1e-05 1. .5 -2.5E+3 1e+16 +7 0x1F") if
             k == "num"],
            ["1e-05", "1.", ".5", "-2.5E+3", "1e+16", "+7"])
        # inf and nan are words: compared as text
        self.assertEqual(kinds("inf -nan"), [
            ("word", "inf"), ("other", "-"), ("word", "nan")])

    def test_columns_are_one_based(self):
        toks = co.tokenize("ab 12")
        self.assertEqual([(t.text, t.col) for t in toks],
                         [("ab", 1), (" ", 3), ("12", 4)])


class NumbersMatchTest(unittest.TestCase):
    def test_ints_are_exact(self):
        self.assertTrue(co.numbers_match("42", "42"))
        self.assertFalse(co.numbers_match("100000000", "100000001"))
        self.assertFalse(co.numbers_match("1", "1.0"))
        self.assertFalse(co.numbers_match("1.", "1"))

    def test_relative_tolerance(self):
        self.assertTrue(co.numbers_match("0.6931471824645996",
                                         "0.6931471805599453"))
        self.assertTrue(co.numbers_match("0.30000000000000004", "0.3"))
        self.assertTrue(co.numbers_match("123456.7", "123457.5"))
        self.assertFalse(co.numbers_match("123456.7", "123460.0"))
        self.assertTrue(co.numbers_match("1e-05", "1.00000001e-05"))

    def test_absolute_tolerance_near_zero(self):
        self.assertTrue(co.numbers_match("0.0", "-3e-07"))
        self.assertTrue(co.numbers_match("-0.0000", "0.0000"))
        self.assertFalse(co.numbers_match("0.0", "1e-05"))

    def test_one_unit_in_the_last_printed_place(self):
        # a rounding flip of a 4-decimal tensor element
        self.assertTrue(co.numbers_match("0.1234", "0.1235"))
        self.assertTrue(co.numbers_match("1.2346e-05", "1.2347e-05"))
        self.assertFalse(co.numbers_match("0.1234", "0.1236"))
        # fewer than 4 decimals: no allowance
        self.assertFalse(co.numbers_match("0.3", "0.4"))
        self.assertFalse(co.numbers_match("2.67", "2.68"))
        # different notations or decimals: no allowance
        self.assertFalse(co.numbers_match("0.1234", "0.12350"))

    def test_inf(self):
        self.assertTrue(co.numbers_match("1e+308", "1e+308"))
        self.assertFalse(co.numbers_match("1e308", "1e309"))

    def test_custom_tolerance(self):
        self.assertFalse(co.numbers_match("1.0", "1.001"))
        self.assertTrue(co.numbers_match("1.0", "1.001", rel_tol=1e-2))


class CompareTextTest(unittest.TestCase):
    def test_equal(self):
        self.assertIsNone(co.compare_text("a 1 2.5\n", "a 1 2.5\n"))
        self.assertIsNone(co.compare_text("x\n", "x\n", exact=True))

    def test_tolerated_number(self):
        self.assertIsNone(co.compare_text("loss 0.693147\n",
                                          "loss 0.693148\n"))
        self.assertIsNotNone(co.compare_text("loss 0.693147\n",
                                             "loss 0.693148\n", exact=True))

    def test_text_and_int_differences(self):
        r = co.compare_text("a\nstep 1 ok\nc\n", "a\nstep 2 ok\nc\n")
        self.assertIn("first difference at line 2, column 6", r)
        self.assertIn("number 2, expected 1", r)
        self.assertIn(">    2| step 1 ok", r)
        self.assertIn(">    2| step 2 ok", r)
        r = co.compare_text("True\n", "False\n")
        self.assertIn("'False', expected 'True'", r)

    def test_line_counts(self):
        r = co.compare_text("a\nb\n", "a\n")
        self.assertIn("line 2", r)
        self.assertIn("output ends early", r)
        r = co.compare_text("a\n", "a")
        self.assertIn("final newline differs", r)
        r = co.compare_text("a\n", "a\nb\n")
        self.assertIn("unexpected extra output", r)
        r = co.compare_text("a b\n", "a\n")
        self.assertIn("line ends early", r)

    def test_spacing(self):
        # spacing must match...
        r = co.compare_text("tensor([1, 2])\n", "tensor([1,  2])\n")
        self.assertIn("spacing differs", r)
        # ...unless a number on the line matched only by tolerance (tensor
        # columns are padded to the widest printed element)
        self.assertIsNone(co.compare_text("tensor([-0.0000,  1.0000])\n",
                                          "tensor([0.0000, 1.0000])\n"))
        # ...or in the rest of its block: the indented rows of one tensor
        self.assertIsNone(co.compare_text(
            "tensor([[-0.0000,  1.0000],\n        [ 2.0000,  3.0000]])\n",
            "tensor([[0.0000, 1.0000],\n        [2.0000, 3.0000]])\n"))
        r = co.compare_text(
            "tensor([[ 1,  1],\n        [ 2,  3]])\nnext  line\n",
            "tensor([[1, 1],\n        [2, 3]])\nnext  line\n")
        self.assertIn("line 1, column 10: spacing differs", r)
        # a tolerated number in one block does not excuse the next block
        r = co.compare_text("x 0.1234567\ny  z\n", "x 0.1234568\ny z\n")
        self.assertIn("line 2, column 2: spacing differs", r)
        # exact mode reports the column of the first differing character
        r = co.compare_text("ab c\n", "ab  c\n", exact=True)
        self.assertIn("line 1, column 4", r)


def write(dirname, name, text):
    path = os.path.join(dirname, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(textwrap.dedent(text).lstrip("\n"))
    return path


class DirectivesTest(unittest.TestCase):
    def test_parse(self):
        with tempfile.TemporaryDirectory() as d:
            p = co.Program(write(d, "e.py", """
                # overflow
                # ORACLE: no-error (CPython ints do not overflow)
                # EXPECT-ERROR: OverflowError: integer result does not fit in 64 bits
                # EXPECT-LOCATION: 7:5
                # EXPECT-STDOUT: first line
                # EXPECT-STDOUT:  two spaces
                x = 2 ** 64
                """))
            self.assertTrue(p.is_error_program)
            self.assertEqual(p.expect_error, "OverflowError: integer result "
                             "does not fit in 64 bits")
            self.assertEqual(p.expect_location, (7, 5))
            self.assertEqual(p.expect_stdout, ["first line", " two spaces"])
            self.assertIsNotNone(p.oracle_no_error)
            q = co.Program(write(d, "x.py", "# COMPARE: exact\nprint(1)\n"))
            self.assertTrue(q.exact)
            self.assertFalse(q.is_error_program)


def result(stdout="", error=None):
    return {"stdout": stdout, "stderr": "", "error": error}


def error(text, line, col):
    t, _, m = text.partition(": ")
    return {"type": t, "message": m, "text": text, "line": line, "col": col,
            "traceback": "Traceback ...\n" + text + "\n"}


class CheckOracleTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        d = self.dir.name
        self.plain = co.Program(write(d, "p.py", "# prints 1\nprint(1)\n"))
        self.bare = co.Program(write(d, "b.py", "print(1)\n"))
        self.empty = co.Program(write(d, "z.py", ""))
        self.silent = co.Program(write(d, "c.py", "# OUTPUT: none\n# x\n"))
        self.err = co.Program(write(d, "e.py", """
            # EXPECT-ERROR: KeyError: 'k'
            # EXPECT-LOCATION: 4:7
            d = {}
            print(d["k"])
            """))
        self.only = co.Program(write(d, "o.py", """
            # ORACLE: no-error (64-bit ints)
            # EXPECT-ERROR: OverflowError: integer result does not fit in 64 bits
            # EXPECT-LOCATION: 5:7
            # EXPECT-STDOUT: 1
            print(1)
            print(2 ** 64)
            """))

    def tearDown(self):
        self.dir.cleanup()

    def test_plain(self):
        self.assertIsNone(co.check_oracle(self.plain, result("1\n")))
        self.assertIn("printed nothing",
                      co.check_oracle(self.plain, result("")))
        self.assertIn("raised", co.check_oracle(
            self.plain, result("", error("ValueError: x", 1, 1))))
        self.assertIn("first line must be a '# ' comment",
                      co.check_oracle(self.bare, result("1\n")))

    def test_no_output(self):
        # The empty file needs no header and must print nothing, as must a
        # program marked OUTPUT: none.
        self.assertTrue(self.empty.no_output)
        self.assertIsNone(co.check_oracle(self.empty, result("")))
        self.assertIn("but the oracle printed",
                      co.check_oracle(self.empty, result("1\n")))
        self.assertTrue(self.silent.no_output)
        self.assertFalse(self.plain.no_output)
        self.assertIsNone(co.check_oracle(self.silent, result("")))
        self.assertIn("but the oracle printed",
                      co.check_oracle(self.silent, result("x\n")))

    def test_error_program(self):
        self.assertIsNone(co.check_oracle(
            self.err, result("", error("KeyError: 'k'", 4, 7))))
        self.assertIn("did not raise", co.check_oracle(self.err, result("")))
        self.assertIn("EXPECT-ERROR is", co.check_oracle(
            self.err, result("", error("KeyError: 'j'", 4, 7))))
        self.assertIn("EXPECT-LOCATION is 4:7", co.check_oracle(
            self.err, result("", error("KeyError: 'k'", 4, 8))))

    def test_janus_only_error(self):
        self.assertIsNone(co.check_oracle(
            self.only, result("1\n18446744073709551616\n")))
        self.assertIn("not the start", co.check_oracle(
            self.only, result("2\n")))
        self.assertIn("but the oracle raised", co.check_oracle(
            self.only, result("1\n", error("ValueError: v", 5, 7))))


class EndToEndTest(unittest.TestCase):
    """compare-outputs.py main() against stand-in janus commands."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.tmp.name
        cls.progs = os.path.join(d, "progs")
        write(cls.progs, "floats.py", """
            # tolerant comparison
            print("half", 0.5, 1 / 3, [1, 2])
            """)
        write(cls.progs, "exact.py", """
            # COMPARE: exact
            print(0.1 + 0.2)
            """)
        write(cls.progs, "errors/key.py", """
            # EXPECT-ERROR: KeyError: 'k'
            # EXPECT-LOCATION: 5:11
            d = {"a": 1}
            print(d["a"])
            print(1 + d["k"])
            """)
        # CPython standing in for `janus run`: errors in Janus's format.
        cls.cpython_janus = write(d, "cpython_janus.py", """
            import os, runpy, sys, traceback
            path = sys.argv[1]
            try:
                runpy.run_path(path, run_name="__main__")
            except Exception as e:
                f = [x for x in traceback.extract_tb(e.__traceback__)
                     if os.path.abspath(x.filename) == os.path.abspath(path)][-1]
                msg = str(e)
                sys.stdout.flush()
                sys.stderr.write("%s:%d:%d: error: %s%s\\n" % (
                    path, f.lineno, f.colno + 1, type(e).__name__,
                    ": " + msg if msg else ""))
                sys.exit(1)
            """)
        # A "janus" that gets the last digit of 1/3 wrong at 1e-3.
        cls.wrong_janus = write(d, "wrong_janus.py", """
            import sys
            print("half 0.5 0.3336666666666666 [1, 2]")
            """)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_main(self, *args):
        out = io.StringIO()
        with redirect_stdout(out):
            rc = co.main(["compare-outputs.py", "--oracle", sys.executable]
                         + list(args))
        return rc, out.getvalue()

    def test_cpython_as_janus_passes(self):
        rc, out = self.run_main(
            "--janus", "%s %s" % (sys.executable, self.cpython_janus),
            self.progs)
        self.assertEqual(rc, 0, out)
        self.assertIn("3 programs (oracle vs janus): 3 passed, 0 failed", out)

    def test_wrong_output_fails_with_report(self):
        prog = os.path.join(self.progs, "floats.py")
        rc, out = self.run_main(
            "--janus", "%s %s" % (sys.executable, self.wrong_janus), prog)
        self.assertEqual(rc, 1)
        self.assertIn("FAIL", out)
        self.assertIn("number 0.3336666666666666, expected "
                      "0.3333333333333333", out)

    def test_error_program_needs_the_error_line(self):
        prog = os.path.join(self.progs, "errors", "key.py")
        rc, out = self.run_main(
            "--janus", "%s %s" % (sys.executable, self.wrong_janus), prog)
        self.assertEqual(rc, 1)
        self.assertIn("janus exited 0; expected KeyError: 'k'", out)

    def test_known_failures(self):
        # A listed failure is expected; a listed pass is an error.
        d = os.path.join(self.tmp.name, "known")
        write(d, "floats.py", """
            # tolerant comparison
            print("half", 0.5, 1 / 3, [1, 2])
            """)
        write(d, "plain.py", """
            # plain
            print("half 0.5 0.3336666666666666 [1, 2]")
            """)
        janus = "%s %s" % (sys.executable, self.wrong_janus)
        with open(os.path.join(d, co.KNOWN_FAILURES), "w") as f:
            f.write("# comment\n\nfloats.py  last digit of 1/3\n")
        rc, out = self.run_main("--janus", janus, d)
        self.assertEqual(rc, 0, out)
        self.assertIn("XFAIL %s: last digit of 1/3"
                      % os.path.join(d, "floats.py"), out)
        self.assertIn("2 programs (oracle vs janus): 1 passed, 0 failed, "
                      "1 expected failures", out)
        with open(os.path.join(d, co.KNOWN_FAILURES), "a") as f:
            f.write("plain.py  stale\n")
        rc, out = self.run_main("--janus", janus, d)
        self.assertEqual(rc, 1, out)
        self.assertIn("remove it from the known-failures list", out)
        self.assertIn("0 passed, 1 failed, 1 expected failures", out)
        with open(os.path.join(d, co.KNOWN_FAILURES), "a") as f:
            f.write("gone.py  no such program\n")
        with self.assertRaises(SystemExit) as cm:
            self.run_main("--janus", janus, d)
        self.assertIn("no such program: gone.py", str(cm.exception))

    def test_oracle_only(self):
        rc, out = self.run_main("--oracle-only", self.progs)
        self.assertEqual(rc, 0, out)
        self.assertIn("PASS", out)

    def test_no_oracle_is_a_clear_error(self):
        with self.assertRaises(SystemExit) as cm:
            co.find_oracle("/nonexistent/python3")
        self.assertIn("no oracle interpreter can import torch",
                      str(cm.exception))

    def test_command_line(self):
        # no mode is a usage error (exit 2)
        r = subprocess.run([sys.executable, SCRIPT, self.progs],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 2)


if __name__ == "__main__":
    unittest.main(verbosity=1)
