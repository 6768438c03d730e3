n = 0
for i in range(4):
    n += i
print(n)
