# if/elif/else chains, nested ifs, truthiness of values in conditions.
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"
print([grade(s) for s in [95, 85, 75, 10, 90, 80]])
for v in [0, 1, "", "x", [], [0], None, 0.0, {}]:
    if v:
        print(f"{v!r} truthy")
    else:
        print(f"{v!r} falsy")
x = 5
if x > 0:
    if x > 3:
        print("big positive")
    else:
        print("small positive")
if x < 0:
    pass
print("done")
