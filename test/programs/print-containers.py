# str and repr of nested containers: lists, tuples, dicts, strings inside containers, None, bools.
# COMPARE: exact
print([1, "a", 2.5, None, True, [], (), {}])
print((1,), (1, 2), ((1,), [2]), ([],))
print({"k": [1, (2, "three")], 4: {"nested": None}})
print(["it's", 'say "hi"', "both ' and \"", "tab\t", "nl\n", "back\\"])
print(str([1, 2]), str((3,)), str({"a": 1}), str("plain"), str(None), str(-0.0))
print(f"{[1.0, -0.0, 1e-5]!r}", f"{'s'!r}", f"{['s']}")
print([[[]]], [[1, [2, [3, [4]]]]], {"": ""}, [""])
print(list(), tuple(), dict(), [None] * 2)
x = [1, 2]
print([x, x], {"a": x, "b": (x,)})
print(1, "two", [3], sep=", ")
print()
print("", end="")
print("after empty")
