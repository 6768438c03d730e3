# Dict comprehensions, with conditions and several for clauses.
print({k: k * k for k in range(5)})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
print({f"{i}-{j}": i * j for i in range(1, 3) for j in range(1, 3) if i != j})
words = ["apple", "bob", "cat", "apple"]
print({w: len(w) for w in words if len(w) > 2})
inv = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inv)
