# A format that ends inside a specifier.
# EXPECT-ERROR: ValueError: incomplete format
# EXPECT-LOCATION: 5:7
print("50%%" % ())
print("50%" % ())
