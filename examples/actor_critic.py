# Advantage actor-critic on a cart-pole balancing task simulated in this file.
#
# The environment integrates the classic cart-pole equations of motion
# (Barto, Sutton & Anderson) with Euler steps; the episode ends when the pole
# falls past 12 degrees, the cart leaves the track, or MAX_STEPS is reached.
# A shared two-layer body feeds a policy head (softmax over push-left /
# push-right) and a value head. Actions are sampled with torch.multinomial;
# after each episode the discounted returns are normalised, the advantage is
# return - value, and the actor (policy gradient) and critic (MSE) losses are
# minimised together with Adam. It prints the mean episode length of every
# block of episodes and the mean length of greedy evaluation episodes.
import math
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

MAX_STEPS = 200
GAMMA = 0.99


class CartPole:
    def __init__(self):
        self.gravity = 9.8
        self.cart_mass = 1.0
        self.pole_mass = 0.1
        self.total_mass = self.cart_mass + self.pole_mass
        self.half_length = 0.5
        self.force_mag = 10.0
        self.tau = 0.02
        self.theta_limit = 12 * 2 * math.pi / 360
        self.x_limit = 2.4
        self.state = [0.0, 0.0, 0.0, 0.0]

    def reset(self):
        self.state = [random.uniform(-0.05, 0.05) for _ in range(4)]
        return list(self.state)

    def step(self, action):
        x, x_dot, theta, theta_dot = self.state
        force = self.force_mag if action == 1 else -self.force_mag
        cos_t = math.cos(theta)
        sin_t = math.sin(theta)
        pml = self.pole_mass * self.half_length
        temp = (force + pml * theta_dot ** 2 * sin_t) / self.total_mass
        theta_acc = (self.gravity * sin_t - cos_t * temp) / (
            self.half_length * (4.0 / 3.0 - self.pole_mass * cos_t ** 2 / self.total_mass))
        x_acc = temp - pml * theta_acc * cos_t / self.total_mass
        x += self.tau * x_dot
        x_dot += self.tau * x_acc
        theta += self.tau * theta_dot
        theta_dot += self.tau * theta_acc
        self.state = [x, x_dot, theta, theta_dot]
        done = abs(x) > self.x_limit or abs(theta) > self.theta_limit
        return list(self.state), 1.0, done


class ActorCritic(nn.Module):
    def __init__(self, obs_dim, num_actions, hidden=64):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, hidden), nn.ReLU())
        self.policy = nn.Linear(hidden, num_actions)
        self.value = nn.Linear(hidden, 1)

    def forward(self, obs):
        h = self.body(obs)
        return F.softmax(self.policy(h), dim=-1), self.value(h).squeeze(-1)


def run_episode(env, model):
    obs = env.reset()
    log_probs = []
    values = []
    rewards = []
    for t in range(MAX_STEPS):
        probs, value = model(torch.tensor([obs]))
        action = torch.multinomial(probs, 1)
        log_probs.append(torch.log(probs.gather(1, action)).squeeze())
        values.append(value.squeeze())
        obs, reward, done = env.step(action.item())
        rewards.append(reward)
        if done:
            break
    return log_probs, values, rewards


def discounted_returns(rewards, gamma):
    returns = []
    running = 0.0
    for r in reversed(rewards):
        running = r + gamma * running
        returns.insert(0, running)
    returns = torch.tensor(returns)
    if len(rewards) > 1:
        returns = (returns - returns.mean()) / (returns.std() + 1e-6)
    return returns


def greedy_length(env, model):
    obs = env.reset()
    steps = 0
    with torch.no_grad():
        while steps < MAX_STEPS:
            probs, _ = model(torch.tensor([obs]))
            obs, _, done = env.step(probs.argmax(dim=1).item())
            steps += 1
            if done:
                break
    return steps


def main():
    torch.manual_seed(0)
    random.seed(0)
    env = CartPole()
    model = ActorCritic(4, 2)
    optimizer = optim.Adam(model.parameters(), lr=0.01)

    lengths = []
    for episode in range(1, 301):
        log_probs, values, rewards = run_episode(env, model)
        returns = discounted_returns(rewards, GAMMA)
        log_probs = torch.stack(log_probs)
        values = torch.stack(values)
        advantage = returns - values.detach()
        actor_loss = -(log_probs * advantage).sum()
        critic_loss = F.mse_loss(values, returns, reduction="sum")
        optimizer.zero_grad()
        (actor_loss + critic_loss).backward()
        optimizer.step()
        lengths.append(len(rewards))
        if episode % 50 == 0:
            recent = lengths[-50:]
            print(f"episodes {episode} mean_length {sum(recent) / len(recent):.1f} max_length {max(recent)}")

    evals = [greedy_length(env, model) for _ in range(5)]
    print(f"greedy mean_length {sum(evals) / len(evals):.1f}")


if __name__ == "__main__":
    main()
