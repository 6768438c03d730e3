# `janus run --profile-out=FILE` records a profile and merges it into FILE;
# `janus profile FILE` summarises it. Expected counts follow from the
# program: pick(k) for k in range(5) takes its branch for k % 5 in {0, 1}
# (2 of 5); walk's loop runs 3 iterations over [1, 2, 3] and 2 over
# [1, 20, 3] (it breaks at 20, in its second iteration), and its break test
# runs 3 + 2 = 5 times, true once; countdown(3)'s `while True:` runs its
# header 3 times and leaves by `return`. A second run into the same file
# doubles every count.
# RUN: %pycheck %s
# RUN: rm -f %t.json
# RUN: janus run --profile-out=%t.json %s | FileCheck --check-prefix=OUT %s
# RUN: FileCheck --input-file=%t.json %s
# RUN: janus run --profile-out=%t.json %s
# RUN: FileCheck --check-prefix=MERGED --input-file=%t.json %s
# RUN: janus profile %t.json | FileCheck --check-prefix=SUMMARY %s
import torch

# SUMMARY: profile {{.*}}.json: {{[0-9]+}} sites

# CHECK-DAG: "janus-run-profile.py:[[@LINE+2]]:1 arg k": {"kind": "value", "function": "pick", "count": 5, "types": [{"type": "int", "count": 5}]}
# MERGED-DAG: "janus-run-profile.py:[[@LINE+1]]:1 arg k": {"kind": "value", "function": "pick", "count": 10, "types": [{"type": "int", "count": 10}]}
def pick(k):
    # CHECK-DAG: "janus-run-profile.py:[[@LINE+3]]:8 branch": {"kind": "branch", "function": "pick", "count": 5, "taken": 2, "not_taken": 3}
    # MERGED-DAG: "janus-run-profile.py:[[@LINE+2]]:8 branch": {"kind": "branch", "function": "pick", "count": 10, "taken": 4, "not_taken": 6}
    # SUMMARY: janus-run-profile.py:[[@LINE+1]]:8 branch  [branch] in pick{{$}}
    if k % 5 < 2:
        # SUMMARY-NEXT: 10 runs: taken 4 (40.0%), not taken 6 (60.0%)
        return 1
    return 0


def walk(xs, limit):
    n = 0
    # CHECK-DAG: "janus-run-profile.py:[[@LINE+3]]:5 loop": {"kind": "loop", "function": "walk", "count": 2, "trips": [{"iterations": 2, "count": 1}, {"iterations": 3, "count": 1}]}
    # MERGED-DAG: "janus-run-profile.py:[[@LINE+2]]:5 loop": {"kind": "loop", "function": "walk", "count": 4, "trips": [{"iterations": 2, "count": 2}, {"iterations": 3, "count": 2}]}
    # SUMMARY: janus-run-profile.py:[[@LINE+1]]:5 loop  [loop] in walk{{$}}
    for x in xs:
        # SUMMARY-NEXT: 4 entries, iterations min 2 max 3 mean 2.50
        # SUMMARY-NEXT: 2 iterations  2 (50.0%)
        # SUMMARY-NEXT: 3 iterations  2 (50.0%)
        # CHECK-DAG: "janus-run-profile.py:[[@LINE+1]]:12 branch": {"kind": "branch", "function": "walk", "count": 5, "taken": 1, "not_taken": 4}
        if x > limit:
            break
        n += 1
    return n


def countdown(n):
    # CHECK-DAG: "janus-run-profile.py:[[@LINE+1]]:5 loop": {"kind": "loop", "function": "countdown", "count": 1, "trips": [{"iterations": 3, "count": 1}]}
    while True:
        n -= 1
        if n == 0:
            return n


total = 0
for k in range(5):
    # CHECK-DAG: "janus-run-profile.py:[[@LINE+1]]:14 call target": {"kind": "call", "function": "<module>", "count": 5, "targets": [{"target": "pick", "count": 5}]}
    total += pick(k)
# OUT: 2
print(total)
# OUT-NEXT: 3
print(walk([1, 2, 3], 10))
# OUT-NEXT: 1
print(walk([1, 20, 3], 10))
# OUT-NEXT: 0
print(countdown(3))
# CHECK-DAG: "janus-run-profile.py:[[@LINE+1]]:5 call": {"kind": "value", "function": "<module>", "count": 1, "types": [{"type": "Tensor", "dtype": "float32", "shape": [2, 3], "count": 1}]}
t = torch.ones(2, 3)
# OUT-NEXT: tensor(6.)
print(t.sum())
