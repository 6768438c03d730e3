# Sets are not part of Janus Python.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
seen = {1, 2, 3}
# CHECK: syntax-set.py:[[@LINE-1]]:8: error: set literals are not supported in Janus Python; use a list or a dict instead
squares = {x * x for x in range(4)}
# CHECK: syntax-set.py:[[@LINE-1]]:11: error: set comprehensions are not supported in Janus Python; use a list or dict comprehension instead
ok = {x: x * x for x in range(4)}
