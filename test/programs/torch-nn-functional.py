# torch.nn.functional ops: relu, leaky_relu, tanh, sigmoid, softmax, log_softmax, linear, pad, embedding, pooling, conv2d.
import torch
import torch.nn.functional as F
x = torch.tensor([[-1.0, 0.0, 2.0], [3.0, -4.0, 0.5]])
print(F.relu(x), F.leaky_relu(x, 0.1), F.tanh(x), F.sigmoid(x))
print(F.softmax(x, dim=1), F.log_softmax(x, dim=0), x.softmax(-1).sum(1), torch.softmax(x, 1))
w = torch.tensor([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]])
print(F.linear(x, w), F.linear(x, w, torch.tensor([1.0, -1.0])))
print(F.pad(torch.ones(1, 2), (1, 2)), F.pad(torch.ones(1, 1, 2), (1, 1), value=5.0))
emb = torch.arange(12, dtype=torch.float32).reshape(4, 3)
print(F.embedding(torch.tensor([[0, 3], [1, 1]]), emb))
img = torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)
print(F.max_pool2d(img, 2), F.avg_pool2d(img, 2, stride=2))
k = torch.tensor([[[[1.0, 0.0], [0.0, -1.0]]]])
print(F.conv2d(img, k), F.conv2d(img, k, padding=1, stride=2))
