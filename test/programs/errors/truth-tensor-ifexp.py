# A failing truth test in a conditional expression is reported at the whole
# expression (7:5), and one in an `and` value at the whole `and`.
# EXPECT-ERROR: RuntimeError: Boolean value of Tensor with more than one value is ambiguous
# EXPECT-LOCATION: 7:5
import torch
t = torch.tensor([1.0, 2.0])
x = 1 if not t else 2
print(x)
