# `y **= 2` after y was saved for z = y * y's backward: the version check fails at backward, as in PyTorch.
# EXPECT-ERROR: RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]], which is output 0 of PowBackward0, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).
# EXPECT-LOCATION: 10:1
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
z = y * y
y **= 2
print(y)
z.sum().backward()
print(x.grad)
