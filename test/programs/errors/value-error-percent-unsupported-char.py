# An unknown conversion character: CPython names it, its code and its
# index in code points (the two non-ASCII characters count once each).
# EXPECT-ERROR: ValueError: unsupported format character 'q' (0x71) at index 6
# EXPECT-LOCATION: 7:7
total = 12
print("\u00e9t\u00e9 %5d" % total)
print("\u00e9t\u00e9 %5q" % total)
