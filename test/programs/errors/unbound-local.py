# A local read before its assignment on this path: UnboundLocalError with 3.11's message.
# EXPECT-ERROR: UnboundLocalError: cannot access local variable 'result' where it is not associated with a value
# EXPECT-LOCATION: 8:12
def pick(flag):
    if flag:
        result = "yes"
    print("picked", flag)
    return result
print(pick(True))
print(pick(False))
