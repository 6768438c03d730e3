# dict.pop of a missing int key without a default: KeyError: 3.
# EXPECT-ERROR: KeyError: 3
# EXPECT-LOCATION: 7:1
d = {1: "one", 2: "two"}
print(d.pop(1), d.pop(3, "default"))
print(d)
d.pop(3)
