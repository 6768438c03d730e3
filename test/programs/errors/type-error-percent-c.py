# %c takes an int code point or a one-character str.
# EXPECT-ERROR: TypeError: %c requires int or char
# EXPECT-LOCATION: 5:11
for c in [65, "b", "cd"]:
    print("%c" % c)
