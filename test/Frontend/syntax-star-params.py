# *args and **kwargs parameters are rejected; a bare '*' (keyword-only
# parameters) is fine.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
def total(*values):
    return sum(values)
# CHECK: syntax-star-params.py:[[@LINE-2]]:11: error: '*args' parameters are not supported in Janus Python; take a list or tuple parameter instead
def configure(name, **options):
    return name
# CHECK: syntax-star-params.py:[[@LINE-2]]:21: error: '**kwargs' parameters are not supported in Janus Python; declare keyword parameters with defaults instead
def ok(x, *, scale=1.0):
    return x * scale
