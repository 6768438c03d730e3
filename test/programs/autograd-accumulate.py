# Gradients accumulate over backward calls until zero_(); retain_graph; gradients through reused tensors.
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
for i in range(3):
    (x * (i + 1)).sum().backward()
    print(i, x.grad)
x.grad.zero_()
print(x.grad)
y = (x ** 3).sum()
y.backward(retain_graph=True)
print(x.grad)
y.backward()
print(x.grad)
p = torch.tensor(1.5, requires_grad=True)
q = p * p
r = q + q * p
r.backward()
print(p.grad)
