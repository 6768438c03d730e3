# Function definitions: positional, default and keyword-only parameters,
# return with and without a value, calls with keyword arguments, recursion,
# and Sema's view of locals (parameters first, then assigned names).
# RUN: %oracle %s
# RUN: %janusc --emit=ast %s | FileCheck %s
def scale(x, factor=2.0, *, bias=0.0):
    y = x * factor
    return y + bias
# CHECK: FunctionDef scale <[[@LINE-3]]:1>
# CHECK-NEXT: Param x <[[@LINE-4]]:11>
# CHECK-NEXT: Param factor <[[@LINE-5]]:14>
# CHECK-NEXT: default:
# CHECK-NEXT: FloatLit 2.0 <[[@LINE-7]]:21>
# CHECK-NEXT: Param bias kwonly <[[@LINE-8]]:29>
# CHECK-NEXT: default:
# CHECK-NEXT: FloatLit 0.0 <[[@LINE-10]]:34>
# CHECK-NEXT: locals: x factor bias y
# CHECK-NEXT: body:
# CHECK-NEXT: Assign <[[@LINE-12]]:5>
# CHECK: Return <[[@LINE-12]]:5>
# CHECK-NEXT: Binary + <[[@LINE-13]]:12>
# CHECK-NEXT: Name y binding=local <[[@LINE-14]]:12>
# CHECK-NEXT: Name bias binding=local <[[@LINE-15]]:16>


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
# CHECK: FunctionDef fact <[[@LINE-4]]:1>
# CHECK: Return <[[@LINE-3]]:9>
# CHECK-NEXT: IntLit 1
# CHECK: Call <[[@LINE-4]]:16>
# CHECK-NEXT: callee:
# CHECK-NEXT: Name fact binding=global <[[@LINE-6]]:16>


def nothing():
    return
# CHECK: FunctionDef nothing
# CHECK: Return <[[@LINE-2]]:5>
# CHECK-NOT: IntLit


print(scale(3.0, bias=1.0), scale(2.0, 3.0), fact(5), nothing())
# CHECK: Call library=print <[[@LINE-1]]:1>
# CHECK: Call <[[@LINE-2]]:7>
# CHECK: keyword bias <[[@LINE-3]]:18>
# CHECK-NEXT: FloatLit 1.0 <[[@LINE-4]]:23>
