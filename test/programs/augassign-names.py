# Augmented assignment on names with every arithmetic operator, ints, floats, strings, lists.
x = 10
x += 5
x -= 3
x *= 4
print(x)
x //= 5
print(x)
x %= 4
x **= 3
print(x)
y = 7
y /= 2
print(y)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
tup = (1,)
tup_alias = tup
tup += (2,)
print(tup, tup_alias)
