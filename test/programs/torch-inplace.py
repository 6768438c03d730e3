# In-place tensor methods: add_, sub_, mul_, div_, zero_, fill_, copy_, and views sharing storage.
import torch
t = torch.arange(6, dtype=torch.float32)
v = t.view(2, 3)
t.add_(1)
print(v)
v[0].mul_(10)
print(t)
t.sub_(torch.ones(6), alpha=2)
t.div_(2)
print(t)
col = v[:, 1]
col.fill_(-1)
print(v)
c = torch.zeros(3)
c.copy_(torch.tensor([7.0, 8.0, 9.0]))
print(c)
c.zero_()
print(c)
r = t.reshape(3, 2)
r[0, 0] = 123.0
print(t[0], v[0, 0])
s = torch.zeros(2, 2)
s[1] = torch.tensor([4.0, 5.0])
s[0, :] = 9
print(s)
