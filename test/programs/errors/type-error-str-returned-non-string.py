# A __str__ that returns an int: print fails with CPython's message.
# EXPECT-ERROR: TypeError: __str__ returned non-string (type int)
# EXPECT-LOCATION: 9:1
class Bad:
    def __str__(self):
        return 42
b = Bad()
print("before")
print(b)
