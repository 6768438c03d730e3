# A failing assert without a message: AssertionError with no text.
# EXPECT-ERROR: AssertionError
# EXPECT-LOCATION: 9:12
def check_positive(values):
    total = 0
    for v in values:
        total += v
    print("total", total)
    assert total > 0
    return total
check_positive([3, 4])
check_positive([1, -5])
print("not reached")
