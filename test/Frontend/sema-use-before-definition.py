# Module-level code runs top to bottom: reading a global before any binding
# of it is Python's NameError. Function bodies run later, so they may use
# globals defined further down; module-level loops may read what they bind
# in an earlier iteration.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: not %oracle %s 2>&1 | FileCheck %s --check-prefix=PY


def uses_later():
    return later * 2


for i in range(3):
    if i > 0:
        print(prev)
    prev = i

print(later)
# CHECK: sema-use-before-definition.py:[[@LINE-1]]:7: error: name 'later' is not defined
# PY: NameError: name 'later' is not defined
later = 1
print(uses_later(), Net)
# CHECK: sema-use-before-definition.py:[[@LINE-1]]:21: error: name 'Net' is not defined


class Net:
    pass
