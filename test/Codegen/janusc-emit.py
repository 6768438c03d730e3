# janusc's code generation flags on a real program: every stage after dyn,
# an object (-c), a shared library (-o lib.so) that exports the init
# functions, the global accessor and one C entry point per top-level
# function (and nothing else: not the Python function's own code), and
# `janus run`, which compiles and runs it in-process.
# RUN: %pycheck %s
# RUN: janusc --emit=llvm-dialect %s | FileCheck %s --check-prefix=DIALECT
# RUN: janusc --emit=llvm -O2 %s | FileCheck %s --check-prefix=LLVM
# RUN: janusc --emit=asm -O0 %s -o %t.s && FileCheck %s --check-prefix=ASM --input-file=%t.s
# RUN: janusc -c %s -o %t.o && llvm-nm-22 %t.o | FileCheck %s --check-prefix=NM
# RUN: janusc %s -o %t.so && llvm-nm-22 -D --defined-only %t.so | FileCheck %s --check-prefix=SO
# RUN: janus run %s | FileCheck %s --check-prefix=OUT
# RUN: janusc %s -c -o %t.h.o --header %t.h && FileCheck %s --check-prefix=HDR --input-file=%t.h
# RUN: cc -fsyntax-only -Wall -Werror -I%janus_runtime_include -include %t.h -x c /dev/null

# DIALECT: llvm.func @__janus_init_janusc_emit(%arg0: i64, %arg1: i64)
# LLVM: define { i64, i64 } @__janus_init_janusc_emit(i64 %0, i64 %1)
# LLVM: call { i64, i64 } @janus_rt_make_function(
# ASM: __janus_init_janusc_emit:
# NM: T __janus_init_janusc_emit
# SO: T __janus_global_janusc_emit
# SO-NEXT: T __janus_init_janusc_emit
# SO-NEXT: T janusc_emit_init
# SO-NEXT: T janusc_emit_scale
# SO-NOT: T
# HDR: #include "janus/janus_exec.h"
# HDR: janus_status_t janusc_emit_init(void);
# HDR: janus_status_t janusc_emit_scale(janus_value_t x, janus_value_t *out_result);
# HDR: janus_rt_value __janus_init_janusc_emit(janus_rt_value name);

# OUT: 42
# OUT-NEXT: abab
# OUT-NEXT: [1, 2, 3]


def scale(x, factor=2):
    return x * factor


print(scale(21))
print(scale("ab"))
items = []
for i in range(3):
    items.append(i + 1)
print(items)
