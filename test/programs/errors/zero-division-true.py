# True division of an int by zero: ZeroDivisionError: division by zero.
# EXPECT-ERROR: ZeroDivisionError: division by zero
# EXPECT-LOCATION: 7:11
xs = [4, 2, 1, 0]
for x in xs:
    print(x)
    print(8 / x)
