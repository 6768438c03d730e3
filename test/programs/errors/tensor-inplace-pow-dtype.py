# `i **= 0.5` on an int64 tensor: pow_ with a float exponent would change the dtype (PyTorch's message).
# EXPECT-ERROR: RuntimeError: Found dtype Long but expected Float
# EXPECT-LOCATION: 9:1
import torch
i = torch.tensor([4, 9])
alias = i
i **= 2
print(alias)
i **= 0.5
print(alias)
