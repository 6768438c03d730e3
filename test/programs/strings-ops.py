# String operations: concatenation, repetition, comparison, in, slicing, iteration, len, str(), join/split round trips.
# COMPARE: exact
a = "janus"
b = "JANUS"
print(a + "-" + b, a * 2, "-" * 10, len(a * 3))
print(a < b, a.upper() == b, b.lower(), "nu" in a, a[1:4], a[::-1], a[-2:])
chars = [c for c in a]
print(chars, "".join(chars), "|".join(reversed(chars)))
words = "the quick  brown fox".split()
print(words, len(words), " ".join(words))
csv = "1,2,,3"
print(csv.split(","), [int(x) for x in csv.split(",") if x])
print(str(12) + str(3.5) + str(True) + str(None) + str([1]) + str((2,)))
print("{}-{}".format(a, 3), "{:>8}".format(a), "{0}{0}".format("ab"))
print("  pad  ".strip(), "xxhixx".strip("x"), "a.b.c".replace(".", "/"), "abc".startswith("ab"), "abc".endswith("bc"))
s = ""
for i in range(5):
    s += str(i)
print(s, s == "01234", s[2], int(s) + 1)
