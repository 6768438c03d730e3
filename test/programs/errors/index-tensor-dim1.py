# Indexing the second dimension of a matrix out of range: IndexError naming dimension 1.
# EXPECT-ERROR: IndexError: index -4 is out of bounds for dimension 1 with size 3
# EXPECT-LOCATION: 7:7
import torch
m = torch.zeros(2, 3)
print(m[1, -3])
print(m[0, -4])
