# Assignment expressions are rejected.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
data = [1, 2, 3]
if (n := len(data)) > 2:
    print(n)
# CHECK: syntax-walrus.py:[[@LINE-2]]:7: error: assignment expressions (':=') are not supported in Janus Python; assign the value in a separate statement first
