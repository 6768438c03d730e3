# Deep recursion (800 frames, under CPython's default limit of 1000) and recursion that builds and walks a linked list.
def sum_to(n):
    if n == 0:
        return 0
    return n + sum_to(n - 1)
print(sum_to(800))
class Link:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt
def build(n):
    head = None
    for i in range(n):
        head = Link(i, head)
    return head
def length(node):
    return 0 if node is None else 1 + length(node.nxt)
def to_list(node, acc):
    if node is None:
        return acc
    acc.append(node.v)
    return to_list(node.nxt, acc)
chain = build(500)
print(length(chain), to_list(chain, [])[:5], to_list(build(3), []))
