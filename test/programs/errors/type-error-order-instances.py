# A class with __eq__ but no ordering methods: '<' fails with CPython's message.
# EXPECT-ERROR: TypeError: '<' not supported between instances of 'V' and 'V'
# EXPECT-LOCATION: 9:7
class V:
    def __eq__(self, o):
        return True
a = V()
print(a == V())
print(a < V())
