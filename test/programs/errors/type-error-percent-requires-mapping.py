# A "%(key)s" specifier needs a mapping on the right; a tuple is not one.
# EXPECT-ERROR: TypeError: format requires a mapping
# EXPECT-LOCATION: 6:7
point = {"x": 1, "y": 2}
print("%(x)s,%(y)s" % point)
print("%(x)s,%(y)s" % (1, 2))
