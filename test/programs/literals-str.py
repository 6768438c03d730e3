# String literals: quotes, triple quotes, raw strings, escapes, adjacent concatenation.
a = 'single'
b = "double"
c = """triple
line"""
d = r"raw\n\t"
e = "tab\there" "|" 'newline\nend'
f = "quote's" + 'say "hi"'
g = "\\back\\slash"
h = "unicode: \u00e9 \x41"
print(a, b)
print(c)
print(d, len(d))
print(e)
print(f)
print(g)
print(h)
print(f"{a!r} {f!r} {d!r}")
print("".join(["a", "b", "c"]), "-".join([]), len(""))
