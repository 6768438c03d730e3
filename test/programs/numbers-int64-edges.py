# int64 edge values that stay in range: INT64_MAX/MIN arithmetic, negation, abs, //, %, conversions to and from float.
# COMPARE: exact
MAX = 9223372036854775807
MIN = -9223372036854775808
print(MAX, MIN, MAX + MIN, -MAX, MIN + 1, MAX - 1 + 1)
print(MAX // 2, MIN // 2, MAX % 7, MIN % 7, MIN // 3, MAX // -1)
print(abs(MIN + 1), MAX * 1, MIN * 1, (MAX - 1) // 2 * 2)
print(float(MAX), float(MIN), int(2.0 ** 62), int(-2.0 ** 63), int(1e18))
print(3 ** 39, -(3 ** 39), 2 ** 62 + (2 ** 62 - 1))
print(MAX > 9.2e18, MAX == 9223372036854775807, MIN < -MAX, MAX == float(MAX))
