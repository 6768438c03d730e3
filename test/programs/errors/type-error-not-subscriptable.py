# Subscripting an instance whose class has no __getitem__: TypeError with CPython's message.
# EXPECT-ERROR: TypeError: 'Box' object is not subscriptable
# EXPECT-LOCATION: 8:7
class Box:
    def __len__(self):
        return 1
b = Box()
print(b[0])
