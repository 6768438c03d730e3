# with torch.no_grad(): grad mode is restored on every way out of the block (end, break, continue, return).
import torch
w = torch.ones(2, requires_grad=True)
def grad_on():
    return (w * 2).requires_grad
def early(v):
    with torch.no_grad():
        if v > 0:
            return (w * v).requires_grad
        y = w * v
    return y.requires_grad
print(early(1), grad_on(), early(-1), grad_on())
for i in range(3):
    with torch.no_grad():
        z = w + i
        if i == 0:
            continue
        if i == 1:
            break
print(i, z.requires_grad, grad_on())
with torch.no_grad():
    with torch.no_grad():
        a = w * 3
    b = w * 4
c = w * 5
print(a.requires_grad, b.requires_grad, c.requires_grad)
