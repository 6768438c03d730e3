# Assigning to a list index past the end: IndexError (assignment wording).
# EXPECT-ERROR: IndexError: list assignment index out of range
# EXPECT-LOCATION: 7:1
xs = [0, 0]
xs[-2] = 5
print(xs)
xs[2] = 7
