# with torch.no_grad(): results do not require grad; manual SGD updates of leaves in place.
import torch
w = torch.tensor([0.0, 0.0], requires_grad=True)
xs = torch.tensor([[1.0, 2.0], [2.0, 1.0], [3.0, 3.0]])
ys = torch.tensor([5.0, 4.0, 9.0])
for step in range(5):
    pred = xs @ w
    loss = ((pred - ys) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.05 * w.grad
        w.grad.zero_()
    print(step, f"{loss.item():.6f}", w)
with torch.no_grad():
    z = w * 2
    print(z.requires_grad, z)
print((w * 2).requires_grad)
d = w.detach()
print(d.requires_grad, w.requires_grad)
