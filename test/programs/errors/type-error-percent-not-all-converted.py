# printf-style formatting with an argument left over; a non-tuple right
# operand is one argument, so a format without specifiers rejects it.
# EXPECT-ERROR: TypeError: not all arguments converted during string formatting
# EXPECT-LOCATION: 8:9
print("%d%%" % 50)
print("done" % ())
count = 3
label = "items: " % count
print(label)
