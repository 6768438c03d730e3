# A recursive network over trees (TreeRNN-style): recursion on Python objects building a graph, backward, one SGD step.
import torch
import torch.nn as nn
class Tree:
    def __init__(self, word=None, left=None, right=None):
        self.word = word
        self.left = left
        self.right = right
    def is_leaf(self):
        return self.left is None
class TreeRNN(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.combine = nn.Linear(2 * dim, dim)
        self.out = nn.Linear(dim, 2)
    def encode(self, t):
        if t.is_leaf():
            return self.emb(torch.tensor([t.word]))
        l = self.encode(t.left)
        r = self.encode(t.right)
        return torch.tanh(self.combine(torch.cat([l, r], dim=1)))
    def forward(self, t):
        return self.out(self.encode(t))
torch.manual_seed(2)
trees = [Tree(None, Tree(1), Tree(None, Tree(2), Tree(3))), Tree(None, Tree(None, Tree(4), Tree(0)), Tree(5))]
labels = [torch.tensor([0]), torch.tensor([1])]
model = TreeRNN(6, 4)
opt = torch.optim.SGD(model.parameters(), lr=0.5)
for epoch in range(4):
    total = 0.0
    for t, y in zip(trees, labels):
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(t), y)
        loss.backward()
        opt.step()
        total += loss.item()
    print(epoch, f"{total:.5f}")
print(model(trees[0]).argmax(1).item(), model(trees[1]).argmax(1).item())
