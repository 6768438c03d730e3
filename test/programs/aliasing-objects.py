# Object identity and aliasing of attributes: shared objects, is vs ==, None checks.
class Box:
    def __init__(self, v):
        self.v = v
b1 = Box([1])
b2 = b1
b3 = Box(b1.v)
b2.v.append(2)
print(b1.v, b3.v, b1 is b2, b1 is b3, b1.v is b3.v)
b3.v = [9]
print(b1.v, b3.v)
boxes = [Box(i) for i in range(3)]
same = boxes[1]
same.v = 100
print([b.v for b in boxes])
print(boxes[0] is boxes[0], boxes[0] is boxes[1], same in boxes)
def ident(x):
    return x
print(ident(b1) is b1, ident(None) is None)
