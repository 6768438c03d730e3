# A function reads a global that has not been assigned yet: NameError.
# EXPECT-ERROR: NameError: name 'threshold' is not defined
# EXPECT-LOCATION: 6:16
def above(x):
    print("checking", x)
    return x > threshold
print(above(5))
threshold = 3
