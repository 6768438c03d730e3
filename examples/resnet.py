# A small ResNet (basic residual blocks with BatchNorm2d) on synthetic
# texture images.
#
# Each 3x16x16 image is one of four stripe textures (horizontal, vertical,
# diagonal, checkerboard) with a random phase, random per-channel colour gain
# and Gaussian noise. The network is a conv stem, three residual stages (the
# last two downsample with a strided 1x1 projection shortcut), global average
# pooling and a linear classifier, trained with Adam. It prints the training
# loss per epoch, evaluation accuracy in eval() mode (BatchNorm running
# statistics), and the final accuracy.
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

NUM_CLASSES = 4
SIZE = 16


class BasicBlock(nn.Module):
    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.shortcut = nn.Sequential()
        if stride != 1 or in_channels != out_channels:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_channels, out_channels, 1, stride=stride, bias=False),
                nn.BatchNorm2d(out_channels),
            )

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + self.shortcut(x))


class ResNet(nn.Module):
    def __init__(self, widths, num_classes):
        super().__init__()
        self.stem = nn.Sequential(
            nn.Conv2d(3, widths[0], 3, padding=1, bias=False),
            nn.BatchNorm2d(widths[0]),
            nn.ReLU(),
        )
        blocks = []
        in_channels = widths[0]
        for i, w in enumerate(widths):
            stride = 1 if i == 0 else 2
            blocks.append(BasicBlock(in_channels, w, stride))
            in_channels = w
        self.blocks = nn.ModuleList(blocks)
        self.fc = nn.Linear(in_channels, num_classes)

    def forward(self, x):
        out = self.stem(x)
        for block in self.blocks:
            out = block(out)
        out = F.avg_pool2d(out, out.size(2))
        out = out.flatten(1)
        return self.fc(out)


def texture(kind, phase):
    rows = torch.arange(SIZE).view(SIZE, 1).expand(SIZE, SIZE)
    cols = torch.arange(SIZE).view(1, SIZE).expand(SIZE, SIZE)
    if kind == 0:
        bits = ((rows + phase) // 2) % 2
    elif kind == 1:
        bits = ((cols + phase) // 2) % 2
    elif kind == 2:
        bits = ((rows + cols + phase) // 2) % 2
    else:
        bits = ((rows + phase) // 2 + cols // 2) % 2
    return bits.float() * 2.0 - 1.0


def make_dataset(n):
    images = []
    labels = []
    for _ in range(n):
        kind = random.randint(0, NUM_CLASSES - 1)
        pattern = texture(kind, random.randint(0, 3))
        gain = torch.rand(3, 1, 1) + 0.5
        img = pattern.unsqueeze(0) * gain + 2.0 * torch.randn(3, SIZE, SIZE)
        images.append(img)
        labels.append(kind)
    return torch.stack(images), torch.tensor(labels)


def accuracy(model, images, labels):
    model.eval()
    with torch.no_grad():
        pred = model(images).argmax(dim=1)
        correct = (pred == labels).float().sum().item()
    return correct / labels.size(0)


def main():
    torch.manual_seed(0)
    random.seed(0)
    train_x, train_y = make_dataset(512)
    test_x, test_y = make_dataset(256)

    model = ResNet([16, 32, 32], NUM_CLASSES)
    optimizer = optim.Adam(model.parameters(), lr=0.002, betas=(0.9, 0.999))
    batch_size = 32
    print(f"resnet blocks {len(model.blocks)} params {sum(p.numel() for p in model.parameters())}")

    for epoch in range(1, 5):
        model.train()
        perm = torch.randperm(train_x.size(0))
        total = 0.0
        steps = 0
        for start in range(0, train_x.size(0), batch_size):
            idx = perm[start:start + batch_size]
            x = train_x.index_select(0, idx)
            y = train_y.index_select(0, idx)
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            total += loss.item()
            steps += 1
        acc = accuracy(model, test_x, test_y)
        print(f"epoch {epoch} loss {total / steps:.4f} acc {acc:.3f}")

    print(f"final accuracy {accuracy(model, test_x, test_y):.3f}")


if __name__ == "__main__":
    main()
