# True/False/None/Ellipsis literals and their str/repr/truth.
print(True, False, None, ...)
print(f"{True!r} {None!r} {...!r}")
print(bool(None), bool(...), bool(0), bool(0.0), bool(""), bool([]), bool({}))
print(True + True, True * 3, False - 1)
print(None is None, True is True)
x = ...
print(x is ...)
