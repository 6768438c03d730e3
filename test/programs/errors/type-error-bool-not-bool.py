# A __bool__ that returns an int: TypeError with CPython's message when the instance is tested.
# EXPECT-ERROR: TypeError: __bool__ should return bool, returned int
# EXPECT-LOCATION: 9:5
class Odd:
    def __bool__(self):
        return 1
o = Odd()
print("before")
x = bool(o)
print(x)
