# Early return, implicit None return, returning tuples and unpacking them.
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            return i
    return -1
def nothing():
    pass
def bare():
    return
def divmod_like(a, b):
    return a // b, a % b
print(find([5, 6, 7], 7), find([5, 6, 7], 8))
print(nothing(), bare())
q, r = divmod_like(17, 5)
print(q, r, divmod_like(-17, 5))
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    if n > 100:
        return "big"
    return "small"
print([classify(v) for v in [-1, 0, 5, 500]])
