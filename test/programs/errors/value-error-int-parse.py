# int() of a non-numeric string: ValueError with CPython's message.
# EXPECT-ERROR: ValueError: invalid literal for int() with base 10: 'abc'
# EXPECT-LOCATION: 6:11
for s in ["12", " 7", "abc"]:
    print(s)
    print(int(s) + 1)
