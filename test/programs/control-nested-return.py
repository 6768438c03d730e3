# Early return from inside nested loops and from inside while loops; loops over lists being built.
def find_pair(xs, target):
    for i in range(len(xs)):
        for j in range(i + 1, len(xs)):
            if xs[i] + xs[j] == target:
                return (i, j)
    return None
print(find_pair([1, 4, 6, 9], 10), find_pair([1, 2], 10))
def first_square_over(n):
    k = 0
    while True:
        k += 1
        while k * k <= n:
            k += 1
        return k
print(first_square_over(50))
queue = [1]
seen = []
while queue:
    v = queue.pop(0)
    seen.append(v)
    if v < 20:
        queue.append(v * 2)
        queue.append(v * 3)
print(seen)
