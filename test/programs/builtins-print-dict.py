# print keywords (sep, end, flush), dict() from mappings, pairs and keywords, update with keywords, zip(strict=True), module methods.
import torch
import torch.nn as nn
print("a", 1, 2.5, None, sep=" | ", end=" <end>\n", flush=True)
print("x", "y", sep="")
base = {"a": 1}
print(dict(base), dict(base, b=2), dict([("k", 0)], z=26), dict(zip("ab", [1, 2])))
base.update(c=3, a=0)
base.update([("d", 4)])
print(base)
print(list(zip([1, 2], "ab", strict=True)), list(enumerate([5], start=-1)))
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
print(len(list(net.modules())), net.training)
net.train(False)
print(net.training)
net.zero_grad(set_to_none=True)
print([p.grad is None for p in net.parameters()])
