# A failing truth test in an elif is reported at column 1 of the elif line
# (10:1): CPython 3.11's nested if statement for an elif starts there.
# EXPECT-ERROR: RuntimeError: Boolean value of Tensor with more than one value is ambiguous
# EXPECT-LOCATION: 10:1
import torch

t = torch.tensor([1.0, 2.0])
if len(t) > 5:
    print("no")
elif t:
    print("never")
