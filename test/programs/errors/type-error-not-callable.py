# Calling an int: TypeError: 'int' object is not callable.
# EXPECT-ERROR: TypeError: 'int' object is not callable
# EXPECT-LOCATION: 7:7
handlers = {"double": lambda v: v * 2, "count": 3}
print(handlers["double"](4))
h = handlers["count"]
print(h(4))
