# Changing a dict while iterating over it: replacing values keeps its size
# and keys, so iteration goes on (errors/runtime-error-dict-*.py: adding or
# swapping keys is a RuntimeError); a loop that breaks right after a change
# never asks the iterator again, and a new loop starts afresh.
d = {"a": 1, "b": 2, "c": 3}
for k in d:
    d[k] = d[k] * 10
print(d)
for k, v in d.items():
    if v == 20:
        d["z"] = 0
        break
print(d)
for k in list(d):
    if d[k] == 0:
        del d[k]
print(d)
d2 = {}
for k in reversed(d):
    d2[k] = len(d2)
    d[k] = -d[k]
print(d2, d)
