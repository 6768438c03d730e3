# torch.Size + a list: tuple's concatenation error, which names tuple (not Size).
# EXPECT-ERROR: TypeError: can only concatenate tuple (not "list") to tuple
# EXPECT-LOCATION: 6:7
import torch
s = torch.zeros(2, 3).shape
print(s + [4])
