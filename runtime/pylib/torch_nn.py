# torch.nn for Janus, written in Janus Python.
#
# Every torch.nn class and nn.Module method row of runtime/include/janus/
# Library.def (groups TorchNN and Module) is implemented here on top of the
# native functional layer (torch.*, torch.nn.functional, Tensor methods), so
# that janusc compiles it like user code. The file is also plain Python: under
# CPython with real torch providing the functional layer it behaves like
# PyTorch 1.13's torch.nn (scripts/check-pylib.py checks that, class by class).
#
# Registration (docs/runtime.md, "Janus Python library (pylib)"): Janus Python
# has no __setattr__ hook, so a module does not see `self.fc = nn.Linear(...)`
# when it happens. Instead every traversal (parameters, named_parameters,
# children, modules, train, eval, zero_grad) first calls _sync(), which walks
# the instance's attributes in assignment order (self.__dict__) and rebuilds
# the ordered registries _parameters and _modules from them:
#   - an attribute holding a Module is a submodule;
#   - an attribute holding a tensor is a parameter if it was registered as one
#     before (register_parameter, or an earlier walk), or if it is a Parameter
#     (isinstance(value, torch.nn.parameter.Parameter), as PyTorch's
#     __setattr__ tests), however it was made and whichever modules hold it;
#   - None under a registered name stays registered as None (bias=False).
# CPython's __dict__ keeps first-assignment order, which is the order in which
# PyTorch's __setattr__ fills _parameters and _modules, so names and order
# match PyTorch's. The library's own classes register with register_parameter
# / register_buffer / add_module, which also set the attribute.
#
# Parameter: Janus Python cannot subclass torch.Tensor, so Parameter(data) is a
# function returning torch.nn.parameter.Parameter(data, requires_grad) (under
# Janus a native row: a new leaf sharing data's storage, with requires_grad
# set and the tensor's parameter flag, which prints "Parameter containing:";
# under CPython PyTorch's own class). isinstance(x, nn.Parameter) and
# isinstance(x, torch.nn.parameter.Parameter) test that flag (the runtime
# recognises this function as the class).
#
# Errors: Janus Python has no `raise`; argument checks are asserts
# (AssertionError with PyTorch's message where PyTorch raises ValueError or
# TypeError).

import math
import torch
import torch.nn.functional as F


class _Missing:
    pass


# Marks an argument that was not passed (Module.__call__, Sequential).
_MISSING = _Missing()


def _contains(items, value):
    # `value in items` by identity (PyTorch's memo sets hash by id).
    for x in items:
        if x is value:
            return True
    return False


def _pair(x):
    # torch.nn.modules.utils._pair
    if isinstance(x, (list, tuple)):
        return tuple(x)
    return (x, x)


def _legacy_reduction(size_average, reduce, reduction):
    # torch.nn._reduction.legacy_get_string (without the warning).
    if size_average is None and reduce is None:
        return reduction
    if size_average is None:
        size_average = True
    if reduce is None:
        reduce = True
    if size_average and reduce:
        return "mean"
    if reduce:
        return "sum"
    return "none"


#===----------------------------------------------------------------------===#
# torch.nn.init (the parts the modules use), in PyTorch 1.13's arithmetic
#===----------------------------------------------------------------------===#


