# assert statements that pass, with and without messages.
x = 5
assert x == 5
assert x > 0, "x must be positive"
assert [1], f"non-empty list is truthy {x}"
def check(v):
    assert isinstance(v, int), "need an int"
    return v * 2
print(check(21))
print("all asserts passed")
