# `i //= 2.5` on an int64 tensor: the float result cannot be written into it (floor_divide_'s cast check).
# EXPECT-ERROR: RuntimeError: result type Float can't be cast to the desired output type Long
# EXPECT-LOCATION: 8:1
import torch
i = torch.tensor([7, -7])
i //= 2
print(i)
i //= 2.5
print(i)
