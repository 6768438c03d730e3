# Reading a missing dict key: KeyError whose message is the key's repr.
# EXPECT-ERROR: KeyError: 'gamma'
# EXPECT-LOCATION: 9:12
counts = {"alpha": 1, "beta": 2}
for name in ["alpha", "beta"]:
    counts[name] += 1
print(counts, counts.get("gamma"))
def lookup(d, k):
    return d[k] * 2
print(lookup(counts, "beta"))
print(lookup(counts, "gamma"))
