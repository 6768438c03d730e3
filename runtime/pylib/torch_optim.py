# torch.optim for Janus, written in Janus Python.
#
# The torch.optim rows of runtime/include/janus/Library.def (SGD, Adam) and
# the Optimizer methods (zero_grad, step) on top of Tensor methods, with
# PyTorch 1.13's single-tensor algorithms (foreach=None means the
# single-tensor loop in 1.13; foreach=True computes the same values).
# scripts/check-pylib.py compares them with torch.optim step by step.
#
# Differences forced by the subset (docs/runtime.md, "Janus Python library"):
#   - per-parameter state is kept in lists parallel to each group's params
#     (PyTorch's `optimizer.state` is a dict keyed by the tensors);
#   - argument errors are AssertionErrors (no `raise`) with PyTorch's words;
#   - step(closure) calls the closure before entering torch.no_grad()
#     (PyTorch wraps it in torch.enable_grad(), which the subset lacks);
#   - Adam's addcmul_/addcdiv_ (not in Library.def) are written with
#     multiply/divide/add_ in ATen's operation order; addcmul_ reproduces
#     ATen's fused multiply-add for float32 (see _addcmul_).

import math
import torch


def _contains(items, value):
    for x in items:
        if x is value:
            return True
    return False


def _addcmul_(self, tensor1, tensor2, value):
    # self.addcmul_(tensor1, tensor2, value=value) (not in Library.def):
    # self + (value * tensor1) * tensor2. PyTorch 1.13's CPU kernel (AVX2
    # build) computes it with one fused multiply-add; for float32 the exact
    # product in double plus self, rounded back, gives the same bits (it
    # could differ only where the double sum lies exactly halfway between
    # two floats). float64 has no wider type here: plain multiply and add.
    scaled = tensor1 * value
    if self.dtype == torch.float32:
        self.copy_((self.double() + scaled.double() * tensor2.double()).float())
    else:
        self.add_(scaled * tensor2)
    return self


class Optimizer:
    def __init__(self, params, defaults):
        self.defaults = defaults
        assert not isinstance(params, torch.Tensor), \
            "params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.FloatTensor"
        self.param_groups = []
        # _states[g][i]: the state dict of param_groups[g]['params'][i].
        self._states = []
        param_groups = list(params)
        assert len(param_groups) != 0, "optimizer got an empty parameter list"
        if not isinstance(param_groups[0], dict):
            param_groups = [{"params": param_groups}]
        for param_group in param_groups:
            self.add_param_group(param_group)

    def add_param_group(self, param_group):
        assert isinstance(param_group, dict), "param group must be a dict"
        params = param_group["params"]
        if isinstance(params, torch.Tensor):
            param_group["params"] = [params]
        else:
            param_group["params"] = list(params)
        for param in param_group["params"]:
            assert isinstance(param, torch.Tensor), \
                "optimizer can only optimize Tensors"
            assert param.is_leaf, "can't optimize a non-leaf Tensor"
        for name, default in self.defaults.items():
            param_group.setdefault(name, default)
        for group in self.param_groups:
            for p in group["params"]:
                assert not _contains(param_group["params"], p), \
                    "some parameters appear in more than one parameter group"
        self.param_groups.append(param_group)
        self._states.append([])

    def _state(self, group_index, param_index):
        states = self._states[group_index]
        while len(states) <= param_index:
            states.append({})
        return states[param_index]

    def zero_grad(self, set_to_none=False):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    if set_to_none:
                        p.grad = None
                    else:
                        # PyTorch detaches in place (detach_, not in the subset).
                        if p.grad.grad_fn is not None:
                            p.grad = p.grad.detach()
                        else:
                            p.grad.requires_grad_(False)
                        p.grad.zero_()

    def step(self, closure=None):
        assert self is None, "Optimizer.step is implemented by the optimizer classes"
        return None


