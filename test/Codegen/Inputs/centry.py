# A module for the C entry points test (c-entry-points.test): each function
# exercises one rule of docs/compiler.md, "C entry points".
scale = 2
print("body runs with __name__ =", __name__)


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def scaled(x, factor=3):
    return x * factor * scale


def divide(x, y):
    return x / y


def fail_inside(x):
    return divide(x, 0)


def kw_required(x, *, k):
    return x + k


def kw_default(x, *, k=10):
    return x + k


def init():
    return 0


def rename(int, out_result, b2):
    return int + out_result + b2


def rebind_add():
    global add
    add = sub
    return None


def no_args():
    return "no args"


def redefined(a):
    return a


def redefined(a, b):
    return a * b
