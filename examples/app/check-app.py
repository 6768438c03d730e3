#!/usr/bin/env python3
"""The app-example test: runs the example application (app.cpp) and the
oracle (reference.py under CPython + PyTorch) and compares their outputs
with scripts/compare-outputs.py's rules: text equal, floats within
|a - b| <= 1e-6 + 1e-5 * max(|a|, |b|) (the losses are float32 means
computed by both sides in the same order, so they agree to a few ulps).

Usage: check-app.py APP ORACLE_PYTHON
Exit status 0 when they agree, 1 otherwise (with the first difference).
"""
import importlib.util
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load_compare_outputs():
    path = os.path.join(HERE, "..", "..", "scripts", "compare-outputs.py")
    spec = importlib.util.spec_from_file_location("compare_outputs", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(command):
    proc = subprocess.run(command, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=300)
    if proc.returncode != 0:
        sys.stderr.write("%s exited %d\n%s" % (" ".join(command),
                                                proc.returncode, proc.stderr))
        sys.exit(1)
    return proc.stdout


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    app, oracle = argv[1], argv[2]
    expected = run([oracle, os.path.join(HERE, "reference.py")])
    actual = run([app])
    # app.cpp's own last line, after checking that the losses fall.
    if not actual.endswith("app: ok\n"):
        sys.stderr.write("the application did not finish its checks\n")
        return 1
    actual = actual[:-len("app: ok\n")]
    report = load_compare_outputs().compare_text(expected, actual)
    if report is not None:
        sys.stderr.write("app.cpp and the oracle differ:\n%s\n" % report)
        return 1
    sys.stdout.write(actual)
    print("app-example: %d lines match the oracle" %
          len(actual.splitlines()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