class SGD(Optimizer):
    def __init__(self, params, lr, momentum=0, dampening=0, weight_decay=0,
                 nesterov=False, *, maximize=False, foreach=None,
                 differentiable=False):
        assert lr >= 0.0, "Invalid learning rate: {}".format(lr)
        assert momentum >= 0.0, "Invalid momentum value: {}".format(momentum)
        assert weight_decay >= 0.0, "Invalid weight_decay value: {}".format(weight_decay)
        defaults = {"lr": lr, "momentum": momentum, "dampening": dampening,
                    "weight_decay": weight_decay, "nesterov": nesterov,
                    "maximize": maximize, "foreach": foreach,
                    "differentiable": differentiable}
        assert not (nesterov and (momentum <= 0 or dampening != 0)), \
            "Nesterov momentum requires a momentum and zero dampening"
        super().__init__(params, defaults)

    def step(self, closure=None):
        loss = None
        if closure is not None:
            loss = closure()
        with torch.no_grad():
            for g in range(len(self.param_groups)):
                group = self.param_groups[g]
                weight_decay = group["weight_decay"]
                momentum = group["momentum"]
                dampening = group["dampening"]
                nesterov = group["nesterov"]
                maximize = group["maximize"]
                lr = group["lr"]
                params = group["params"]
                for i in range(len(params)):
                    param = params[i]
                    if param.grad is None:
                        continue
                    state = self._state(g, i)
                    d_p = param.grad if not maximize else -param.grad
                    if weight_decay != 0:
                        d_p = d_p.add(param, alpha=weight_decay)
                    if momentum != 0:
                        buf = state.get("momentum_buffer", None)
                        if buf is None:
                            buf = d_p.clone().detach()
                            state["momentum_buffer"] = buf
                        else:
                            buf.mul_(momentum).add_(d_p, alpha=1 - dampening)
                        if nesterov:
                            d_p = d_p.add(buf, alpha=momentum)
                        else:
                            d_p = buf
                    else:
                        state["momentum_buffer"] = None
                    param.add_(d_p, alpha=-lr)
        return loss


class Adam(Optimizer):
    def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-08,
                 weight_decay=0, amsgrad=False, *, foreach=None,
                 maximize=False, capturable=False, differentiable=False,
                 fused=False):
        assert 0.0 <= lr, "Invalid learning rate: {}".format(lr)
        assert 0.0 <= eps, "Invalid epsilon value: {}".format(eps)
        assert 0.0 <= betas[0] and betas[0] < 1.0, \
            "Invalid beta parameter at index 0: {}".format(betas[0])
        assert 0.0 <= betas[1] and betas[1] < 1.0, \
            "Invalid beta parameter at index 1: {}".format(betas[1])
        assert 0.0 <= weight_decay, "Invalid weight_decay value: {}".format(weight_decay)
        defaults = {"lr": lr, "betas": betas, "eps": eps,
                    "weight_decay": weight_decay, "amsgrad": amsgrad,
                    "maximize": maximize, "foreach": foreach,
                    "capturable": capturable, "differentiable": differentiable,
                    "fused": fused}
        super().__init__(params, defaults)
        assert not (fused and differentiable), "`fused` cannot be `differentiable`"
        assert not fused, "FusedAdam requires all the params to be CUDA, floating point"
        assert not capturable, \
            "If capturable=True, params and state_steps must be CUDA tensors."

    def step(self, closure=None):
        loss = None
        if closure is not None:
            loss = closure()
        with torch.no_grad():
            for g in range(len(self.param_groups)):
                group = self.param_groups[g]
                beta1 = group["betas"][0]
                beta2 = group["betas"][1]
                lr = group["lr"]
                eps = group["eps"]
                weight_decay = group["weight_decay"]
                amsgrad = group["amsgrad"]
                maximize = group["maximize"]
                params = group["params"]
                for i in range(len(params)):
                    param = params[i]
                    if param.grad is None:
                        continue
                    state = self._state(g, i)
                    if len(state) == 0:
                        state["step"] = 0.0
                        state["exp_avg"] = torch.zeros_like(param)
                        state["exp_avg_sq"] = torch.zeros_like(param)
                        if amsgrad:
                            state["max_exp_avg_sq"] = torch.zeros_like(param)
                    grad = param.grad if not maximize else -param.grad
                    exp_avg = state["exp_avg"]
                    exp_avg_sq = state["exp_avg_sq"]
                    # 1.13 counts in a float32 tensor; exact for any
                    # realistic number of steps.
                    step = state["step"] + 1.0
                    state["step"] = step
                    if weight_decay != 0:
                        grad = grad.add(param, alpha=weight_decay)
                    exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                    exp_avg_sq.mul_(beta2)
                    _addcmul_(exp_avg_sq, grad, grad, 1 - beta2)
                    bias_correction1 = 1 - beta1 ** step
                    bias_correction2 = 1 - beta2 ** step
                    step_size = lr / bias_correction1
                    bias_correction2_sqrt = math.sqrt(bias_correction2)
                    if amsgrad:
                        max_exp_avg_sq = state["max_exp_avg_sq"]
                        max_exp_avg_sq.copy_(torch.maximum(max_exp_avg_sq, exp_avg_sq))
                        denom = (max_exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
                    else:
                        denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
                    # addcdiv_(exp_avg, denom, value=-step_size): self + value * t1 / t2
                    param.add_(exp_avg * (-step_size) / denom)
        return loss
