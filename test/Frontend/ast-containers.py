# Containers and comprehensions: list/tuple/dict literals (incl. the empty
# and one-element tuple), list and dict comprehensions with conditions and
# several clauses, and generator expressions as the argument of sum/any/
# all/min/max/list/tuple/sorted.
# RUN: %oracle %s
# RUN: %janusc --emit=ast %s | FileCheck %s
xs = [1, 2, 3]
# CHECK: List <[[@LINE-1]]:6>
t0 = ()
t1 = (1,)
# CHECK: Tuple <[[@LINE-2]]:6>
# CHECK-NOT: IntLit
# CHECK: Tuple <[[@LINE-3]]:6>
# CHECK-NEXT: IntLit 1 <[[@LINE-4]]:7>
d = {"a": 1, "b": 2}
# CHECK: Dict <[[@LINE-1]]:5>
# CHECK-NEXT: key:
# CHECK-NEXT: StrLit "a" <[[@LINE-3]]:6>
# CHECK-NEXT: value:
# CHECK-NEXT: IntLit 1 <[[@LINE-5]]:11>
sq = [x * x for x in xs if x > 1 if x < 3]
# CHECK: ListComp <[[@LINE-1]]:6>
# CHECK-NEXT: elt:
# CHECK-NEXT: Binary *
# CHECK: For <[[@LINE-4]]:13>
# CHECK-NEXT: target:
# CHECK-NEXT: Name x binding=local <[[@LINE-6]]:17>
# CHECK-NEXT: iter:
# CHECK-NEXT: Name xs binding=global <[[@LINE-8]]:22>
# CHECK-NEXT: if:
# CHECK: if:
pairs = [(i, j) for i in range(2) for j in range(i)]
# CHECK: ListComp <[[@LINE-1]]:9>
# CHECK: For <[[@LINE-2]]:17>
# CHECK: For <[[@LINE-3]]:35>
inv = {v: k for k, v in d.items()}
# CHECK: DictComp <[[@LINE-1]]:7>
# CHECK-NEXT: key:
# CHECK-NEXT: Name v binding=local
total = sum(x * 2 for x in xs)
# CHECK: Call library=sum <[[@LINE-1]]:9>
# CHECK: Generator <[[@LINE-2]]:12>
flags = any(x > 2 for x in xs), all(x > 0 for x in xs)
lo = min(x for x in xs), max(x for x in xs)
lt = list(x for x in xs), tuple(x for x in xs), sorted((x for x in xs), reverse=True)
# CHECK: Call library=sorted <[[@LINE-1]]:49>
# CHECK: Generator <[[@LINE-2]]:56>
# CHECK: keyword reverse <[[@LINE-3]]:73>
print(xs, t0, t1, d, sq, pairs, inv, total, flags, lo, lt)
