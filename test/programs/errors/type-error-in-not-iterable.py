# `in` on an instance with no __contains__, __iter__ or __getitem__: TypeError with CPython's message.
# EXPECT-ERROR: TypeError: argument of type 'Box' is not iterable
# EXPECT-LOCATION: 7:7
class Box:
    pass
b = Box()
print(1 in b)
