# CRLF line endings (\r\n) throughout the file, as Windows editors write them.
x = 1
if x:
    y = [1,
         2]
    print("crlf", x, y)
s = """a
b"""
print(len(s), s.split("\n"))
