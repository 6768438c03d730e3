"""PyTorch eager side of the runtime benchmark (see runtime_bench.cpp).

Runs the same cases as runtime_bench.cpp with torch.set_num_threads(1) and
prints the same "RESULT <case> key=value ..." lines. With --write-data FILE
it first writes the LeNet inputs and initial parameters that both sides
start from (float32 x, the parameters in order, int64 targets), so that the
losses after N steps can be compared.

    python3 runtime_bench.py [--quick] [--threads N] [--data FILE]
                             [--write-data]
"""

import argparse
import statistics
import sys
import time

import torch
import torch.nn.functional as F

QUICK = False
CPU_TIME = False  # --cpu-time: time this thread's CPU time, not wall time


def scaled(n):
    return max(1, n // 10) if QUICK else n


def clock():
    """Wall time, or with --cpu-time this thread's CPU time (s)."""
    return time.thread_time() if CPU_TIME else time.perf_counter()


def time_it(fn, iters, repeats, warmup):
    """Median over `repeats` runs of the mean time of `iters` calls (s)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = clock()
        for _ in range(iters):
            fn()
        times.append((clock() - t0) / iters)
    return statistics.median(times)


def bench_tiny_add():
    a, b = torch.randn(1, 150), torch.randn(1, 150)
    add = torch.add
    iters = scaled(200000)
    for _ in range(1000):
        add(a, b)
    times = []
    for _ in range(5):
        t0 = clock()
        for _ in range(iters):
            add(a, b)
        times.append((clock() - t0) / iters)
    print(f"RESULT tiny_add sec={statistics.median(times):.9g}")


def bench_lstm(batch):
    inp, hid = 256, 256
    x, h, c = torch.randn(batch, inp), torch.randn(batch, hid), torch.randn(batch, hid)
    w_ih = (torch.rand(4 * hid, inp) * 0.125 - 0.0625).requires_grad_()
    w_hh = (torch.rand(4 * hid, hid) * 0.125 - 0.0625).requires_grad_()
    b = (torch.rand(4 * hid) * 0.125 - 0.0625).requires_grad_()
    params = [w_ih, w_hh, b]

    def step():
        gates = torch.matmul(x, w_ih.t()) + torch.matmul(h, w_hh.t()) + b
        i, f, g, o = torch.chunk(gates, 4, 1)
        i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
        c1 = f * c + i * g
        h1 = o * torch.tanh(c1)
        h1.sum().backward()
        for p in params:
            p.grad.zero_()

    iters = scaled(2000) if batch == 1 else scaled(200)
    print(f"RESULT lstm_b{batch} sec={time_it(step, iters, 5, 10):.9g}")


def bench_sgemm():
    a, b = torch.randn(1024, 1024), torch.randn(1024, 1024)
    t = time_it(lambda: torch.mm(a, b), scaled(10), 3, 2)
    print(f"RESULT sgemm1024 sec={t:.9g} gflops={2.0 * 1024 ** 3 / t / 1e9:.4g}")


def bench_conv(name, in_shape, w_shape):
    x = torch.randn(*in_shape).requires_grad_()
    w = (torch.rand(*w_shape) * 0.4 - 0.2).requires_grad_()

    def step():
        F.conv2d(x, w).sum().backward()
        x.grad.zero_()
        w.grad.zero_()

    print(f"RESULT {name} sec={time_it(step, scaled(50), 5, 3):.9g}")


SHAPES = [(6, 1, 5, 5), (6,), (16, 6, 5, 5), (16,), (120, 256), (120,),
          (84, 120), (84,), (10, 84), (10,)]
BATCH = 64


def write_data(path):
    """LeNet inputs and PyTorch-default-initialised parameters."""
    torch.manual_seed(0)
    x = torch.randn(BATCH, 1, 28, 28)
    convs = [torch.nn.Conv2d(1, 6, 5), torch.nn.Conv2d(6, 16, 5)]
    fcs = [torch.nn.Linear(256, 120), torch.nn.Linear(120, 84), torch.nn.Linear(84, 10)]
    params = [t.detach() for m in convs + fcs for t in (m.weight, m.bias)]
    assert [tuple(p.shape) for p in params] == SHAPES
    y = torch.randint(0, 10, (BATCH,), dtype=torch.int64)
    with open(path, "wb") as f:
        f.write(x.numpy().tobytes())
        for p in params:
            f.write(p.contiguous().numpy().astype("<f4").tobytes())
        f.write(y.numpy().astype("<i8").tobytes())


class LeNet:
    def __init__(self, path):
        import numpy as np
        raw = open(path, "rb").read()
        off = 0

        def take(shape, dtype, size):
            nonlocal off
            n = 1
            for s in shape:
                n *= s
            arr = np.frombuffer(raw, dtype=dtype, count=n, offset=off)
            off += n * size
            return torch.from_numpy(arr.copy()).reshape(shape)

        self.x = take((BATCH, 1, 28, 28), "<f4", 4)
        self.params = [take(s, "<f4", 4).requires_grad_() for s in SHAPES]
        self.y = take((BATCH,), "<i8", 8)
        self.lr = 0.05

    def step(self):
        p = self.params
        h = F.max_pool2d(F.relu(F.conv2d(self.x, p[0], p[1])), 2)
        h = F.max_pool2d(F.relu(F.conv2d(h, p[2], p[3])), 2)
        h = torch.flatten(h, 1)
        h = F.relu(F.linear(h, p[4], p[5]))
        h = F.relu(F.linear(h, p[6], p[7]))
        h = F.linear(h, p[8], p[9])
        loss = F.cross_entropy(h, self.y)
        loss.backward()
        with torch.no_grad():
            for q in p:
                q.sub_(q.grad, alpha=self.lr)
                q.grad.zero_()
        return loss


def bench_lenet(path, steps):
    net = LeNet(path)
    warmup = 5
    for i in range(steps):
        if i == warmup:
            t0 = clock()
        loss = net.step()
    t = (clock() - t0) / (steps - warmup)
    print(f"RESULT lenet_step sec={t:.9g} loss={loss.item():.9g} steps={steps}")


def main():
    global QUICK, CPU_TIME
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--data", default="lenet-init.bin")
    ap.add_argument("--write-data", action="store_true")
    ap.add_argument("--cpu-time", action="store_true",
                    help="time the thread's CPU time (for a loaded machine)")
    ap.add_argument("--only", help="run just this case (as the C++ side's --only)")
    args = ap.parse_args()
    QUICK = args.quick
    CPU_TIME = args.cpu_time
    torch.set_num_threads(args.threads)
    if args.write_data:
        write_data(args.data)
    print(f"THREADS {torch.get_num_threads()} torch {torch.__version__}")
    failed = 0
    cases = [
        ("tiny_add", bench_tiny_add),
        ("lstm_b1", lambda: bench_lstm(1)),
        ("lstm_b64", lambda: bench_lstm(64)),
        ("sgemm1024", bench_sgemm),
        ("conv1", lambda: bench_conv("conv1", (64, 1, 28, 28), (6, 1, 5, 5))),
        ("conv2", lambda: bench_conv("conv2", (64, 6, 12, 12), (16, 6, 5, 5))),
        ("lenet_step", lambda: bench_lenet(args.data, max(scaled(100), 10))),
    ]
    for name, fn in cases:
        if args.only and name != args.only:
            continue
        try:
            fn()
        except Exception as e:  # Report and go on, as the C++ side does.
            print(f"ERROR {name} {type(e).__name__}: {e}")
            failed += 1
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
