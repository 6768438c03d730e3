# Builtins: len, sum with start, min/max with key and default, sorted with key, abs, int/float/str/bool conversions.
xs = [5, -3, 8, 0]
print(len(xs), len("abc"), len({"a": 1}), len((1, 2)), len(range(7)))
print(sum(xs), sum(xs, 100), sum([0.5, 0.25]), sum([]))
print(min(xs), max(xs), min(xs, key=abs), max("apple", "fig", key=len), min([], default="empty"))
print(max(3, 9, 4), min(2.5, 1), max([[1, 2], [1, 3]]))
print(sorted(xs), sorted(xs, key=lambda v: -v), sorted(["b", "A", "c"]), sorted("cab"))
print(int("42"), int(" -7 "), int(3.99), int(True), float("1e3"), float(-2), str(12), str(1.5), bool("x"))
print(int("ff", 16), int("0b101", 0), int("777", base=8))
print(abs(-0.0), abs(-7), round(-2.5), list(zip([1, 2], [3, 4])))
