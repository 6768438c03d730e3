# Int and float format specs via f-strings, str.format and format-like padding.
# COMPARE: exact
n = 1234567
x = -3.14159265
print(f"[{n}] [{n:d}] [{n:12d}] [{n:<12d}] [{n:^12d}] [{n:012d}] [{n:+,}]")
print(f"[{-42:x}] [{42:#o}] [{42:#b}] [{42:08.0f}] [{42:e}] [{42:%}]")
print(f"[{x}] [{x:.3f}] [{x:10.2f}] [{x:<10.2f}|] [{x:+.1e}] [{x:g}] [{x:.10g}]")
print(f"[{1e-7:g}] [{1e16:g}] [{123456789.0:g}] [{0.5:.0f}] [{1.5:.0f}] [{2.5:.0f}]")
print(f"[{0.000123:.2e}] [{12345.678:,.2f}] [{0.25:.1%}] [{-0.0:.2f}] [{1e300:.3e}]")
print(f"[{'abc':>6}] [{'abc':<6}] [{'abc':^7}] [{'abc':.2}] [{'x':-^5}]")
print(f"[{True}] [{True:d}] [{None}] [{[1, 'a']}] [{(1.5, None)!r}]")
print("{} + {} = {}".format(1, 2, 3), "{0}{1}{0}".format("a", "b"), "{x:.2f}|{y}".format(x=2.0, y="z"))
print("{:>5}|{:<5}|{:^5}|".format(1, 2, 3), "{:.3}".format(3.14159), "{!r}".format("q"))
w = 8
print(f"{'pad':>8}", str(w).replace("8", "eight"), "A-B".lower(), "a b".upper())
print(" strip me  ".strip(), "a,b,,c".split(","), "a b  c".split(), "x.y.z".split(".", 1))
print("prefix_body".startswith("prefix"), "body.py".endswith(".py"), "aaa".replace("a", "b", 2))