def calculate_gain(nonlinearity, param=None):
    linear_fns = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d",
                  "conv_transpose2d", "conv_transpose3d"]
    if nonlinearity in linear_fns or nonlinearity == "sigmoid":
        return 1
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        negative_slope = 0.01
        if param is not None:
            assert isinstance(param, (int, float)) and not isinstance(param, bool), \
                "negative_slope {} not a valid number".format(param)
            negative_slope = param
        return math.sqrt(2.0 / (1 + negative_slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    assert False, "Unsupported nonlinearity {}".format(nonlinearity)
    return 1


def _calculate_fan_in_and_fan_out(tensor):
    dimensions = tensor.dim()
    assert dimensions >= 2, \
        "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions"
    num_input_fmaps = tensor.size(1)
    num_output_fmaps = tensor.size(0)
    receptive_field_size = 1
    if dimensions > 2:
        for s in tensor.shape[2:]:
            receptive_field_size *= s
    fan_in = num_input_fmaps * receptive_field_size
    fan_out = num_output_fmaps * receptive_field_size
    return fan_in, fan_out


def _calculate_correct_fan(tensor, mode):
    mode = mode.lower()
    assert mode in ["fan_in", "fan_out"], \
        "Mode {} not supported, please use one of fan_in, fan_out".format(mode)
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    if mode == "fan_in":
        return fan_in
    return fan_out


def uniform_(tensor, a=0.0, b=1.0):
    with torch.no_grad():
        tensor.uniform_(a, b)
    return tensor


def normal_(tensor, mean=0.0, std=1.0):
    with torch.no_grad():
        tensor.normal_(mean, std)
    return tensor


def zeros_(tensor):
    with torch.no_grad():
        tensor.zero_()
    return tensor


def ones_(tensor):
    with torch.no_grad():
        tensor.fill_(1.0)
    return tensor


def kaiming_uniform_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu"):
    fan = _calculate_correct_fan(tensor, mode)
    gain = calculate_gain(nonlinearity, a)
    std = gain / math.sqrt(fan)
    bound = math.sqrt(3.0) * std
    with torch.no_grad():
        tensor.uniform_(-bound, bound)
    return tensor


#===----------------------------------------------------------------------===#
# Parameter and Module
#===----------------------------------------------------------------------===#


def Parameter(data=None, requires_grad=True):
    if data is None:
        data = torch.zeros(0)
    return torch.nn.parameter.Parameter(data, requires_grad)


class Module:
    def __init__(self):
        self.training = True
        self._parameters = {}
        self._buffers = {}
        self._modules = {}

    # Calling a module runs forward. Janus Python has no *args/**kwargs, so
    # up to eight positional arguments are passed on; keyword arguments need
    # a direct call of forward.
    def __call__(self, input=_MISSING, arg1=_MISSING, arg2=_MISSING,
                 arg3=_MISSING, arg4=_MISSING, arg5=_MISSING, arg6=_MISSING,
                 arg7=_MISSING):
        if input is _MISSING:
            return self.forward()
        if arg1 is _MISSING:
            return self.forward(input)
        if arg2 is _MISSING:
            return self.forward(input, arg1)
        if arg3 is _MISSING:
            return self.forward(input, arg1, arg2)
        if arg4 is _MISSING:
            return self.forward(input, arg1, arg2, arg3)
        if arg5 is _MISSING:
            return self.forward(input, arg1, arg2, arg3, arg4)
        if arg6 is _MISSING:
            return self.forward(input, arg1, arg2, arg3, arg4, arg5)
        if arg7 is _MISSING:
            return self.forward(input, arg1, arg2, arg3, arg4, arg5, arg6)
        return self.forward(input, arg1, arg2, arg3, arg4, arg5, arg6, arg7)

    def forward(self, input=None):
        assert self is None, "Module [Module] is missing the required \"forward\" function"
        return None

    # -- registration ------------------------------------------------------

    def register_parameter(self, name, param):
        self._parameters[name] = param
        setattr(self, name, param)

    def register_buffer(self, name, tensor, persistent=True):
        self._buffers[name] = tensor
        setattr(self, name, tensor)

    def add_module(self, name, module):
        self._modules[name] = module
        setattr(self, name, module)

    def _sync(self):
        # Rebuilds _parameters and _modules from the attributes, in
        # assignment order (see the file comment).
        params = {}
        modules = {}
        for name, value in self.__dict__.items():
            if isinstance(value, Module):
                modules[name] = value
            elif value is None:
                if name in self._parameters:
                    params[name] = None
                elif name in self._modules:
                    modules[name] = None
            elif isinstance(value, torch.Tensor):
                if name in self._parameters:
                    params[name] = value
                elif isinstance(value, torch.nn.parameter.Parameter):
                    params[name] = value
        self._parameters = params
        self._modules = modules

    # -- traversal (lists where PyTorch returns generators) -----------------

    def _named_modules(self, memo, prefix, out):
        if _contains(memo, self):
            return
        memo.append(self)
        out.append((prefix, self))
        self._sync()
        for name, module in self._modules.items():
            if module is None:
                continue
            sub = prefix + ("." if prefix else "") + name
            module._named_modules(memo, sub, out)

    def named_modules(self, memo=None, prefix="", remove_duplicate=True):
        out = []
        self._named_modules([], prefix, out)
        return out

    def modules(self):
        return [m for name, m in self.named_modules()]

    def named_children(self):
        self._sync()
        memo = []
        out = []
        for name, module in self._modules.items():
            if module is not None and not _contains(memo, module):
                memo.append(module)
                out.append((name, module))
        return out

    def children(self):
        return [m for name, m in self.named_children()]

    def named_parameters(self, prefix="", recurse=True):
        if recurse:
            modules = self.named_modules(prefix=prefix)
        else:
            self._sync()
            modules = [(prefix, self)]
        memo = []
        out = []
        for module_prefix, module in modules:
            for k, v in module._parameters.items():
                if v is None or _contains(memo, v):
                    continue
                memo.append(v)
                out.append((module_prefix + ("." if module_prefix else "") + k, v))
        return out

    def parameters(self, recurse=True):
        return [p for name, p in self.named_parameters(recurse=recurse)]

    # -- modes and gradients -------------------------------------------------

    def train(self, mode=True):
        assert isinstance(mode, bool), "training mode is expected to be boolean"
        self.training = mode
        for module in self.children():
            module.train(mode)
        return self

    def eval(self):
        return self.train(False)

    def zero_grad(self, set_to_none=False):
        for p in self.parameters():
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


#===----------------------------------------------------------------------===#
# Containers
#===----------------------------------------------------------------------===#


class Sequential(Module):
    # PyTorch: Sequential(*args). Janus Python has no *args parameters, so the
    # modules are up to 32 positional arguments (an OrderedDict is not
    # supported).
    def __init__(self, m0=_MISSING, m1=_MISSING, m2=_MISSING, m3=_MISSING,
                 m4=_MISSING, m5=_MISSING, m6=_MISSING, m7=_MISSING,
                 m8=_MISSING, m9=_MISSING, m10=_MISSING, m11=_MISSING,
                 m12=_MISSING, m13=_MISSING, m14=_MISSING, m15=_MISSING,
                 m16=_MISSING, m17=_MISSING, m18=_MISSING, m19=_MISSING,
                 m20=_MISSING, m21=_MISSING, m22=_MISSING, m23=_MISSING,
                 m24=_MISSING, m25=_MISSING, m26=_MISSING, m27=_MISSING,
                 m28=_MISSING, m29=_MISSING, m30=_MISSING, m31=_MISSING):
        super().__init__()
        self._list = []
        args = [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13,
                m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25,
                m26, m27, m28, m29, m30, m31]
        for module in args:
            if module is _MISSING:
                break
            self.append(module)

    def append(self, module):
        self.add_module(str(len(self._list)), module)
        self._list.append(module)
        return self

    def __len__(self):
        return len(self._list)

    def __getitem__(self, idx):
        if isinstance(idx, int):
            return self._list[idx]
        # A slice: a Sequential of the same modules under their old names.
        self._sync()
        names = [name for name in self._modules.keys()][idx]
        seq = Sequential()
        for name in names:
            seq.add_module(name, self._modules[name])
            seq._list.append(self._modules[name])
        return seq

    def __iter__(self):
        # iter(self._list) without iter() (not in the subset).
        return reversed(self._list[::-1])

    def forward(self, input):
        for module in self._list:
            input = module(input)
        return input


class ModuleList(Module):
    def __init__(self, modules=None):
        super().__init__()
        self._list = []
        if modules is not None:
            self.extend(modules)

    def append(self, module):
        self.add_module(str(len(self._list)), module)
        self._list.append(module)
        return self

    def extend(self, modules):
        for module in modules:
            self.append(module)
        return self

    def insert(self, index, module):
        n = len(self._list)
        self._list.insert(index, module)
        # PyTorch renumbers: names "0".."n" follow the list again.
        for i in range(n + 1):
            self.add_module(str(i), self._list[i])

    def __len__(self):
        return len(self._list)

    def __getitem__(self, idx):
        if isinstance(idx, int):
            return self._list[idx]
        return ModuleList(self._list[idx])

    def __setitem__(self, idx, module):
        if idx < 0:
            idx += len(self._list)
        self._list[idx] = module
        self.add_module(str(idx), module)

    def __iter__(self):
        # iter(self._list) without iter() (not in the subset).
        return reversed(self._list[::-1])

    def forward(self, input=None):
        assert self is None, "Module [ModuleList] is missing the required \"forward\" function"
        return None


#===----------------------------------------------------------------------===#
# Layers with parameters
#===----------------------------------------------------------------------===#


class Linear(Module):
    def __init__(self, in_features, out_features, bias=True, device=None,
                 dtype=None):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.register_parameter("weight", Parameter(
            torch.zeros(out_features, in_features, device=device, dtype=dtype)))
        if bias:
            self.register_parameter("bias", Parameter(
                torch.zeros(out_features, device=device, dtype=dtype)))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, fan_out = _calculate_fan_in_and_fan_out(self.weight)
            bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
            uniform_(self.bias, -bound, bound)

    def forward(self, input):
        return F.linear(input, self.weight, self.bias)


class Conv2d(Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride=1,
                 padding=0, dilation=1, groups=1, bias=True,
                 padding_mode="zeros", device=None, dtype=None):
        super().__init__()
        kernel_size = _pair(kernel_size)
        stride = _pair(stride)
        if not isinstance(padding, str):
            padding = _pair(padding)
        dilation = _pair(dilation)
        assert groups > 0, "groups must be a positive integer"
        assert in_channels % groups == 0, "in_channels must be divisible by groups"
        assert out_channels % groups == 0, "out_channels must be divisible by groups"
        assert padding_mode in ["zeros", "reflect", "replicate", "circular"], \
            "padding_mode must be one of ['zeros', 'reflect', 'replicate', 'circular'], but got padding_mode='{}'".format(padding_mode)
        if isinstance(padding, str):
            assert padding in ["valid", "same"], \
                "Invalid padding string {!r}, should be one of ['valid', 'same']".format(padding)
            assert not (padding == "same" and any(s != 1 for s in stride)), \
                "padding='same' is not supported for strided convolutions"
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.kernel_size = kernel_size
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.transposed = False
        self.output_padding = (0, 0)
        self.groups = groups
        self.padding_mode = padding_mode
        # F.pad's order: last dimension first, each side twice.
        if isinstance(padding, str):
            self._reversed_padding_repeated_twice = [0, 0, 0, 0]
            if padding == "same":
                for d in [1, 0]:
                    total = dilation[d] * (kernel_size[d] - 1)
                    left = total // 2
                    self._reversed_padding_repeated_twice[2 * (1 - d)] = left
                    self._reversed_padding_repeated_twice[2 * (1 - d) + 1] = total - left
        else:
            self._reversed_padding_repeated_twice = [padding[1], padding[1],
                                                     padding[0], padding[0]]
        self.register_parameter("weight", Parameter(torch.zeros(
            out_channels, in_channels // groups, kernel_size[0], kernel_size[1],
            device=device, dtype=dtype)))
        if bias:
            self.register_parameter("bias", Parameter(
                torch.zeros(out_channels, device=device, dtype=dtype)))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, fan_out = _calculate_fan_in_and_fan_out(self.weight)
            if fan_in != 0:
                bound = 1 / math.sqrt(fan_in)
                uniform_(self.bias, -bound, bound)

    def forward(self, input):
        if self.padding_mode != "zeros":
            padded = F.pad(input, self._reversed_padding_repeated_twice,
                           mode=self.padding_mode)
            return F.conv2d(padded, self.weight, self.bias, self.stride, 0,
                            self.dilation, self.groups)
        return F.conv2d(input, self.weight, self.bias, self.stride,
                        self.padding, self.dilation, self.groups)


def _dilate_last_two(x, sh, sw):
    # Inserts sh-1 zero rows between rows and sw-1 zero columns between
    # columns of a [N, C, H, W] tensor; leaves sh-1 / sw-1 trailing zeros.
    n = x.size(0)
    c = x.size(1)
    h = x.size(2)
    w = x.size(3)
    if sh > 1:
        z = torch.zeros(n, c, h, sh - 1, w, dtype=x.dtype, device=x.device)
        x = torch.cat([x.unsqueeze(3), z], 3).reshape(n, c, h * sh, w)
        h = h * sh
    if sw > 1:
        z = torch.zeros(n, c, h, w, sw - 1, dtype=x.dtype, device=x.device)
        x = torch.cat([x.unsqueeze(4), z], 4).reshape(n, c, h, w * sw)
    return x


def _conv_transpose2d(input, weight, bias, stride, padding, output_padding,
                      groups, dilation):
    # F.conv_transpose2d is not in Library.def: the transposed convolution is
    # a stride-1 convolution of the zero-dilated input with the flipped,
    # in/out-swapped weight, padded by dilation*(k-1)-padding (F.pad crops
    # where that is negative).
    unbatched = input.dim() == 3
    if unbatched:
        input = input.unsqueeze(0)
    cin = weight.size(0)
    cout_g = weight.size(1)
    kh = weight.size(2)
    kw = weight.size(3)
    w = weight.reshape(groups, cin // groups, cout_g, kh, kw).transpose(1, 2)
    w = w.reshape(groups * cout_g, cin // groups, kh, kw)
    w = w.index_select(2, torch.arange(kh - 1, -1, -1, device=weight.device))
    w = w.index_select(3, torch.arange(kw - 1, -1, -1, device=weight.device))
    x = _dilate_last_two(input, stride[0], stride[1])
    top = dilation[0] * (kh - 1) - padding[0]
    left = dilation[1] * (kw - 1) - padding[1]
    bottom = top + output_padding[0] - (stride[0] - 1)
    right = left + output_padding[1] - (stride[1] - 1)
    x = F.pad(x, (left, right, top, bottom))
    out = F.conv2d(x, w, bias, 1, 0, dilation, groups)
    if unbatched:
        out = out.squeeze(0)
    return out


class ConvTranspose2d(Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride=1,
                 padding=0, output_padding=0, groups=1, bias=True, dilation=1,
                 padding_mode="zeros", device=None, dtype=None):
        super().__init__()
        assert padding_mode == "zeros", \
            "Only \"zeros\" padding mode is supported for ConvTranspose2d"
        kernel_size = _pair(kernel_size)
        stride = _pair(stride)
        padding = _pair(padding)
        dilation = _pair(dilation)
        output_padding = _pair(output_padding)
        assert groups > 0, "groups must be a positive integer"
        assert in_channels % groups == 0, "in_channels must be divisible by groups"
        assert out_channels % groups == 0, "out_channels must be divisible by groups"
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.kernel_size = kernel_size
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.transposed = True
        self.output_padding = output_padding
        self.groups = groups
        self.padding_mode = padding_mode
        self.register_parameter("weight", Parameter(torch.zeros(
            in_channels, out_channels // groups, kernel_size[0], kernel_size[1],
            device=device, dtype=dtype)))
        if bias:
            self.register_parameter("bias", Parameter(
                torch.zeros(out_channels, device=device, dtype=dtype)))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, fan_out = _calculate_fan_in_and_fan_out(self.weight)
            if fan_in != 0:
                bound = 1 / math.sqrt(fan_in)
                uniform_(self.bias, -bound, bound)

    def _output_padding(self, input, output_size):
        if output_size is None:
            return self.output_padding
        num_non_spatial = 2 if input.dim() == 4 else 1
        output_size = list(output_size)
        if len(output_size) == num_non_spatial + 2:
            output_size = output_size[num_non_spatial:]
        assert len(output_size) == 2, \
            "ConvTranspose2D: for {}D input, output_size must have 2 or {} elements (got {})".format(
                input.dim(), num_non_spatial + 2, len(output_size))
        res = []
        for d in range(2):
            min_size = ((input.size(d + num_non_spatial) - 1) * self.stride[d]
                        - 2 * self.padding[d]
                        + self.dilation[d] * (self.kernel_size[d] - 1) + 1)
            max_size = min_size + self.stride[d] - 1
            assert min_size <= output_size[d] and output_size[d] <= max_size, \
                "requested an output size of {}, but valid sizes range from {} to {} (for an input of {})".format(
                    output_size, [min_size], [max_size], list(input.shape[num_non_spatial:]))
            res.append(output_size[d] - min_size)
        return (res[0], res[1])

    def forward(self, input, output_size=None):
        output_padding = self._output_padding(input, output_size)
        return _conv_transpose2d(input, self.weight, self.bias, self.stride,
                                 self.padding, output_padding, self.groups,
                                 self.dilation)


class BatchNorm2d(Module):
    def __init__(self, num_features, eps=1e-05, momentum=0.1, affine=True,
                 track_running_stats=True, device=None, dtype=None):
        super().__init__()
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        self.track_running_stats = track_running_stats
        if affine:
            self.register_parameter("weight", Parameter(
                torch.zeros(num_features, device=device, dtype=dtype)))
            self.register_parameter("bias", Parameter(
                torch.zeros(num_features, device=device, dtype=dtype)))
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)
        if track_running_stats:
            self.register_buffer("running_mean",
                                 torch.zeros(num_features, device=device, dtype=dtype))
            self.register_buffer("running_var",
                                 torch.ones(num_features, device=device, dtype=dtype))
            self.register_buffer("num_batches_tracked",
                                 torch.tensor(0, dtype=torch.long, device=device))
        else:
            self.register_buffer("running_mean", None)
            self.register_buffer("running_var", None)
            self.register_buffer("num_batches_tracked", None)
        self.reset_parameters()

    def reset_running_stats(self):
        if self.track_running_stats:
            with torch.no_grad():
                self.running_mean.zero_()
                self.running_var.fill_(1)
                self.num_batches_tracked.zero_()

    def reset_parameters(self):
        self.reset_running_stats()
        if self.affine:
            ones_(self.weight)
            zeros_(self.bias)

    def forward(self, input):
        assert input.dim() == 4, \
            "expected 4D input (got {}D input)".format(input.dim())
        if self.momentum is None:
            exponential_average_factor = 0.0
        else:
            exponential_average_factor = self.momentum
        if self.training and self.track_running_stats:
            if self.num_batches_tracked is not None:
                with torch.no_grad():
                    self.num_batches_tracked.add_(1)
                if self.momentum is None:
                    exponential_average_factor = 1.0 / float(self.num_batches_tracked.item())
                else:
                    exponential_average_factor = self.momentum
        if self.training:
            bn_training = True
        else:
            bn_training = self.running_mean is None and self.running_var is None
        use_running = not self.training or self.track_running_stats
        return _batch_norm(input,
                           self.running_mean if use_running else None,
                           self.running_var if use_running else None,
                           self.weight, self.bias, bn_training,
                           exponential_average_factor, self.eps)


def _batch_norm(input, running_mean, running_var, weight, bias, training,
                momentum, eps):
    # F.batch_norm is not in Library.def: written with reductions. Batch
    # statistics are the biased mean/variance over (N, H, W); the running
    # variance is updated with the unbiased one, as ATen does.
    c = input.size(1)
    if training:
        count = input.numel() // c
        assert count > 1, \
            "Expected more than 1 value per channel when training, got input size {}".format(input.shape)
        mean = input.mean((0, 2, 3))
        centered = input - mean.reshape(1, c, 1, 1)
        var = (centered * centered).mean((0, 2, 3))
        if running_mean is not None:
            with torch.no_grad():
                running_mean.copy_(mean * momentum + running_mean * (1 - momentum))
                unbiased = var * (count / (count - 1))
                running_var.copy_(unbiased * momentum + running_var * (1 - momentum))
        invstd = 1.0 / torch.sqrt(var + eps)
        out = centered * invstd.reshape(1, c, 1, 1)
    else:
        invstd = 1.0 / torch.sqrt(running_var + eps)
        out = (input - running_mean.reshape(1, c, 1, 1)) * invstd.reshape(1, c, 1, 1)
    if weight is not None:
        out = out * weight.reshape(1, c, 1, 1)
    if bias is not None:
        out = out + bias.reshape(1, c, 1, 1)
    return out


class Embedding(Module):
    def __init__(self, num_embeddings, embedding_dim, padding_idx=None,
                 max_norm=None, norm_type=2.0, scale_grad_by_freq=False,
                 sparse=False, _weight=None, device=None, dtype=None):
        super().__init__()
        self.num_embeddings = num_embeddings
        self.embedding_dim = embedding_dim
        if padding_idx is not None:
            if padding_idx > 0:
                assert padding_idx < num_embeddings, \
                    "Padding_idx must be within num_embeddings"
            elif padding_idx < 0:
                assert padding_idx >= -num_embeddings, \
                    "Padding_idx must be within num_embeddings"
                padding_idx = num_embeddings + padding_idx
        self.padding_idx = padding_idx
        self.max_norm = max_norm
        self.norm_type = norm_type
        self.scale_grad_by_freq = scale_grad_by_freq
        if _weight is None:
            self.register_parameter("weight", Parameter(torch.zeros(
                num_embeddings, embedding_dim, device=device, dtype=dtype)))
            self.reset_parameters()
        else:
            assert list(_weight.shape) == [num_embeddings, embedding_dim], \
                "Shape of weight does not match num_embeddings and embedding_dim"
            self.register_parameter("weight", Parameter(_weight))
        self.sparse = sparse

    def reset_parameters(self):
        normal_(self.weight)
        if self.padding_idx is not None:
            with torch.no_grad():
                self.weight[self.padding_idx].fill_(0)

    def forward(self, input):
        return F.embedding(input, self.weight, self.padding_idx, self.max_norm,
                           self.norm_type, self.scale_grad_by_freq, self.sparse)


#===----------------------------------------------------------------------===#
# Recurrent layers
#===----------------------------------------------------------------------===#


def _lstm_cell(input, hx, cx, w_ih, w_hh, b_ih, b_hh, w_hr):
    # ATen's LSTMCell (RNN.cpp): gates = linear_hh(h) + linear_ih(x); input
    # may be a precomputed linear_ih(x) (w_ih None).
    if w_ih is None:
        gates = F.linear(hx, w_hh, b_hh) + input
    else:
        gates = F.linear(hx, w_hh, b_hh) + F.linear(input, w_ih, b_ih)
    chunks = gates.chunk(4, 1)
    ingate = torch.sigmoid(chunks[0])
    forgetgate = torch.sigmoid(chunks[1])
    cellgate = torch.tanh(chunks[2])
    outgate = torch.sigmoid(chunks[3])
    cy = forgetgate * cx + ingate * cellgate
    hy = outgate * torch.tanh(cy)
    if w_hr is not None:
        hy = F.linear(hy, w_hr)
    return hy, cy


def _gru_cell(input, hx, w_ih, w_hh, b_ih, b_hh):
    # ATen's GRUCell (RNN.cpp), same operation order. ATen adds into the
    # chunks in place and applies sigmoid_ to those strided [B, H] views;
    # taking the gates as column slices of one [B, 2H] sum gives sigmoid the
    # same strided rows, hence the same kernel loop and the same bits.
    h = hx.size(1)
    igates = F.linear(input, w_ih, b_ih)
    hgates = F.linear(hx, w_hh, b_hh)
    rz = hgates[:, 0:2 * h] + igates[:, 0:2 * h]
    reset_gate = torch.sigmoid(rz[:, 0:h])
    input_gate = torch.sigmoid(rz[:, h:2 * h])
    new_gate = torch.tanh(igates[:, 2 * h:] + hgates[:, 2 * h:] * reset_gate)
    return (hx - new_gate) * input_gate + new_gate


class _RNNCellBase(Module):
    def __init__(self, input_size, hidden_size, bias, num_chunks, device,
                 dtype):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        self.register_parameter("weight_ih", Parameter(torch.zeros(
            num_chunks * hidden_size, input_size, device=device, dtype=dtype)))
        self.register_parameter("weight_hh", Parameter(torch.zeros(
            num_chunks * hidden_size, hidden_size, device=device, dtype=dtype)))
        if bias:
            self.register_parameter("bias_ih", Parameter(torch.zeros(
                num_chunks * hidden_size, device=device, dtype=dtype)))
            self.register_parameter("bias_hh", Parameter(torch.zeros(
                num_chunks * hidden_size, device=device, dtype=dtype)))
        else:
            self.register_parameter("bias_ih", None)
            self.register_parameter("bias_hh", None)
        self.reset_parameters()

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            uniform_(weight, -stdv, stdv)


class LSTMCell(_RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None,
                 dtype=None):
        super().__init__(input_size, hidden_size, bias, 4, device, dtype)

    def forward(self, input, hx=None):
        assert input.dim() == 1 or input.dim() == 2, \
            "LSTMCell: Expected input to be 1D or 2D, got {}D instead".format(input.dim())
        is_batched = input.dim() == 2
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            zeros = torch.zeros(input.size(0), self.hidden_size,
                                dtype=input.dtype, device=input.device)
            h = zeros
            c = zeros
        elif is_batched:
            h = hx[0]
            c = hx[1]
        else:
            h = hx[0].unsqueeze(0)
            c = hx[1].unsqueeze(0)
        hy, cy = _lstm_cell(input, h, c, self.weight_ih, self.weight_hh,
                            self.bias_ih, self.bias_hh, None)
        if not is_batched:
            return (hy.squeeze(0), cy.squeeze(0))
        return (hy, cy)


class GRUCell(_RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None,
                 dtype=None):
        super().__init__(input_size, hidden_size, bias, 3, device, dtype)

    def forward(self, input, hx=None):
        assert input.dim() == 1 or input.dim() == 2, \
            "GRUCell: Expected input to be 1D or 2D, got {}D instead".format(input.dim())
        is_batched = input.dim() == 2
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            hx = torch.zeros(input.size(0), self.hidden_size,
                             dtype=input.dtype, device=input.device)
        elif not is_batched:
            hx = hx.unsqueeze(0)
        ret = _gru_cell(input, hx, self.weight_ih, self.weight_hh,
                        self.bias_ih, self.bias_hh)
        if not is_batched:
            ret = ret.squeeze(0)
        return ret


class LSTM(Module):
    def __init__(self, input_size, hidden_size, num_layers=1, bias=True,
                 batch_first=False, dropout=0.0, bidirectional=False,
                 proj_size=0, device=None, dtype=None):
        super().__init__()
        self.mode = "LSTM"
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bias = bias
        self.batch_first = batch_first
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        num_directions = 2 if bidirectional else 1
        assert isinstance(dropout, (int, float)) and not isinstance(dropout, bool) \
            and 0 <= dropout and dropout <= 1, \
            "dropout should be a number in range [0, 1] representing the probability of an element being zeroed"
        assert proj_size >= 0, \
            "proj_size should be a positive integer or zero to disable projections"
        assert proj_size < hidden_size, \
            "proj_size has to be smaller than hidden_size"
        gate_size = 4 * hidden_size
        real_hidden_size = proj_size if proj_size > 0 else hidden_size
        self._flat_weights_names = []
        self._all_weights = []
        for layer in range(num_layers):
            for direction in range(num_directions):
                layer_input_size = input_size if layer == 0 else real_hidden_size * num_directions
                suffix = "_reverse" if direction == 1 else ""
                names = ["weight_ih_l{}{}".format(layer, suffix),
                         "weight_hh_l{}{}".format(layer, suffix)]
                shapes = [[gate_size, layer_input_size],
                          [gate_size, real_hidden_size]]
                if bias:
                    names.append("bias_ih_l{}{}".format(layer, suffix))
                    names.append("bias_hh_l{}{}".format(layer, suffix))
                    shapes.append([gate_size])
                    shapes.append([gate_size])
                if proj_size > 0:
                    names.append("weight_hr_l{}{}".format(layer, suffix))
                    shapes.append([proj_size, hidden_size])
                for name, shape in zip(names, shapes):
                    self.register_parameter(name, Parameter(
                        torch.zeros(shape, device=device, dtype=dtype)))
                self._flat_weights_names.extend(names)
                self._all_weights.append(names)
        self.reset_parameters()

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            uniform_(weight, -stdv, stdv)

    def flatten_parameters(self):
        # cuDNN's weight layout; nothing to do on Janus's backends.
        pass

    def _layer_weights(self, index):
        # (w_ih, w_hh, b_ih, b_hh, w_hr) of one layer and direction, read by
        # name so that reassigned parameters are used.
        names = self._all_weights[index]
        w_ih = getattr(self, names[0])
        w_hh = getattr(self, names[1])
        b_ih = None
        b_hh = None
        w_hr = None
        k = 2
        if self.bias:
            b_ih = getattr(self, names[2])
            b_hh = getattr(self, names[3])
            k = 4
        if self.proj_size > 0:
            w_hr = getattr(self, names[k])
        return w_ih, w_hh, b_ih, b_hh, w_hr

    def forward(self, input, hx=None):
        is_batched = input.dim() == 3
        batch_dim = 0 if self.batch_first else 1
        if not is_batched:
            assert input.dim() == 2, \
                "LSTM: Expected input to be 2-D or 3-D but received {}-D tensor".format(input.dim())
            input = input.unsqueeze(batch_dim)
        if self.batch_first:
            input = input.transpose(0, 1)
        max_batch_size = input.size(1)
        num_directions = 2 if self.bidirectional else 1
        real_hidden_size = self.proj_size if self.proj_size > 0 else self.hidden_size
        if hx is None:
            h0 = torch.zeros(self.num_layers * num_directions, max_batch_size,
                             real_hidden_size, dtype=input.dtype, device=input.device)
            c0 = torch.zeros(self.num_layers * num_directions, max_batch_size,
                             self.hidden_size, dtype=input.dtype, device=input.device)
        elif is_batched:
            assert hx[0].dim() == 3 and hx[1].dim() == 3, \
                "For batched 3-D input, hx and cx should also be 3-D"
            h0 = hx[0]
            c0 = hx[1]
        else:
            assert hx[0].dim() == 2 and hx[1].dim() == 2, \
                "For unbatched 2-D input, hx and cx should also be 2-D"
            h0 = hx[0].unsqueeze(1)
            c0 = hx[1].unsqueeze(1)
        seq_len = input.size(0)
        layer_input = input
        h_n = []
        c_n = []
        for layer in range(self.num_layers):
            outputs = []
            for direction in range(num_directions):
                index = layer * num_directions + direction
                w_ih, w_hh, b_ih, b_hh, w_hr = self._layer_weights(index)
                # ATen precomputes the input projection of the whole sequence.
                projected = F.linear(layer_input, w_ih, b_ih)
                h = h0[index]
                c = c0[index]
                steps = []
                if direction == 0:
                    for t in range(seq_len):
                        h, c = _lstm_cell(projected[t], h, c, None, w_hh, None,
                                          b_hh, w_hr)
                        steps.append(h)
                else:
                    for t in range(seq_len - 1, -1, -1):
                        h, c = _lstm_cell(projected[t], h, c, None, w_hh, None,
                                          b_hh, w_hr)
                        steps.append(h)
                    steps.reverse()
                outputs.append(torch.stack(steps, 0))
                h_n.append(h)
                c_n.append(c)
            if num_directions == 1:
                layer_output = outputs[0]
            else:
                layer_output = torch.cat(outputs, 2)
            if self.dropout != 0 and self.training and layer < self.num_layers - 1:
                layer_output = F.dropout(layer_output, self.dropout, True)
            layer_input = layer_output
        output = layer_input
        if self.batch_first:
            output = output.transpose(0, 1)
        hn = torch.stack(h_n, 0)
        cn = torch.stack(c_n, 0)
        if not is_batched:
            output = output.squeeze(batch_dim)
            hn = hn.squeeze(1)
            cn = cn.squeeze(1)
        return output, (hn, cn)


#===----------------------------------------------------------------------===#
# Layers without parameters
#===----------------------------------------------------------------------===#


class MaxPool2d(Module):
    def __init__(self, kernel_size, stride=None, padding=0, dilation=1,
                 return_indices=False, ceil_mode=False):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding = padding
        self.dilation = dilation
        self.return_indices = return_indices
        self.ceil_mode = ceil_mode

    def forward(self, input):
        return F.max_pool2d(input, self.kernel_size, self.stride, self.padding,
                            self.dilation, ceil_mode=self.ceil_mode,
                            return_indices=self.return_indices)


class AvgPool2d(Module):
    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False,
                 count_include_pad=True, divisor_override=None):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding = padding
        self.ceil_mode = ceil_mode
        self.count_include_pad = count_include_pad
        self.divisor_override = divisor_override

    def forward(self, input):
        return F.avg_pool2d(input, self.kernel_size, self.stride, self.padding,
                            self.ceil_mode, self.count_include_pad,
                            self.divisor_override)


class Flatten(Module):
    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim = start_dim
        self.end_dim = end_dim

    def forward(self, input):
        return input.flatten(self.start_dim, self.end_dim)


class Dropout(Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        assert p >= 0 and p <= 1, \
            "dropout probability has to be between 0 and 1, but got {}".format(p)
        self.p = p
        self.inplace = inplace

    def forward(self, input):
        return F.dropout(input, self.p, self.training, self.inplace)


class ReLU(Module):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return F.relu(input, inplace=self.inplace)


class Tanh(Module):
    def __init__(self):
        super().__init__()

    def forward(self, input):
        return torch.tanh(input)


class Sigmoid(Module):
    def __init__(self):
        super().__init__()

    def forward(self, input):
        return torch.sigmoid(input)


class LeakyReLU(Module):
    def __init__(self, negative_slope=0.01, inplace=False):
        super().__init__()
        self.negative_slope = negative_slope
        self.inplace = inplace

    def forward(self, input):
        return F.leaky_relu(input, self.negative_slope, self.inplace)


class Softmax(Module):
    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return F.softmax(input, self.dim, _stacklevel=5)


class LogSoftmax(Module):
    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return F.log_softmax(input, self.dim, _stacklevel=5)


#===----------------------------------------------------------------------===#
# Losses
#===----------------------------------------------------------------------===#


class CrossEntropyLoss(Module):
    def __init__(self, weight=None, size_average=None, ignore_index=-100,
                 reduce=None, reduction="mean", label_smoothing=0.0):
        super().__init__()
        self.reduction = _legacy_reduction(size_average, reduce, reduction)
        self.register_buffer("weight", weight)
        self.ignore_index = ignore_index
        self.label_smoothing = label_smoothing

    def forward(self, input, target):
        return F.cross_entropy(input, target, weight=self.weight,
                               ignore_index=self.ignore_index,
                               reduction=self.reduction,
                               label_smoothing=self.label_smoothing)


class MSELoss(Module):
    def __init__(self, size_average=None, reduce=None, reduction="mean"):
        super().__init__()
        self.reduction = _legacy_reduction(size_average, reduce, reduction)

    def forward(self, input, target):
        return F.mse_loss(input, target, reduction=self.reduction)
