# A failing assert with an f-string message: AssertionError: <message>.
# EXPECT-ERROR: AssertionError: expected 3 items, got 2
# EXPECT-LOCATION: 6:8
items = [1, 2]
print(len(items))
assert len(items) == 3, f"expected 3 items, got {len(items)}"
print("not reached")
