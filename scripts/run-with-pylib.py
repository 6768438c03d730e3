#!/usr/bin/env python3
"""Runs a Janus Python program under CPython with the Janus Python library
(runtime/pylib) in place of torch.nn and torch.optim.

    /usr/bin/python3 scripts/run-with-pylib.py [--only=nn|optim] PROGRAM.py [ARGS...]

`import torch.nn as nn` and `import torch.optim as optim` in PROGRAM then
reach runtime/pylib/torch_nn.py and torch_optim.py (torch.nn.functional is
still PyTorch's, as it is the native layer the library is written on, and
so is torch.nn.parameter, whose Parameter the pylib's nn.Parameter calls). The
program's output can be compared with a plain run (test/Runtime/
pylib-examples.test does that for the examples). --only=nn or --only=optim
replaces just one of the two, to tell which one a difference comes from.
"""

import importlib.util
import os
import runpy
import sys
import types

import torch
import torch.nn.functional  # noqa: F401  (the native layer, kept)
import torch.nn.parameter  # noqa: F401  (native in Janus too: the pylib's Parameter calls it)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shim(name, source, extra):
    module = types.ModuleType(name)
    for key, value in vars(source).items():
        if not key.startswith("__"):
            setattr(module, key, value)
    for key, value in extra.items():
        setattr(module, key, value)
    return module


def main():
    only = None
    if len(sys.argv) > 1 and sys.argv[1].startswith("--only="):
        only = sys.argv.pop(1)[len("--only="):]
    if len(sys.argv) < 2 or only not in (None, "nn", "optim"):
        print("usage: run-with-pylib.py [--only=nn|optim] PROGRAM.py [ARGS...]", file=sys.stderr)
        return 2
    pylib = os.path.join(ROOT, "runtime", "pylib")
    nn = load("janus_pylib_torch_nn", os.path.join(pylib, "torch_nn.py"))
    optim = load("janus_pylib_torch_optim", os.path.join(pylib, "torch_optim.py"))
    nn_shim = shim("torch.nn", nn, {"functional": torch.nn.functional,
                                    "parameter": torch.nn.parameter})
    optim_shim = shim("torch.optim", optim, {})
    if only != "optim":
        sys.modules["torch.nn"] = nn_shim
        torch.nn = nn_shim
    if only != "nn":
        sys.modules["torch.optim"] = optim_shim
        torch.optim = optim_shim
    program = sys.argv[1]
    sys.argv = sys.argv[1:]
    runpy.run_path(program, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
