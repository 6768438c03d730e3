# `w **= 2` on a leaf that requires grad is pow_ in place: PyTorch's leaf error (under no_grad it runs).
# EXPECT-ERROR: RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.
# EXPECT-LOCATION: 10:5
import torch
w = torch.tensor([1.5, -2.0], requires_grad=True)
with torch.no_grad():
    w **= 2
print(w)
def scale(t):
    t **= 2
    t %= 2
    return t
print(scale(w.detach().clone()))
scale(w)
