# List comprehensions with several for and if clauses, nested comprehensions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([x + y for x in "ab" for y in "xy"])
print([[i * j for j in range(3)] for i in range(3)])
m = [[1, 2, 3], [4, 5, 6]]
print([v for row in m for v in row if v != 4])
print([row[i] for i in range(2) for row in m])
x = "outer"
print([x for x in range(2)], x)
