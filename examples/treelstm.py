# A binary (N-ary, N = 2) Tree-LSTM (Tai et al., 2015) over trees built at
# run time.
#
# Each example is a random sequence of digit tokens "0".."9" arranged into a
# random binary tree by recursive splitting. The label says whether the mean
# digit is above 4.5, so the root has to aggregate evidence from every leaf.
# Leaves are embedded and fed through the input gate path; internal nodes
# combine the (h, c) states of both children with separate forget gates,
# computed recursively. Trained with Adam; it prints the tree depth
# statistics, the loss and test accuracy per epoch and the final accuracy.
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class Node:
    def __init__(self, token, children):
        self.token = token
        self.children = children


def build_tree(tokens, lo, hi):
    if hi - lo == 1:
        return Node(tokens[lo], [])
    split = random.randint(lo + 1, hi - 1)
    return Node(None, [build_tree(tokens, lo, split), build_tree(tokens, split, hi)])


def depth(node):
    if len(node.children) == 0:
        return 1
    return 1 + max(depth(c) for c in node.children)


def random_example():
    n = random.randint(2, 8)
    digits = [random.randint(0, 9) for _ in range(n)]
    label = 1 if sum(digits) > 4.5 * n else 0
    return build_tree([str(d) for d in digits], 0, n), label


class BinaryTreeLSTM(nn.Module):
    def __init__(self, vocab, embed_dim, hidden_dim):
        super().__init__()
        self.vocab = vocab
        self.hidden_dim = hidden_dim
        self.embed = nn.Embedding(len(vocab), embed_dim)
        # Leaves: input, output and update gates from the token embedding.
        self.leaf = nn.Linear(embed_dim, 3 * hidden_dim)
        # Internal nodes: input, left forget, right forget, output, update.
        self.left = nn.Linear(hidden_dim, 5 * hidden_dim, bias=False)
        self.right = nn.Linear(hidden_dim, 5 * hidden_dim)

    def node_forward(self, node):
        if len(node.children) == 0:
            x = self.embed(torch.tensor([self.vocab[node.token]]))
            i, o, u = torch.chunk(self.leaf(x), 3, dim=1)
            c = torch.sigmoid(i) * torch.tanh(u)
            return torch.sigmoid(o) * torch.tanh(c), c
        hl, cl = self.node_forward(node.children[0])
        hr, cr = self.node_forward(node.children[1])
        gates = self.left(hl) + self.right(hr)
        i, fl, fr, o, u = gates.chunk(5, dim=1)
        c = torch.sigmoid(i) * torch.tanh(u) + torch.sigmoid(fl) * cl + torch.sigmoid(fr) * cr
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, c

    def forward(self, tree):
        h, _ = self.node_forward(tree)
        return h


class TreeClassifier(nn.Module):
    def __init__(self, vocab, embed_dim, hidden_dim, num_classes):
        super().__init__()
        self.encoder = BinaryTreeLSTM(vocab, embed_dim, hidden_dim)
        self.out = nn.Linear(hidden_dim, num_classes)

    def forward(self, tree):
        return F.log_softmax(self.out(self.encoder(tree)), dim=1)


def evaluate(model, data):
    model.eval()
    correct = 0
    with torch.no_grad():
        for tree, label in data:
            if model(tree).argmax(dim=1).item() == label:
                correct += 1
    return correct / len(data)


def main():
    torch.manual_seed(0)
    random.seed(0)
    vocab = {str(d): d for d in range(10)}
    train = [random_example() for _ in range(500)]
    test = [random_example() for _ in range(200)]
    depths = [depth(t) for t, _ in train]
    positives = sum(label for _, label in train)
    print(f"trees {len(train)} max_depth {max(depths)} mean_depth {sum(depths) / len(depths):.2f} positive {positives}")

    model = TreeClassifier(vocab, 16, 32, 2)
    optimizer = optim.Adam(model.parameters(), lr=0.01)
    batch_size = 20
    for epoch in range(1, 6):
        model.train()
        random.shuffle(train)
        total = 0.0
        for start in range(0, len(train), batch_size):
            optimizer.zero_grad()
            loss = torch.tensor(0.0)
            for tree, label in train[start:start + batch_size]:
                loss = loss + F.nll_loss(model(tree), torch.tensor([label]))
            loss = loss / batch_size
            loss.backward()
            optimizer.step()
            total += loss.item()
        steps = len(train) // batch_size
        print(f"epoch {epoch} loss {total / steps:.4f} acc {evaluate(model, test):.3f}")

    print(f"final accuracy {evaluate(model, test):.3f}")


if __name__ == "__main__":
    main()
