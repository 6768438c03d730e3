# %d wants a real number; a str is not converted.
# EXPECT-ERROR: TypeError: %d format: a real number is required, not str
# EXPECT-LOCATION: 6:11
values = [3, 4.5, "6"]
for v in values:
    print("%d" % v)
