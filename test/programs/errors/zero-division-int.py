# Integer floor division by zero: ZeroDivisionError.
# EXPECT-ERROR: ZeroDivisionError: integer division or modulo by zero
# EXPECT-LOCATION: 5:12
def average(total, n):
    return total // n
print(average(10, 3))
n = 0
print(7 + average(5, n))
