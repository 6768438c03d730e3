# LeNet-5 trained on synthetic MNIST-shaped data.
#
# Each of the 10 classes has a fixed random 1x28x28 "digit" template; a sample
# is its class template under a random brightness gain plus Gaussian noise.
# The classic LeNet (two conv + max-pool stages, three fully connected layers)
# is trained with SGD + momentum. It prints the mean training loss of every
# epoch, the test loss and accuracy after every epoch, and the final accuracy.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

NUM_CLASSES = 10
IMAGE_SIZE = 28


class LeNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, kernel_size=5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, kernel_size=5)
        self.pool = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, num_classes)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def make_dataset(templates, n, noise):
    labels = torch.randint(0, NUM_CLASSES, (n,))
    gain = torch.rand(n, 1, 1, 1) * 0.5 + 0.75
    images = templates.index_select(0, labels) * gain
    images = images + noise * torch.randn(n, 1, IMAGE_SIZE, IMAGE_SIZE)
    return images, labels


def evaluate(model, images, labels, batch_size=128):
    model.eval()
    total_loss = 0.0
    correct = 0
    with torch.no_grad():
        for start in range(0, images.size(0), batch_size):
            x = images[start:start + batch_size]
            y = labels[start:start + batch_size]
            logits = model(x)
            total_loss += F.cross_entropy(logits, y, reduction="sum").item()
            correct += (logits.argmax(dim=1) == y).sum().item()
    n = images.size(0)
    return total_loss / n, correct / n


def train_epoch(model, optimizer, images, labels, batch_size):
    model.train()
    perm = torch.randperm(images.size(0))
    running = 0.0
    batches = 0
    for start in range(0, images.size(0), batch_size):
        idx = perm[start:start + batch_size]
        x = images.index_select(0, idx)
        y = labels.index_select(0, idx)
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        running += loss.item()
        batches += 1
    return running / batches


def main():
    torch.manual_seed(0)
    templates = torch.randn(NUM_CLASSES, 1, IMAGE_SIZE, IMAGE_SIZE)
    train_x, train_y = make_dataset(templates, 1024, noise=1.5)
    test_x, test_y = make_dataset(templates, 512, noise=1.5)

    model = LeNet(NUM_CLASSES)
    optimizer = optim.SGD(model.parameters(), lr=0.02, momentum=0.9)
    num_params = sum(p.numel() for p in model.parameters())
    print(f"lenet params {num_params}")

    for epoch in range(1, 7):
        train_loss = train_epoch(model, optimizer, train_x, train_y, 64)
        test_loss, acc = evaluate(model, test_x, test_y)
        print(f"epoch {epoch} loss {train_loss:.4f} test_loss {test_loss:.4f} acc {acc:.3f}")

    _, final_acc = evaluate(model, test_x, test_y)
    print(f"final accuracy {final_acc:.3f}")


if __name__ == "__main__":
    main()
