# A class may define the special methods the runtime calls where Python does
# (docs/runtime.md, "Special methods of user classes"); any other `__name__`
# method would be called implicitly by CPython (hash(), attribute fallbacks,
# next(), format(), int(), ...) but not by Janus, so it is rejected at its
# name. Ordinary and single-underscore names are methods like any other.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return self.k == other.k

    def __hash__(self):
        return self.k
# CHECK: sema-special-methods.py:[[@LINE-2]]:9: error: special method '__hash__' is not supported in Janus Python: Janus would not call it where Python does; use an ordinary method name

    def __getattr__(self, name):
        return 0
# CHECK: sema-special-methods.py:[[@LINE-2]]:9: error: special method '__getattr__' is not supported

    def __next__(self):
        return 1
# CHECK: sema-special-methods.py:[[@LINE-2]]:9: error: special method '__next__' is not supported

    def __repr__(self):
        return "Key"

    def __radd__(self, other):
        return other

    def _private(self):
        return 1

    def __(self):
        return 2
