# Janus Python has no `sys` module (docs/language.md), so a program cannot
# read command-line arguments; `janus run FILE ARG...` says so and exits 2
# instead of silently dropping them. Options after the file are still
# janus's own (`-O2`), as with every LLVM-style tool.
# RUN: not janus run %s extra 2>&1 | FileCheck --check-prefix=ARGS %s
# RUN: not janus run %s -- -v 2>&1 | FileCheck --check-prefix=DASH %s
# RUN: janus run %s -O2 | FileCheck --check-prefix=OK %s
# RUN: %pycheck %s

# ARGS: janus: error: program arguments are not supported ('extra'): Janus Python has no 'sys' module, so a program cannot read them
# DASH: janus: error: program arguments are not supported ('-v')
# OK: ran
print("ran")
