# Starred expressions in targets and displays are rejected.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
first, *rest = [1, 2, 3]
# CHECK: syntax-starred.py:[[@LINE-1]]:8: error: starred expressions ('*x') are not supported in Janus Python; write the elements out or index the sequence instead
both = [*rest, 4]
# CHECK: syntax-starred.py:[[@LINE-1]]:9: error: starred expressions ('*x') are not supported
merged = {**{"a": 1}}
# CHECK: syntax-starred.py:[[@LINE-1]]:11: error: dict unpacking ('**d') is not supported in Janus Python; copy the entries with a loop instead
