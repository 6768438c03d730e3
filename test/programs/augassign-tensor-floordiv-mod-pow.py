# Tensor //=, %=, **= are floor_divide_, remainder_, pow_: in place (aliases see them), dtype, broadcast, autograd.
import torch
a = torch.tensor([5.0, -7.0, 7.5, -5.5])
alias = a
a //= 2
print(alias, a is alias)
a = torch.tensor([5.0, -7.0, 7.5, -5.5])
alias = a
a %= -2
print(alias)
a = torch.tensor([5.0, -7.0, 1.5])
alias = a
a **= 2
print(alias)
i = torch.tensor([7, -7, 7, -7])
j = i
i //= torch.tensor([2, 2, -2, -2])
print(j, j.dtype)
i = torch.tensor([7, -7, 7, -7])
j = i
i %= torch.tensor([3, 3, -3, -3])
print(j)
i **= 3
print(j)
f = torch.tensor([1.5, 2.5, -3.0])
f **= torch.tensor(2)
print(f)
f = torch.tensor([7.0, -7.0])
f //= 0
print(f)
f = torch.tensor([7.0, -7.0])
f %= 0
print(f)
# The right operand broadcasts to the left one's shape.
m = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
rows = m[1]
m //= torch.tensor([2.0, -2.0, 4.0])
print(m, rows)
m %= torch.tensor([[3.0], [-4.0]])
print(m)
m **= torch.tensor([2.0, 0.5, 3.0])
print(m)
# A float right operand of a lower-precision float tensor is cast.
h = torch.tensor([2.0, 3.0])
h **= torch.tensor([2.0, 1.0], dtype=torch.float64)
print(h, h.dtype)
d = torch.tensor([5.0, 6.0], dtype=torch.float64)
d %= torch.tensor([4.0, 4.0])
print(d, d.dtype)
# Through a view: the base changes.
base = torch.arange(6).reshape(2, 3)
col = base[:, 1]
col **= 2
base[0] //= 2
print(base)
# A number on the left of the operator rebinds it; the tensor is untouched.
n = 7
t = torch.tensor([2, 3])
n //= t
print(n, t)
n = 7.5
n %= t
print(n, t)
n = 2
n **= t
print(n, t)
# Autograd through pow_ and remainder_ on non-leaves.
x = torch.tensor([1.5, -2.0, 3.0], requires_grad=True)
y = x * 2
y **= 2
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
y = x * 3
y %= 2
z = y * y
z.sum().backward()
print(y, x.grad)
p = torch.tensor([2.0, 3.0], requires_grad=True)
e = torch.tensor([3.0, 0.5], requires_grad=True)
q = p + 0
q **= e
q.sum().backward()
print(q, p.grad, e.grad)
w = torch.tensor([5.0, -7.0], requires_grad=True)
r = torch.tensor([7.0, 9.0])
r %= w
r.sum().backward()
print(r, w.grad)
v = x * 1
v **= 2
v //= 3
print(v)
with torch.no_grad():
    x **= 2
    x //= 2
    x %= 3
print(x, x.requires_grad)
