# A recursive neural network (TreeRNN) for sentence sentiment over binary
# parse trees that are built at run time.
#
# Random sentences are drawn from a small vocabulary of positive, negative and
# neutral words; each sentence is turned into a random binary tree by
# recursively splitting the word span at a random point. A sentence is
# positive when it has more positive than negative words. The TreeRNN embeds
# the leaves and composes children bottom-up with h = tanh(W [h_l; h_r] + b),
# recursing over the tree; a linear layer classifies the root. Trees are
# trained in minibatches with SGD + momentum. It prints the loss and test
# accuracy per epoch and the final accuracy.
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

POSITIVE = ["good", "great", "fun", "lovely", "superb"]
NEGATIVE = ["bad", "awful", "dull", "boring", "poor"]
NEUTRAL = ["the", "movie", "was", "plot", "and", "very", "actors", "story"]


class Tree:
    def __init__(self, word=None, left=None, right=None):
        self.word = word
        self.left = left
        self.right = right

    def is_leaf(self):
        return self.left is None


def build_tree(words, lo, hi):
    if hi - lo == 1:
        return Tree(word=words[lo])
    split = random.randint(lo + 1, hi - 1)
    return Tree(left=build_tree(words, lo, split), right=build_tree(words, split, hi))


def random_example():
    while True:
        n = random.randint(3, 9)
        words = [random.choice(POSITIVE + NEGATIVE + NEUTRAL) for _ in range(n)]
        pos = sum(1 for w in words if w in POSITIVE)
        neg = sum(1 for w in words if w in NEGATIVE)
        if pos != neg:
            return build_tree(words, 0, n), 1 if pos > neg else 0


class TreeRNN(nn.Module):
    def __init__(self, vocab, dim, num_classes):
        super().__init__()
        self.vocab = vocab
        self.embed = nn.Embedding(len(vocab), dim)
        self.compose = nn.Linear(2 * dim, dim)
        self.classify = nn.Linear(dim, num_classes)

    def encode(self, tree):
        if tree.is_leaf():
            return torch.tanh(self.embed(torch.tensor([self.vocab[tree.word]])))
        left = self.encode(tree.left)
        right = self.encode(tree.right)
        return torch.tanh(self.compose(torch.cat([left, right], dim=1)))

    def forward(self, tree):
        return self.classify(self.encode(tree))


def accuracy(model, data):
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
    words = POSITIVE + NEGATIVE + NEUTRAL
    vocab = {w: i for i, w in enumerate(words)}
    train = [random_example() for _ in range(400)]
    test = [random_example() for _ in range(200)]
    print(f"train trees {len(train)} test trees {len(test)} vocab {len(vocab)}")

    model = TreeRNN(vocab, 24, 2)
    optimizer = optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    batch_size = 16
    for epoch in range(1, 6):
        model.train()
        random.shuffle(train)
        total = 0.0
        for start in range(0, len(train), batch_size):
            batch = train[start:start + batch_size]
            optimizer.zero_grad()
            losses = [F.cross_entropy(model(tree), torch.tensor([label])) for tree, label in batch]
            loss = torch.stack(losses).mean()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        print(f"epoch {epoch} loss {total / len(train):.4f} acc {accuracy(model, test):.3f}")

    print(f"final accuracy {accuracy(model, test):.3f}")


if __name__ == "__main__":
    main()
