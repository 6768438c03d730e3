# Python builtins outside Janus's library get their own message.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s
name = input("name? ")
# CHECK: sema-unsupported-builtin.py:[[@LINE-1]]:8: error: builtin 'input' is not supported in Janus Python
t = type(name)
# CHECK: sema-unsupported-builtin.py:[[@LINE-1]]:5: error: builtin 'type' is not supported in Janus Python
