# Integer modulo by zero: ZeroDivisionError: integer modulo by zero.
# EXPECT-ERROR: ZeroDivisionError: integer modulo by zero
# EXPECT-LOCATION: 6:7
m = 0
print(10 % 3)
print(10 % m)
