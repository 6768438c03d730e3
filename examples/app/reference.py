# The oracle side of the app-example test: runs examples/app/model.py under
# CPython + PyTorch 1.13 exactly as app.cpp drives it through the C entry
# points (same inputs, same calls, same order) and prints the lines app.cpp
# prints for them. check-app.py compares the two outputs.
import math
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model  # noqa: E402  (its __name__ is "model", as under model_init)

STEPS = 8
ROWS = 16

m = model.make_model(0)
opt = model.make_optimizer(m, 0.05)
# app.cpp fills the float32 buffer with sin(0.5 * i + 1.3 * j) computed in
# double precision.
x = torch.tensor([[math.sin(0.5 * i + 1.3 * j) for j in range(3)]
                  for i in range(ROWS)], dtype=torch.float32)
y = model.targets(x)
for step in range(STEPS):
    print("step %d loss %.9g" % (step, model.train_step(m, opt, x, y)))
try:
    model.train_step(m, opt, torch.zeros(ROWS, 2), y)
except RuntimeError as e:
    print("bad input: %s" % type(e).__name__)
