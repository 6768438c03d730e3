# Losses: cross_entropy, nll_loss, mse_loss, binary_cross_entropy, with reductions, and nn loss modules.
import torch
import torch.nn as nn
import torch.nn.functional as F
logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]])
target = torch.tensor([0, 2])
print(F.cross_entropy(logits, target), F.cross_entropy(logits, target, reduction="sum"))
print(F.nll_loss(F.log_softmax(logits, 1), target), F.cross_entropy(logits, target, reduction="none"))
p = torch.tensor([0.9, 0.2, 0.6])
y = torch.tensor([1.0, 0.0, 1.0])
print(F.mse_loss(p, y), F.mse_loss(p, y, reduction="sum"), F.binary_cross_entropy(p, y))
print(nn.CrossEntropyLoss()(logits, target), nn.MSELoss(reduction="none")(p, y))
