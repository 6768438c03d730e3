# A failing truth test in a comprehension's if clause is reported at the
# whole comprehension (8:5).
# EXPECT-ERROR: RuntimeError: Boolean value of Tensor with more than one value is ambiguous
# EXPECT-LOCATION: 8:5
import torch

t = torch.tensor([1.0, 2.0])
z = [v for v in range(3) if t]
print(z)
