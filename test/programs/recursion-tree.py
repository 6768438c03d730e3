# Tree recursion over objects: build a binary tree, sum/height/inorder/mirror recursively.
class Node:
    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right
def build(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Node(mid, build(lo, mid - 1), build(mid + 1, hi))
def total(n):
    return 0 if n is None else n.value + total(n.left) + total(n.right)
def height(n):
    return 0 if n is None else 1 + max(height(n.left), height(n.right))
def inorder(n, out):
    if n is not None:
        inorder(n.left, out)
        out.append(n.value)
        inorder(n.right, out)
    return out
def mirror(n):
    if n is None:
        return None
    return Node(n.value, mirror(n.right), mirror(n.left))
root = build(1, 10)
print(total(root), height(root), inorder(root, []))
print(inorder(mirror(root), []))
def count_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return count_paths(r - 1, c) + count_paths(r, c - 1)
print(count_paths(5, 5))
