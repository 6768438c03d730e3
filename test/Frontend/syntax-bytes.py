# Janus has no bytes type.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
header = b"\x89PNG"
# CHECK: syntax-bytes.py:[[@LINE-1]]:10: error: bytes literals are not supported in Janus Python; use a str literal instead
raw = rb'\d+'
# CHECK: syntax-bytes.py:[[@LINE-1]]:7: error: bytes literals are not supported
