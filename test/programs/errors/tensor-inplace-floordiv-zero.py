# Integer tensor `//=` by zero: ATen's bare "ZeroDivisionError" RuntimeError (floats give inf instead).
# EXPECT-ERROR: RuntimeError: ZeroDivisionError
# EXPECT-LOCATION: 10:1
import torch
f = torch.tensor([7.0, -7.0])
f //= 0
print(f)
i = torch.tensor([7, -7])
d = torch.tensor([2, 0])
i //= d
print(i)
