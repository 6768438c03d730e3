# Augmented assignment on attributes, list/dict subscripts and nested subscripts.
class Acc:
    def __init__(self):
        self.total = 0
        self.items = [1, 2, 3]
a = Acc()
a.total += 5
a.total *= 3
a.items[1] += 10
a.items[-1] **= 2
print(a.total, a.items)
d = {"k": 1}
d["k"] += 41
d["k"] //= 2
print(d)
m = [[1, 2], [3, 4]]
m[1][0] -= 10
m[0][1] %= 2
print(m)
calls = []
def idx():
    calls.append("idx")
    return 0
v = [100]
v[idx()] += 1
print(v, calls)
