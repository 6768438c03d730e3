# A class that defines __eq__ (and, in Janus Python, cannot define __hash__)
# is unhashable, as in CPython, where __eq__ sets __hash__ to None; a plain
# class hashes by identity.
# EXPECT-ERROR: TypeError: unhashable type: 'Key'
# EXPECT-LOCATION: 19:5
class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return self.k == other.k


class Plain:
    pass


print(len({Plain(): 1}))
d = {Key(1): 2}
print(d)
