# round(): banker's rounding to int, ndigits (incl. negative), round on ints, the 2.675 case.
# COMPARE: exact
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.49999))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, 1), round(1234.5678, -2), round(1250.0, -2), round(-1.25, 1))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(7, 1), round(-15, -1))
print(round(3.14159, 0), round(0.0), round(-0.4), round(1e15 + 0.5))
print(round(5.5), round(6.5), round(2.5, 0), round(-2.5))
