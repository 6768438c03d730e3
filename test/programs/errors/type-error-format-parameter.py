# A format spec on a 0-dim Parameter: PyTorch formats only plain 0-dim tensors as numbers, so TypeError.
# EXPECT-ERROR: TypeError: unsupported format string passed to Parameter.__format__
# EXPECT-LOCATION: 8:7
import torch
import torch.nn as nn
s = nn.Parameter(torch.tensor(3.0))
print(f"{s.detach():.2f}")
print("{:.2f}".format(s))
