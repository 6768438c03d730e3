# Tensor.int() is an int32 tensor in PyTorch; Janus has no int32 dtype and refuses it rather than give int64.
# ORACLE: no-error (PyTorch has int32 tensors)
# EXPECT-ERROR: NotImplementedError: Tensor.int: int32 tensors are not supported by Janus; use .long() (int64)
# EXPECT-LOCATION: 8:7
# EXPECT-STDOUT: tensor([ 1, -2])
import torch
print(torch.tensor([1.7, -2.2]).long())
print(torch.tensor([1.7, -2.2]).int())
