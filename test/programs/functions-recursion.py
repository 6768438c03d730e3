# Recursion: factorial, fibonacci, gcd, mutual recursion, recursion over nested lists.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
def flatten(x):
    if isinstance(x, list):
        out = []
        for e in x:
            out.extend(flatten(e))
        return out
    return [x]
def depth(x):
    if not isinstance(x, list):
        return 0
    return 1 + max([depth(e) for e in x] + [0])
print(fact(20), [fib(i) for i in range(15)], fib(20))
print(gcd(1071, 462), is_even(10), is_odd(7))
print(flatten([1, [2, [3, [4]], 5], [[6]]]), depth([1, [2, [3]]]))
