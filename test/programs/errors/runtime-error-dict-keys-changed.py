# Removing one key and adding another keeps the size, but the iterator then
# finds more entries than the dict had: CPython's "keys changed" error.
# EXPECT-ERROR: RuntimeError: dictionary keys changed during iteration
# EXPECT-LOCATION: 7:1
d = {"a": 1, "b": 2}
print(len(d))
for k in d:
    del d[k]
    d[k + "x"] = 0
print("not reached")
