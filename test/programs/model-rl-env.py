# A reinforcement-learning style loop: an environment class using seeded random, a policy network, REINFORCE updates.
import random
import torch
import torch.nn as nn
import torch.nn.functional as F
class Corridor:
    def __init__(self, length):
        self.length = length
        self.pos = 0
    def reset(self):
        self.pos = random.randint(0, self.length - 1)
        return self.pos
    def step(self, action):
        self.pos = max(0, min(self.length - 1, self.pos + (1 if action == 1 else -1)))
        done = self.pos == self.length - 1
        return self.pos, (1.0 if done else -0.1), done
def features(pos, length):
    f = torch.zeros(length)
    f[pos] = 1.0
    return f
random.seed(3)
torch.manual_seed(3)
env = Corridor(5)
policy = nn.Linear(5, 2)
opt = torch.optim.Adam(policy.parameters(), lr=0.1)
for episode in range(6):
    pos = env.reset()
    log_probs = []
    rewards = []
    for t in range(10):
        probs = F.softmax(policy(features(pos, 5)), dim=0)
        action = torch.multinomial(probs, 1).item()
        log_probs.append(torch.log(probs[action]))
        pos, r, done = env.step(action)
        rewards.append(r)
        if done:
            break
    ret = 0.0
    returns = []
    for r in reversed(rewards):
        ret = r + 0.9 * ret
        returns.insert(0, ret)
    loss = -sum([lp * g for lp, g in zip(log_probs, returns)])
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(episode, len(rewards), f"{sum(rewards):.2f}", f"{loss.item():.4f}")
