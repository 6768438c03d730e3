# break and continue in for and while loops, including nested loops (break only the inner).
found = None
for i in range(2, 50):
    if i % 7 == 0 and i % 5 == 0:
        found = i
        break
print(found)
out = []
for i in range(10):
    if i % 3 == 0:
        continue
    out.append(i)
print(out)
pairs = []
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        pairs.append((i, j))
print(pairs)
k = 0
while k < 100:
    k += 7
    if k % 4 != 0:
        continue
    break
print(k)
