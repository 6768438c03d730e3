# Augmented assignment on tensors is in place: aliases see the change; on slices too.
import torch
t = torch.zeros(3)
alias = t
t += 1
t *= torch.tensor([1.0, 2.0, 3.0])
print(t, alias, t is alias)
t -= 0.5
t /= 2
print(alias)
m = torch.ones(2, 3)
row = m[0]
row += 10
print(m)
m[1] *= 3
m[:, 0] -= 1
print(m)
n = torch.arange(6).reshape(2, 3)
n[0, 1] += 100
print(n)
u = torch.ones(2)
w = u
u = u + 1
print(u, w)
