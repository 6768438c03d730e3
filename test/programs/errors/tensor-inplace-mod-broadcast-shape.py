# `t %= m` where broadcasting would grow t from [3] to [2, 3]: in place, t's shape cannot change.
# EXPECT-ERROR: RuntimeError: output with shape [3] doesn't match the broadcast shape [2, 3]
# EXPECT-LOCATION: 9:1
import torch
t = torch.tensor([5.0, 6.0, 7.0])
t %= torch.tensor([4.0, 4.0, 4.0])
print(t)
m = torch.ones(2, 3)
t %= m
print(t)
