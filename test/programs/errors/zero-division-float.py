# Float division by zero: ZeroDivisionError: float division by zero.
# EXPECT-ERROR: ZeroDivisionError: float division by zero
# EXPECT-LOCATION: 6:5
scale = 0.0
print(1.5 * scale)
r = 1.5 / scale
