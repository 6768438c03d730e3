# Module-level state mutated by methods and functions: a registry list, a global counter, a config dict.
registry = []
next_id = 0
config = {"verbose": False, "scale": 1}
class Item:
    def __init__(self, name):
        global next_id
        self.id = next_id
        next_id += 1
        self.name = name
        registry.append(self)
    def describe(self):
        return f"{self.id}:{self.name}x{config['scale']}"
def set_scale(s):
    config["scale"] = s
for n in ["a", "b", "c"]:
    Item(n)
set_scale(3)
print(next_id, [i.describe() for i in registry])
registry[1].name = "B"
first = registry[0]
registry.pop(0)
print([i.name for i in registry], first.name, next_id)
