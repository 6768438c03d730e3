//===- TorchFunctionsReduce.cpp - Reduction and shape rows ----------------===//
//
// sum/mean (dim, keepdim, dtype), max/min (whole tensor, along a dim as a
// torch.return_types pair, or elementwise against a tensor), argmax,
// std/var (unbiased or correction=), norm (p='fro' and p=2 only),
// softmax/log_softmax/cumsum (dtype), and the shape functions reshape/view,
// flatten, squeeze/unsqueeze, transpose/permute/t and expand, each serving
// its torch.xxx and Tensor.xxx rows. A dtype= argument converts the input
// first (through ag::to, so the gradient converts back), as ATen does.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Dispatch/TorchOps.h"

#include <cmath>
#include <numeric>

using namespace janus;
using namespace janus::rt;

namespace {

Status tensorResult(Value &out, const Tensor &t) {
  out = tensorValue(t);
  return okStatus();
}

Status self(bool method, const LibArgs &args, const char *fn, Tensor &out) {
  return argTensor(args[0], siteOf(method, fn, "input", 0), out);
}

/// Applies an optional dtype= slot to the input.
Status withDType(bool m, const LibArgs &a, uint32_t slot, const char *fn,
                 Tensor &x) {
  std::optional<DType> d;
  JANUS_RETURN_IF_ERROR(argDType(a[slot], siteOf(m, fn, "dtype", slot), d));
  if (d)
    return guardTensorOp([&] {
      x = ag::to(x, *d);
      return okStatus();
    });
  return okStatus();
}

Shape allDims(int64_t rank) {
  Shape dims(static_cast<size_t>(rank));
  std::iota(dims.begin(), dims.end(), 0);
  return dims;
}

template <bool Mean> Status sumRow(bool m, const LibArgs &a, Value &o) {
  const char *fn = Mean ? "mean" : "sum";
  Tensor x;
  bool keepdim;
  JANUS_RETURN_IF_ERROR(self(m, a, fn, x));
  JANUS_RETURN_IF_ERROR(argBool(a[2], siteOf(m, fn, "keepdim", 2), keepdim));
  JANUS_RETURN_IF_ERROR(withDType(m, a, 3, fn, x));
  if (a[1].isNone() && keepdim)
    return typeError(std::string(fn) +
                     "() received an invalid combination of arguments - got "
                     "(Tensor, keepdim=bool): keepdim needs dim");
  Shape dims;
  if (!a[1].isNone())
    JANUS_RETURN_IF_ERROR(argIntList(a[1], siteOf(m, fn, "dim", 1), dims));
  return guardTensorOp([&] {
    if (a[1].isNone())
      return tensorResult(o, Mean ? ag::mean(x) : ag::sum(x));
    return tensorResult(o, Mean ? ag::mean(x, dims, keepdim)
                                : ag::sum(x, dims, keepdim));
  });
}

template <bool Max> Status maxRow(bool m, const LibArgs &a, Value &o) {
  const char *fn = Max ? "max" : "min";
  Tensor x;
  JANUS_RETURN_IF_ERROR(self(m, a, fn, x));
  if (!a.present(1))
    return guardTensorOp(
        [&] { return tensorResult(o, Max ? ag::max(x) : ag::min(x)); });
  if (a[1].kind() == Kind::Tensor) { // max(input, other): elementwise
    Tensor y = tensorOf(a[1]);
    return guardTensorOp([&] {
      return tensorResult(o, Max ? ag::maximum(x, y) : ag::minimum(x, y));
    });
  }
  int64_t dim;
  bool keepdim;
  JANUS_RETURN_IF_ERROR(argInt(a[1], siteOf(m, fn, "dim", 1), dim));
  JANUS_RETURN_IF_ERROR(argBool(a[2], siteOf(m, fn, "keepdim", 2), keepdim));
  return guardTensorOp([&] {
    auto r = Max ? ag::max(x, dim, keepdim) : ag::min(x, dim, keepdim);
    o = makeReturnTypes(Max ? TupleFlavor::ReturnTypesMax
                            : TupleFlavor::ReturnTypesMin,
                        r.first, r.second);
    return okStatus();
  });
}

Status argmaxRow(bool m, const LibArgs &a, Value &o) {
  Tensor x;
  bool keepdim;
  JANUS_RETURN_IF_ERROR(self(m, a, "argmax", x));
  JANUS_RETURN_IF_ERROR(
      argBool(a[2], siteOf(m, "argmax", "keepdim", 2), keepdim));
  if (a[1].isNone())
    return guardTensorOp([&] {
      Tensor r = argmax(x);
      if (keepdim) // every dim kept, with size 1
        r = reshape(r, Shape(static_cast<size_t>(x.dim()), 1));
      return tensorResult(o, r);
    });
  int64_t dim;
  JANUS_RETURN_IF_ERROR(argInt(a[1], siteOf(m, "argmax", "dim", 1), dim));
  return guardTensorOp(
      [&] { return tensorResult(o, argmax(x, dim, keepdim)); });
}

/// std/var: (unbiased) | (dim, unbiased=True, keepdim=False) |
/// (dim, *, correction, keepdim=False).
template <bool Std> Status varRow(bool m, const LibArgs &a, Value &o) {
  const char *fn = Std ? "std" : "var";
  Tensor x;
  JANUS_RETURN_IF_ERROR(self(m, a, fn, x));
  Value dimArg = a[1];
  bool unbiased = true, keepdim;
  if (dimArg.isBool()) { // std(input, unbiased)
    unbiased = dimArg.asBool();
    dimArg = Value();
  } else {
    JANUS_RETURN_IF_ERROR(
        argBool(a[2], siteOf(m, fn, "unbiased", 2), unbiased));
  }
  JANUS_RETURN_IF_ERROR(argBool(a[3], siteOf(m, fn, "keepdim", 3), keepdim));
  Shape dims;
  if (!dimArg.isNone())
    JANUS_RETURN_IF_ERROR(argIntList(dimArg, siteOf(m, fn, "dim", 1), dims));
  int64_t correction = unbiased ? 1 : 0;
  if (!a[4].isNone())
    JANUS_RETURN_IF_ERROR(
        argInt(a[4], siteOf(m, fn, "correction", 4), correction));
  return guardTensorOp([&] {
    if (correction == 0 || correction == 1) {
      bool u = correction == 1;
      return tensorResult(o, Std ? ag::std(x, dims, u, keepdim)
                                 : ag::var(x, dims, u, keepdim));
    }
    // Other corrections: the biased variance rescaled by N / (N - c).
    const Shape &reduced = dims.empty() ? allDims(x.dim()) : dims;
    double n = 1;
    for (int64_t d : reduced)
      n *= static_cast<double>(x.size(d));
    Tensor v =
        ag::mul(ag::var(x, dims, false, keepdim),
                wrappedScalar(Scalar(n / std::max(0.0, n - correction))));
    return tensorResult(o, Std ? ag::sqrt(v) : v);
  });
}

Status normRow(bool m, const LibArgs &a, Value &o) {
  Tensor x;
  bool keepdim;
  JANUS_RETURN_IF_ERROR(self(m, a, "norm", x));
  const Value &p = a[1];
  bool supported =
      (p.kind() == Kind::Str && p.as<StrObject>()->text == "fro") ||
      (p.isNumber() && !p.isBool() && p.toDouble() == 2.0) || p.isNone();
  if (!supported)
    return Status(ErrorCode::NotImplementedError,
                  "torch.norm: Janus supports only p='fro' and p=2, not p=" +
                      repr(p));
  JANUS_RETURN_IF_ERROR(
      argBool(a[3], siteOf(m, "norm", "keepdim", 3), keepdim));
  JANUS_RETURN_IF_ERROR(withDType(m, a, 4, "norm", x));
  Shape dims;
  if (!a[2].isNone())
    JANUS_RETURN_IF_ERROR(argIntList(a[2], siteOf(m, "norm", "dim", 2), dims));
  return guardTensorOp([&] {
    if (a[2].isNone() && !keepdim)
      return tensorResult(o, ag::norm(x));
    return tensorResult(
        o, ag::norm(x, dims.empty() ? allDims(x.dim()) : dims, keepdim));
  });
}

/// softmax/log_softmax(dim, dtype=None) and cumsum(dim, *, dtype=None).
template <int Which> Status dimRow(bool m, const LibArgs &a, Value &o) {
  static const char *const names[] = {"softmax", "log_softmax", "cumsum"};
  const char *fn = names[Which];
  Tensor x;
  int64_t dim;
  JANUS_RETURN_IF_ERROR(self(m, a, fn, x));
  JANUS_RETURN_IF_ERROR(argInt(a[1], siteOf(m, fn, "dim", 1), dim));
  JANUS_RETURN_IF_ERROR(withDType(m, a, 2, fn, x));
  return guardTensorOp([&] {
    if (Which < 2 && !isFloating(x.dtype())) {
      // ATen's kernel names: the last dim has its own kernel per op; any
      // other dim shares softmax's.
      bool last = wrapDim(dim, x.dim()) == std::max<int64_t>(x.dim() - 1, 0);
      throw TensorError(ErrorKind::RuntimeError,
                        std::string("\"") +
                            (!last        ? "softmax_kernel_impl"
                             : Which == 0 ? "softmax_lastdim_kernel_impl"
                                          : "log_softmax_lastdim_kernel_impl") +
                            "\" not implemented for '" + dtypeName(x.dtype()) +
                            "'");
    }
    return tensorResult(o, Which == 0   ? ag::softmax(x, dim)
                           : Which == 1 ? ag::logSoftmax(x, dim)
                                        : ag::cumsum(x, dim));
  });
}

//===--- Shapes -----------------------------------------------------------===//

/// A shape argument: the function's one list slot, or the method's *shape.
Status shapeArg(bool m, const LibArgs &a, const char *fn, const char *param,
                Shape &out) {
  ArgSite site = siteOf(m, fn, param, 1);
  return m ? argSizes(a[1], site, out) : argIntList(a[1], site, out);
}

template <bool View> Status reshapeRow(bool m, const LibArgs &a, Value &o) {
  const char *fn = View ? "view" : "reshape";
  Tensor x;
  Shape sizes;
  JANUS_RETURN_IF_ERROR(self(m, a, fn, x));
  JANUS_RETURN_IF_ERROR(shapeArg(m, a, fn, "shape", sizes));
  return guardTensorOp([&] {
    return tensorResult(o, View ? ag::view(x, sizes) : ag::reshape(x, sizes));
  });
}

Status flattenRow(bool m, const LibArgs &a, Value &o) {
  Tensor x;
  int64_t start, end;
  JANUS_RETURN_IF_ERROR(self(m, a, "flatten", x));
  JANUS_RETURN_IF_ERROR(
      argInt(a[1], siteOf(m, "flatten", "start_dim", 1), start));
  JANUS_RETURN_IF_ERROR(argInt(a[2], siteOf(m, "flatten", "end_dim", 2), end));
  return guardTensorOp([&] {
    if (x.dim() == 0)
      return tensorResult(o, ag::reshape(x, {1}));
    int64_t s = wrapDim(start, x.dim()), e = wrapDim(end, x.dim());
    if (s > e)
      throw TensorError(ErrorKind::RuntimeError,
                        "flatten() has invalid args: start_dim cannot come "
                        "after end_dim");
    if (s == e)
      return tensorResult(o, x);
    Shape sizes(x.sizes().begin(), x.sizes().begin() + s);
    int64_t n = 1;
    for (int64_t d = s; d <= e; ++d)
      n *= x.size(d);
    sizes.push_back(n);
    sizes.insert(sizes.end(), x.sizes().begin() + e + 1, x.sizes().end());
    return tensorResult(o, ag::reshape(x, sizes));
  });
}

Status squeezeRow(bool m, const LibArgs &a, Value &o) {
  Tensor x;
  JANUS_RETURN_IF_ERROR(self(m, a, "squeeze", x));
  if (!a.present(1))
    return guardTensorOp([&] { return tensorResult(o, ag::squeeze(x)); });
  if (a[1].isNone())
    return Status(ErrorCode::RuntimeError,
                  "Please look up dimensions by name, got: name = None.");
  int64_t dim;
  JANUS_RETURN_IF_ERROR(argInt(a[1], siteOf(m, "squeeze", "dim", 1), dim));
  return guardTensorOp([&] { return tensorResult(o, ag::squeeze(x, dim)); });
}

Status unsqueezeRow(bool m, const LibArgs &a, Value &o) {
  Tensor x;
  int64_t dim;
  JANUS_RETURN_IF_ERROR(self(m, a, "unsqueeze", x));
  JANUS_RETURN_IF_ERROR(argInt(a[1], siteOf(m, "unsqueeze", "dim", 1), dim));
  return guardTensorOp([&] { return tensorResult(o, ag::unsqueeze(x, dim)); });
}

Status transposeRow(bool m, const LibArgs &a, Value &o) {
  Tensor x;
  int64_t d0, d1;
  JANUS_RETURN_IF_ERROR(self(m, a, "transpose", x));
  JANUS_RETURN_IF_ERROR(argInt(a[1], siteOf(m, "transpose", "dim0", 1), d0));
  JANUS_RETURN_IF_ERROR(argInt(a[2], siteOf(m, "transpose", "dim1", 2), d1));
  return guardTensorOp(
      [&] { return tensorResult(o, ag::transpose(x, d0, d1)); });
}

Status permuteRow(bool m, const LibArgs &a, Value &o) {
  Tensor x;
  Shape dims;
  JANUS_RETURN_IF_ERROR(self(m, a, "permute", x));
  JANUS_RETURN_IF_ERROR(shapeArg(m, a, "permute", "dims", dims));
  return guardTensorOp([&] { return tensorResult(o, ag::permute(x, dims)); });
}

Status tRow(bool m, const LibArgs &a, Value &o) {
  Tensor x;
  JANUS_RETURN_IF_ERROR(self(m, a, "t", x));
  return guardTensorOp([&] { return tensorResult(o, ag::t(x)); });
}

Status tensorExpand(const LibArgs &a, Value &o) {
  Tensor x = tensorOf(a[0]);
  Shape sizes;
  JANUS_RETURN_IF_ERROR(argSizes(a[1], {"expand", "size", 1}, sizes));
  return guardTensorOp([&] { return tensorResult(o, ag::expand(x, sizes)); });
}

#define JANUS_TORCH_AND_TENSOR(NAME, FN)                                       \
  {LibId::Torch##NAME,                                                         \
   [](const LibArgs &a, Value &o) { return FN(false, a, o); }},                \
  {                                                                            \
    LibId::Tensor##NAME,                                                       \
        [](const LibArgs &a, Value &o) { return FN(true, a, o); }              \
  }

} // namespace

