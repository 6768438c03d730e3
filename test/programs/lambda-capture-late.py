# Lambdas capturing enclosing locals are late-bound: they see the variable's latest value.
def make():
    k = 1
    f = lambda x: x + k
    k = 100
    return f
print(make()(5))
def make_list():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [g() for g in fs]
print(make_list())
def make_default():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i)
    return [g() for g in fs]
print(make_default())
def counter_like():
    total = 0
    get = lambda: total
    for v in [1, 2, 3]:
        total += v
    return get()
print(counter_like())
G = 5
h = lambda: G * 2
G = 7
print(h())
