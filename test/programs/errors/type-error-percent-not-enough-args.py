# printf-style formatting with fewer arguments than specifiers.
# EXPECT-ERROR: TypeError: not enough arguments for format string
# EXPECT-LOCATION: 6:11
rows = [("a", 1), ("b",)]
for row in rows:
    print("%s=%d" % row)
