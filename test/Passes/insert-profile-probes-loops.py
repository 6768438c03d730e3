# Loop probes on MLIRGen's CFG: a probe_loop_enter before the branch into
# each loop's header (the site is the location of that branch: the `for` /
# `while` statement), a probe_loop_iter where the body starts (the branch
# MLIRGen marks with dyn.loop_body), or at the header of a `while True:`.
# RUN: %janusc --emit=dyn --mlir-print-debuginfo %s | janus-opt --janus-insert-profile-probes | FileCheck %s

def count(xs, n):
    total = 0
    # CHECK-LABEL: func.func @count
    # CHECK:       dyn.probe_loop_enter "insert-profile-probes-loops.py:[[#@LINE+1]]:5 loop"
    for x in xs:
        # CHECK:      dyn.iter_next
        # CHECK:      cf.cond_br %{{.*}}, ^[[FBODY:[a-z0-9]+]], {{.*}}dyn.loop_body = 0
        # CHECK:      ^[[FBODY]]:
        # CHECK-NEXT: dyn.probe_loop_iter "insert-profile-probes-loops.py:[[#@LINE-4]]:5 loop"
        total += x
    # CHECK:       dyn.probe_loop_enter "insert-profile-probes-loops.py:[[#@LINE+1]]:5 loop"
    while n > 0 and total > 0:
        # The body starts after the second test of the `and`, not the first.
        # CHECK:      dyn.probe_branch %{{.*}} "insert-profile-probes-loops.py:[[#@LINE-2]]:11 branch"
        # CHECK:      dyn.probe_branch %{{.*}} "insert-profile-probes-loops.py:[[#@LINE-3]]:21 branch"
        # CHECK-NEXT: cf.cond_br %{{.*}}, ^[[WBODY:[a-z0-9]+]], {{.*}}dyn.loop_body = 0
        # CHECK:      ^[[WBODY]]:
        # CHECK-NEXT: dyn.probe_loop_iter "insert-profile-probes-loops.py:[[#@LINE-6]]:5 loop"
        n -= 1
    return total

def spin(n):
    # CHECK-LABEL: func.func @spin
    # CHECK:       dyn.probe_loop_enter "insert-profile-probes-loops.py:[[#@LINE+3]]:5 loop"
    # CHECK-NEXT:  cf.br ^[[HEAD:[a-z0-9]+]]
    # CHECK:       ^[[HEAD]]:
    while True:
        # CHECK-NEXT: dyn.probe_loop_iter "insert-profile-probes-loops.py:[[#@LINE-1]]:5 loop"
        n -= 1
        if n < 0:
            break
    return n
