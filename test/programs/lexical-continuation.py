# Implicit line joining in brackets, backslash continuation, comments, blank lines, non-ASCII text in strings.
total = (1 +
         2 +   # a comment inside brackets
         3)
xs = [
    10,

    20,
]
d = {"a":
     1}
long_sum = 1 + \
    2 + \
    3
print(total, xs, d, long_sum)


# blank lines and comments between statements
s = "héllo wörld ✓ 日本"
print(s, len(s), s.upper(), s[1], s[-1])
print(f"{s!r}", [s[:2]])
if total > 0 and \
        long_sum > 0:
    print("continued condition")
