# Indexing a tensor past its size: IndexError with PyTorch's message.
# EXPECT-ERROR: IndexError: index 3 is out of bounds for dimension 0 with size 3
# EXPECT-LOCATION: 8:11
import torch
t = torch.tensor([1.0, 2.0, 3.0])
print(t[2], t[-3])
for k in range(5):
    print(t[k])
