# An error inside __str__ propagates out of the f-string, with __str__'s
# frame innermost.
# EXPECT-ERROR: ZeroDivisionError: integer division or modulo by zero
# EXPECT-LOCATION: 7:20
class Bad:
    def __str__(self):
        return str(1 // 0)
print("before")
print(f"value {Bad()}")
