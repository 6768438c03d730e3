#!/usr/bin/env python3
"""Dense sweep of runtime/lib/Tensor/VecMath.cpp against PyTorch 1.13, by
hand (too slow for CI): compiles VecMath.cpp as the build does
(-O3 -ffp-contract=off) with a small C shim into a temporary shared
library, then compares float32 exp, log, tanh and sigmoid, in both the
AVX2 and the scalar versions, with torch's on millions of inputs, bit for
bit (NaN matches NaN):

  exp      20M uniform in [-104, 89], every float in [-1, -0.99],
           [0.5, 0.51], [88, 88.73], [-103.97, -87.3] (denormal results)
  log      6M of e^uniform(-100, 88), 4M random bit patterns (denormals
           included), every float in [0.75, 0.76], [0.9999, 1.0001]
  tanh     10M uniform in [-10, 10], every float in [1e-4, 1.0001e-4],
           [0.5, 0.51], [8.6, 8.67]
  sigmoid  10M uniform in [-110, 110] (lengths multiple of 16: the
           vector formula) and the same values one at a time through the
           scalar-formula tail (a length-1 call)

Run with the oracle interpreter from the repository root:
  /usr/bin/python3 scripts/sweep-vecmath.py
Prints one line per function and version and exits 1 on any mismatch.
"""
import ctypes
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch

torch.set_num_threads(1)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SHIM = r'''
#include "Tensor/VecMath.h"
using namespace janus::rt::vecmath;
extern "C" {
#define SHIM(NAME, FN) \
  void NAME(const float *X, float *Y, long N) { FN; }
SHIM(exp_v, expF32(X, Y, N))
SHIM(exp_s, expF32Scalar(X, Y, N))
SHIM(log_v, logF32(X, Y, N))
SHIM(log_s, logF32Scalar(X, Y, N))
SHIM(tanh_v, tanhF32(X, Y, N))
SHIM(tanh_s, tanhF32Scalar(X, Y, N))
SHIM(sigmoid_v, sigmoidF32(X, Y, N))
SHIM(sigmoid_s, sigmoidF32Scalar(X, Y, N))
SHIM(sigmoid_libm, sigmoidF32Libm(X, Y, N))
}
'''


def build(tmp):
    shim = os.path.join(tmp, "shim.cpp")
    with open(shim, "w") as f:
        f.write(SHIM)
    lib = os.path.join(tmp, "libvecmath.so")
    subprocess.check_call(
        ["c++", "-O3", "-std=c++17", "-ffp-contract=off", "-fPIC",
         "-shared", "-I" + os.path.join(ROOT, "runtime", "lib"),
         os.path.join(ROOT, "runtime", "lib", "Tensor", "VecMath.cpp"),
         shim, "-o", lib])
    return ctypes.CDLL(lib)


def every_float(lo, hi):
    a = np.frombuffer(np.float32(lo).tobytes(), np.uint32)[0]
    b = np.frombuffer(np.float32(hi).tobytes(), np.uint32)[0]
    a, b = min(a, b), max(a, b)
    return np.arange(a, b + 1, dtype=np.uint32).view(np.float32)


def f32(*parts):
    return np.concatenate([np.asarray(p, dtype=np.float32) for p in parts])


def call(lib, name, x):
    y = np.empty_like(x)
    getattr(lib, name)(x.ctypes.data_as(ctypes.c_void_p),
                       y.ctypes.data_as(ctypes.c_void_p), ctypes.c_long(len(x)))
    return y


def mismatches(y, want):
    both_nan = np.isnan(y) & np.isnan(want)
    return int(((y.view(np.uint32) != want.view(np.uint32)) & ~both_nan).sum())


def main():
    rng = np.random.default_rng(2024)
    specials = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1e-45, -1e-45,
                1.1754942e-38, 3.4e38, -3.4e38]
    inputs = {
        "exp": f32(rng.uniform(-104, 89, 20_000_000), every_float(-1, -0.99),
                   every_float(0.5, 0.51), every_float(88, 88.73),
                   every_float(-103.97, -87.3), specials),
        "log": f32(np.exp(rng.uniform(-100, 88, 6_000_000)),
                   rng.integers(0, 0x7f800000, 4_000_000,
                                dtype=np.uint32).view(np.float32),
                   every_float(0.75, 0.76), every_float(0.9999, 1.0001),
                   specials),
        "tanh": f32(rng.uniform(-10, 10, 10_000_000),
                    every_float(1e-4, 1.0001e-4), every_float(0.5, 0.51),
                    every_float(8.6, 8.67), specials),
        "sigmoid": f32(rng.uniform(-110, 110, 10_000_000), specials,
                       np.zeros(6)),  # a multiple of 16
    }
    fns = {"exp": torch.exp, "log": torch.log, "tanh": torch.tanh,
           "sigmoid": torch.sigmoid}
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        lib = build(tmp)
        for name, x in inputs.items():
            want = fns[name](torch.from_numpy(x)).numpy()
            for version in ("v", "s"):
                n = mismatches(call(lib, f"{name}_{version}", x), want)
                bad += n
                print(f"{name:8s} {'avx2' if version == 'v' else 'scalar':6s}"
                      f" {len(x):>9d} inputs, {n} mismatches")
        # ATen's scalar sigmoid formula: each value alone through torch.
        x = inputs["sigmoid"][:200_000]
        want = np.array([torch.sigmoid(torch.from_numpy(x[i:i + 1])).item()
                         for i in range(len(x))], dtype=np.float32)
        n = mismatches(call(lib, "sigmoid_libm", x), want)
        bad += n
        print(f"sigmoid  libm   {len(x):>9d} inputs, {n} mismatches")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
