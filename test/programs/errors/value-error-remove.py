# list.remove of a missing value: ValueError.
# EXPECT-ERROR: ValueError: list.remove(x): x not in list
# EXPECT-LOCATION: 6:1
xs = [1, 2, 3]
xs.remove(2)
xs.remove(5)
