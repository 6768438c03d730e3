# Seeded Python random module: seed, random, randint, uniform, choice, shuffle, gauss.
import random
random.seed(42)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.uniform(-1, 1), random.choice(["a", "b", "c", "d"]))
xs = list(range(10))
random.shuffle(xs)
print(xs)
print(random.gauss(0, 1), random.gauss(10, 2))
random.seed(42)
print(random.random())
random.seed(2024)
print([random.choice("xyz") for _ in range(8)], random.randint(-100, 100))