std::vector<LibImplRow> janus::rt::torchReduceImpls() {
  return {
      JANUS_TORCH_AND_TENSOR(Sum, sumRow<false>),
      JANUS_TORCH_AND_TENSOR(Mean, sumRow<true>),
      JANUS_TORCH_AND_TENSOR(Max, maxRow<true>),
      JANUS_TORCH_AND_TENSOR(Min, maxRow<false>),
      JANUS_TORCH_AND_TENSOR(Argmax, argmaxRow),
      JANUS_TORCH_AND_TENSOR(Std, varRow<true>),
      JANUS_TORCH_AND_TENSOR(Var, varRow<false>),
      JANUS_TORCH_AND_TENSOR(Norm, normRow),
      JANUS_TORCH_AND_TENSOR(Softmax, dimRow<0>),
      JANUS_TORCH_AND_TENSOR(LogSoftmax, dimRow<1>),
      JANUS_TORCH_AND_TENSOR(Cumsum, dimRow<2>),
      JANUS_TORCH_AND_TENSOR(Reshape, reshapeRow<false>),
      {LibId::TensorView,
       [](const LibArgs &a, Value &o) { return reshapeRow<true>(true, a, o); }},
      JANUS_TORCH_AND_TENSOR(Flatten, flattenRow),
      JANUS_TORCH_AND_TENSOR(Squeeze, squeezeRow),
      JANUS_TORCH_AND_TENSOR(Unsqueeze, unsqueezeRow),
      JANUS_TORCH_AND_TENSOR(Transpose, transposeRow),
      JANUS_TORCH_AND_TENSOR(Permute, permuteRow),
      JANUS_TORCH_AND_TENSOR(T, tRow),
      {LibId::TensorExpand, tensorExpand},
  };
}
