# Dict == runs the values' __eq__ (CPython's dict_equal), so an error raised
# inside it is reported at its own line, through the comparison.
# EXPECT-ERROR: ZeroDivisionError: division by zero
# EXPECT-LOCATION: 9:16


class Ratio:
    def __eq__(self, o):
        return 1 / 0


print({"r": Ratio()} == {"r": Ratio()})
print("not reached")
