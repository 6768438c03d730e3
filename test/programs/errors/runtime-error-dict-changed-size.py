# Adding a key while iterating over the dict is a RuntimeError at the loop's
# next step, as in CPython (the size check of dict iterators).
# EXPECT-ERROR: RuntimeError: dictionary changed size during iteration
# EXPECT-LOCATION: 7:1
counts = {"a": 1, "b": 2}
print(len(counts))
for k in counts:
    counts[k + "2"] = 0
print("not reached")
