# Type annotations are rejected wherever they appear.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
count: int = 0
# CHECK: syntax-annotations.py:[[@LINE-1]]:6: error: type annotations are not supported in Janus Python; write 'name = value' without ': type'
def scale(x: float, k=2) -> float:
    return x * k
# CHECK: syntax-annotations.py:[[@LINE-2]]:12: error: parameter annotations are not supported in Janus Python; remove ': type'
# CHECK: syntax-annotations.py:[[@LINE-3]]:26: error: return type annotations are not supported in Janus Python; remove '-> type'
