# Sorting: sorted and list.sort with key and reverse, stability, tuples, strings, mixed int/float.
recs = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 2), ("eve", 1)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted(recs), sorted(recs, reverse=True)[0])
xs = [3, 1.5, -2, 0, 2.5, 1]
xs.sort()
print(xs)
xs.sort(key=lambda v: abs(v))
print(xs)
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=lambda w: w.lower()), sorted(words, key=len))
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted((3, 2, 1)), sorted({"b": 1, "a": 2}))
