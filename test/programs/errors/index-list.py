# Reading a list index past the end: IndexError.
# EXPECT-ERROR: IndexError: list index out of range
# EXPECT-LOCATION: 8:14
xs = [10, 20, 30]
print(xs[2], xs[-3])
i = 0
while True:
    print(i, xs[i])
    i += 1
