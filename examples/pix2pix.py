# A small pix2pix-style conditional GAN for image-to-image translation on
# synthetic 1x16x16 image pairs.
#
# The input image is the one-pixel outline of one or two random rectangles;
# the target is the same rectangles filled in (values in [-1, 1]). The
# generator is a convolutional encoder-decoder with a U-Net skip connection
# (Conv2d downsampling, ConvTranspose2d upsampling, tanh output); the
# discriminator is a PatchGAN that classifies 4x4 patches of the
# (input, output) pair. The generator loss is the adversarial loss plus
# LAMBDA * L1 to the target. It prints the losses during training, and the
# test L1 error of the generator against the L1 error of the input image
# itself.
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

SIZE = 16
LAMBDA = 50.0


def rect_mask(y0, y1, x0, x1):
    rows = torch.arange(SIZE).view(SIZE, 1)
    cols = torch.arange(SIZE).view(1, SIZE)
    inside_rows = ((rows >= y0).float() * (rows < y1).float())
    inside_cols = ((cols >= x0).float() * (cols < x1).float())
    return inside_rows * inside_cols


def make_pair():
    filled = torch.zeros(SIZE, SIZE)
    outline = torch.zeros(SIZE, SIZE)
    for _ in range(random.randint(1, 2)):
        h = random.randint(4, 9)
        w = random.randint(4, 9)
        y0 = random.randint(0, SIZE - h)
        x0 = random.randint(0, SIZE - w)
        full = rect_mask(y0, y0 + h, x0, x0 + w)
        inner = rect_mask(y0 + 1, y0 + h - 1, x0 + 1, x0 + w - 1)
        filled = torch.maximum(filled, full)
        outline = torch.maximum(outline, full - inner)
    return outline.unsqueeze(0) * 2 - 1, filled.unsqueeze(0) * 2 - 1


def make_dataset(n):
    pairs = [make_pair() for _ in range(n)]
    sources = torch.stack([p[0] for p in pairs])
    targets = torch.stack([p[1] for p in pairs])
    return sources, targets


class Generator(nn.Module):
    def __init__(self, ch=16):
        super().__init__()
        self.down1 = nn.Sequential(nn.Conv2d(1, ch, 4, stride=2, padding=1), nn.LeakyReLU(0.2))
        self.down2 = nn.Sequential(nn.Conv2d(ch, 2 * ch, 4, stride=2, padding=1), nn.BatchNorm2d(2 * ch), nn.LeakyReLU(0.2))
        self.up1 = nn.Sequential(nn.ConvTranspose2d(2 * ch, ch, 4, stride=2, padding=1), nn.BatchNorm2d(ch), nn.ReLU())
        self.up2 = nn.ConvTranspose2d(2 * ch, 1, 4, stride=2, padding=1)

    def forward(self, x):
        d1 = self.down1(x)                     # ch x 8 x 8
        d2 = self.down2(d1)                    # 2ch x 4 x 4
        u1 = self.up1(d2)                      # ch x 8 x 8
        u1 = torch.cat([u1, d1], dim=1)        # U-Net skip: 2ch x 8 x 8
        return torch.tanh(self.up2(u1))        # 1 x 16 x 16


class PatchDiscriminator(nn.Module):
    def __init__(self, ch=16):
        super().__init__()
        self.conv1 = nn.Conv2d(2, ch, 4, stride=2, padding=1)
        self.conv2 = nn.Conv2d(ch, 2 * ch, 4, stride=2, padding=1)
        self.bn2 = nn.BatchNorm2d(2 * ch)
        self.conv3 = nn.Conv2d(2 * ch, 1, 3, padding=1)

    def forward(self, source, image):
        x = torch.cat([source, image], dim=1)
        x = F.leaky_relu(self.conv1(x), 0.2)
        x = F.leaky_relu(self.bn2(self.conv2(x)), 0.2)
        return torch.sigmoid(self.conv3(x))    # one probability per 4x4 patch


def l1(a, b):
    return (a - b).abs().mean()


def main():
    torch.manual_seed(0)
    random.seed(0)
    train_src, train_tgt = make_dataset(256)
    test_src, test_tgt = make_dataset(64)
    gen = Generator()
    disc = PatchDiscriminator()
    opt_g = optim.Adam(gen.parameters(), lr=0.002, betas=(0.5, 0.999))
    opt_d = optim.Adam(disc.parameters(), lr=0.002, betas=(0.5, 0.999))
    batch_size = 32

    for epoch in range(1, 11):
        gen.train()
        disc.train()
        perm = torch.randperm(train_src.size(0))
        d_total = 0.0
        g_total = 0.0
        l1_total = 0.0
        batches = 0
        for start in range(0, train_src.size(0), batch_size):
            idx = perm[start:start + batch_size]
            src = train_src.index_select(0, idx)
            tgt = train_tgt.index_select(0, idx)
            fake = gen(src)

            opt_d.zero_grad()
            real_pred = disc(src, tgt)
            fake_pred = disc(src, fake.detach())
            d_loss = 0.5 * (F.binary_cross_entropy(real_pred, torch.ones_like(real_pred))
                            + F.binary_cross_entropy(fake_pred, torch.zeros_like(fake_pred)))
            d_loss.backward()
            opt_d.step()

            opt_g.zero_grad()
            pred = disc(src, fake)
            recon = l1(fake, tgt)
            g_loss = F.binary_cross_entropy(pred, torch.ones_like(pred)) + LAMBDA * recon
            g_loss.backward()
            opt_g.step()

            d_total += d_loss.item()
            g_total += g_loss.item()
            l1_total += recon.item()
            batches += 1
        if epoch % 2 == 0:
            print(f"epoch {epoch} d_loss {d_total / batches:.4f} g_loss {g_total / batches:.4f} l1 {l1_total / batches:.4f}")

    gen.eval()
    with torch.no_grad():
        test_l1 = l1(gen(test_src), test_tgt).item()
    print(f"input l1 {l1(test_src, test_tgt).item():.4f}")
    print(f"test l1 {test_l1:.4f}")


if __name__ == "__main__":
    main()
