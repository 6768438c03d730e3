# popitem on an empty dict: KeyError with CPython's message (quoted, since a
# KeyError prints the repr of its argument).
# EXPECT-ERROR: KeyError: 'popitem(): dictionary is empty'
# EXPECT-LOCATION: 7:7
d = {"only": 1}
print(d.popitem())
print(d.popitem())
