# Argument unpacking in calls is rejected.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
def f(a, b):
    return a + b
args = [1, 2]
print(f(*args))
# CHECK: syntax-star-call.py:[[@LINE-1]]:9: error: '*' argument unpacking is not supported in Janus Python; pass the arguments one by one
opts = {"a": 1, "b": 2}
print(f(**opts))
# CHECK: syntax-star-call.py:[[@LINE-1]]:9: error: '**' argument unpacking is not supported in Janus Python; pass keyword arguments explicitly
