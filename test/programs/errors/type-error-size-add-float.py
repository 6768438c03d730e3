# torch.Size + a tuple with a non-int item: the result must be a Size, so PyTorch's TypeError names the item.
# EXPECT-ERROR: TypeError: torch.Size() takes an iterable of 'int' (item 2 is 'float')
# EXPECT-LOCATION: 7:7
import torch
s = torch.zeros(2, 3).shape
print(s + (4,))
print(s + (1.5,))
