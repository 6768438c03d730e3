# A format spec that does not fit the value: CPython reports the error at the
# whole f-string (9:12), not at the expression inside the braces.
# EXPECT-ERROR: ValueError: Unknown format code 'd' for object of type 'str'
# EXPECT-LOCATION: 9:12


def f():
    s = "abc"
    return f"value {s:d} end"


print(f())
