# Conditional expressions, nested and lazy.
def sign(x):
    return "neg" if x < 0 else "zero" if x == 0 else "pos"
print(sign(-3), sign(0), sign(9))
xs = [1, 2, 3, 4]
print([x * 10 if x % 2 == 0 else -x for x in xs])
y = 0
z = 10 / y if y != 0 else "div-by-zero avoided"
print(z)
print((1 if True else 2) + (3 if False else 4))
