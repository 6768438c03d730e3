# Unbounded recursion: RecursionError at the call that goes past the recursion limit.
# EXPECT-ERROR: RecursionError: maximum recursion depth exceeded
# EXPECT-LOCATION: 5:12
def down(n):
    return down(n + 1)


print("start")
down(0)
