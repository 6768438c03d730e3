# Objects without __eq__ compare by identity: == vs is, `in`, list.index/remove/count of instances, instances as dict keys.
class Tok:
    def __init__(self, text):
        self.text = text
a = Tok("x")
b = Tok("x")
c = a
print(a == b, a == c, a is c, a != b, a is not b)
toks = [a, b]
print(a in toks, Tok("x") in toks, toks.index(b), toks.count(a), toks.count(Tok("x")))
toks.remove(c)
print(len(toks), toks[0] is b)
seen = {a: "first", b: "second"}
print(seen[a], seen[c], seen[b], len(seen), Tok("x") in seen)
seen[c] = "updated"
print(seen[a], len(seen), [v for v in seen.values()])
none_box = [None, a]
print(none_box[0] is None, none_box.index(None), None in [a, b])
