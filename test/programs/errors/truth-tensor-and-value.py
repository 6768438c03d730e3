# A failing truth test of an operand of an `and` used as a value is reported
# at the whole `and` (7:5), also after a comparison operand.
# EXPECT-ERROR: RuntimeError: Boolean value of Tensor with more than one value is ambiguous
# EXPECT-LOCATION: 7:5
import torch
t = torch.tensor([1.0, 2.0])
x = len(t) > 0 and t and 1
print(x)
