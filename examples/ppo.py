# Proximal Policy Optimization (clipped surrogate objective) on a grid world
# defined in this file.
#
# The agent starts in the top-left corner of a 5x5 grid and must reach the
# top-right corner; a wall in the middle column forces a detour along the
# bottom row (shortest path: 12 moves). Each move costs 0.01 and reaching the
# goal pays 1. Observations are one-hot cell vectors. Each iteration collects
# a fixed-length rollout with torch.multinomial sampling, computes
# generalised advantage estimates, and runs several epochs of minibatch Adam
# updates on the clipped policy loss, a value loss and an entropy bonus.
# It prints the BFS shortest path length, per-iteration statistics and the
# greedy policy's episode after training.
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

SIZE = 5
WALLS = [(2, 0), (2, 1), (2, 2), (2, 3)]
START = (0, 0)
GOAL = (4, 0)
MOVES = [(0, -1), (0, 1), (-1, 0), (1, 0)]
MAX_STEPS = 40


class GridWorld:
    def __init__(self):
        self.eye = torch.eye(SIZE * SIZE)
        self.pos = START
        self.steps = 0

    def observe(self):
        return self.eye[self.pos[1] * SIZE + self.pos[0]]

    def reset(self):
        self.pos = START
        self.steps = 0
        return self.observe()

    def move(self, pos, action):
        dx, dy = MOVES[action]
        nx = pos[0] + dx
        ny = pos[1] + dy
        if 0 <= nx < SIZE and 0 <= ny < SIZE and (nx, ny) not in WALLS:
            return (nx, ny)
        return pos

    def step(self, action):
        self.pos = self.move(self.pos, action)
        self.steps += 1
        if self.pos == GOAL:
            return self.observe(), 1.0, True
        return self.observe(), -0.01, self.steps >= MAX_STEPS


def shortest_path(env):
    dist = {START: 0}
    frontier = [START]
    while len(frontier) > 0:
        pos = frontier.pop(0)
        for a in range(len(MOVES)):
            nxt = env.move(pos, a)
            if nxt not in dist:
                dist[nxt] = dist[pos] + 1
                frontier.append(nxt)
    return dist[GOAL]


class PolicyValueNet(nn.Module):
    def __init__(self, obs_dim, num_actions, hidden=64):
        super().__init__()
        self.actor = nn.Sequential(nn.Linear(obs_dim, hidden), nn.Tanh(), nn.Linear(hidden, num_actions))
        self.critic = nn.Sequential(nn.Linear(obs_dim, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, obs):
        return F.log_softmax(self.actor(obs), dim=-1), self.critic(obs).squeeze(-1)


def collect(env, model, obs, horizon):
    batch = {"obs": [], "actions": [], "log_probs": [], "values": [], "rewards": [], "dones": []}
    returns = []
    episode_return = 0.0
    with torch.no_grad():
        for _ in range(horizon):
            log_probs, value = model(obs.unsqueeze(0))
            action = torch.multinomial(log_probs.exp(), 1).item()
            next_obs, reward, done = env.step(action)
            batch["obs"].append(obs)
            batch["actions"].append(action)
            batch["log_probs"].append(log_probs[0, action].item())
            batch["values"].append(value.item())
            batch["rewards"].append(reward)
            batch["dones"].append(1.0 if done else 0.0)
            episode_return += reward
            obs = next_obs
            if done:
                returns.append(episode_return)
                episode_return = 0.0
                obs = env.reset()
        _, last_value = model(obs.unsqueeze(0))
    return batch, last_value.item(), obs, returns


def compute_gae(batch, last_value, gamma=0.99, lam=0.95):
    advantages = [0.0 for _ in batch["rewards"]]
    gae = 0.0
    next_value = last_value
    for t in reversed(range(len(advantages))):
        not_done = 1.0 - batch["dones"][t]
        delta = batch["rewards"][t] + gamma * next_value * not_done - batch["values"][t]
        gae = delta + gamma * lam * not_done * gae
        advantages[t] = gae
        next_value = batch["values"][t]
    advantages = torch.tensor(advantages)
    returns = advantages + torch.tensor(batch["values"])
    return advantages, returns


def ppo_update(model, optimizer, batch, advantages, returns, *, epochs=4, minibatch=64, clip=0.2):
    obs = torch.stack(batch["obs"])
    actions = torch.tensor(batch["actions"])
    old_log_probs = torch.tensor(batch["log_probs"])
    advantages = (advantages - advantages.mean()) / (advantages.std() + 1e-8)
    n = obs.size(0)
    for _ in range(epochs):
        perm = torch.randperm(n)
        for start in range(0, n, minibatch):
            idx = perm[start:start + minibatch]
            log_probs, values = model(obs.index_select(0, idx))
            new_log_probs = log_probs.gather(1, actions.index_select(0, idx).unsqueeze(1)).squeeze(1)
            ratio = torch.exp(new_log_probs - old_log_probs.index_select(0, idx))
            adv = advantages.index_select(0, idx)
            surrogate = torch.minimum(ratio * adv, torch.clamp(ratio, 1.0 - clip, 1.0 + clip) * adv)
            policy_loss = -surrogate.mean()
            value_loss = F.mse_loss(values, returns.index_select(0, idx))
            entropy = -(log_probs.exp() * log_probs).sum(dim=1).mean()
            loss = policy_loss + 0.5 * value_loss - 0.01 * entropy
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return policy_loss.item(), value_loss.item(), entropy.item()


def greedy_episode(env, model):
    obs = env.reset()
    with torch.no_grad():
        for step in range(1, MAX_STEPS + 1):
            log_probs, _ = model(obs.unsqueeze(0))
            obs, _, done = env.step(log_probs.argmax(dim=1).item())
            if done:
                return env.pos == GOAL, step
    return False, MAX_STEPS


def main():
    torch.manual_seed(0)
    random.seed(0)
    env = GridWorld()
    print(f"grid {SIZE}x{SIZE} shortest_path {shortest_path(env)}")
    model = PolicyValueNet(SIZE * SIZE, len(MOVES))
    optimizer = optim.Adam(model.parameters(), lr=0.003, betas=(0.9, 0.999))
    obs = env.reset()
    for iteration in range(1, 29):
        batch, last_value, obs, returns = collect(env, model, obs, 256)
        advantages, targets = compute_gae(batch, last_value)
        policy_loss, value_loss, entropy = ppo_update(model, optimizer, batch, advantages, targets)
        mean_return = sum(returns) / len(returns) if len(returns) > 0 else 0.0
        if iteration % 4 == 0:
            print(f"iter {iteration} episodes {len(returns)} mean_return {mean_return:.3f} value_loss {value_loss:.4f} entropy {entropy:.3f}")
    reached, steps = greedy_episode(env, model)
    print(f"greedy reached_goal {reached} steps {steps}")


if __name__ == "__main__":
    main()
