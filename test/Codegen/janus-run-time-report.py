# `janus run --time-report` prints, after the program's output, the
# milliseconds of each stage to stderr: the compile stages (front end, MLIR
# lowering, LLVM optimisation, JIT code generation), loading the pylib, the
# run, and the compile total. The program's stdout is unchanged (the oracle
# prints the same line). Each row is wall-clock ms and CPU ms. Field names
# only: the numbers are timings.
# RUN: %pycheck %s
# RUN: %oracle %s | FileCheck --check-prefix=OUT %s
# RUN: janus run -O2 --time-report %s 2>%t.err | FileCheck --check-prefix=OUT %s
# RUN: FileCheck --check-prefix=TIME %s < %t.err
# A program that raises still gets its report, after the traceback.
# RUN: not janus run --time-report %S/janus-run-error.py 2>&1 | FileCheck --check-prefix=ERR %s

# OUT: 55
total = 0
for i in range(11):
    total += i
print(total)

# TIME:      janus: time report
# TIME-NEXT:   front end {{ *}}{{[0-9]+\.[0-9] ms  \(cpu [0-9]+\.[0-9] ms\)$}}
# TIME-NEXT:   MLIR lowering {{ *}}{{[0-9]+\.[0-9] ms  \(cpu [0-9]+\.[0-9] ms\)$}}
# TIME-NEXT:   LLVM optimisation {{ *}}{{[0-9]+\.[0-9] ms  \(cpu [0-9]+\.[0-9] ms\)$}}
# TIME-NEXT:   JIT code generation {{ *}}{{[0-9]+\.[0-9] ms  \(cpu [0-9]+\.[0-9] ms\)$}}
# TIME-NEXT:   pylib loading {{ *}}{{[0-9]+\.[0-9] ms  \(cpu [0-9]+\.[0-9] ms\)$}}
# TIME-NEXT:   run {{ *}}{{[0-9]+\.[0-9] ms  \(cpu [0-9]+\.[0-9] ms\)$}}
# TIME-NEXT:   compile total {{ *}}{{[0-9]+\.[0-9] ms  \(cpu [0-9]+\.[0-9] ms\)$}}

# ERR:      error: ZeroDivisionError: division by zero
# ERR:      janus: time report
# ERR:        run {{ *}}{{[0-9]+\.[0-9] ms  \(cpu [0-9]+\.[0-9] ms\)$}}
