# A __repr__ that returns an int fails the repr of a list holding it.
# EXPECT-ERROR: TypeError: __repr__ returned non-string (type int)
# EXPECT-LOCATION: 8:1
class Bad:
    def __repr__(self):
        return 42
print("before")
print([1, Bad()])
