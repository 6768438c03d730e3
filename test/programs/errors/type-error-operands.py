# Adding an int and a str: TypeError: unsupported operand type(s).
# EXPECT-ERROR: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# EXPECT-LOCATION: 7:13
parts = [1, 2, "3"]
total = 0
for p in parts:
    total = total + p
    print(total)
