# A truth test in a while condition after a comparison of the same condition:
# CPython 3.11 reports it at that comparison (9:7), the location its compiler
# left in place for the jumps that follow.
# EXPECT-ERROR: RuntimeError: Boolean value of Tensor with more than one value is ambiguous
# EXPECT-LOCATION: 9:7
import torch

t = torch.tensor([1.0, 2.0])
while len(t) > 0 and t:
    print("never")
