# An ambiguous tensor truth test in an if statement: CPython 3.11 reports it
# at the statement (column 1), not at the tested name.
# EXPECT-ERROR: RuntimeError: Boolean value of Tensor with more than one value is ambiguous
# EXPECT-LOCATION: 8:1
import torch

t = torch.tensor([1.0, 2.0])
if t:
    print("never")
