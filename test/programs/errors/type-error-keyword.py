# A bad keyword argument through a lambda stored in a dict: TypeError (unexpected keyword).
# EXPECT-ERROR: TypeError: <lambda>() got an unexpected keyword argument 'y'
# EXPECT-LOCATION: 6:7
fs = {"f": lambda x: x + 1}
print(fs["f"](x=1))
print(fs["f"](y=1))
