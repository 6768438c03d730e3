//===- TorchNN.cpp - torch.nn.functional and the join/index torch rows ----===//
//
// Native implementations of every torch.nn.functional row of Library.def
// and of torch.cat/stack/split/chunk/gather/index_select/masked_fill, with
// PyTorch 1.13's argument handling and messages. They run the ag:: ops
// (Autograd/Functions.h), so results take part in autograd as in PyTorch.
//
// Where Janus does not implement an option (F.embedding's
// scale_grad_by_freq and sparse; gather's sparse_grad) the call raises
// NotImplementedError naming it. The
// legacy size_average/reduce arguments of the losses are honoured as
// PyTorch's _Reduction.legacy_get_string does (without its warning), and
// so is softmax's implicit dim.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Dispatch/TensorArgs.h"

using namespace janus;
using namespace janus::rt;

namespace {

//===--- Argument helpers -------------------------------------------------===//

/// Reads slots of one call: the Python function name is used in messages.
struct Call {
  const LibArgs &args;
  const char *fn;

  ArgSite site(uint32_t i, const char *param) const {
    return {fn, param, static_cast<int>(i) + 1};
  }
  Status tensor(uint32_t i, const char *param, Tensor &out) const {
    return argTensor(args[i], site(i, param), out);
  }
  /// None or a Tensor (an empty Tensor for None).
  Status optTensor(uint32_t i, const char *param, Tensor &out) const {
    out = Tensor();
    return args[i].isNone() ? okStatus() : tensor(i, param, out);
  }
  Status integer(uint32_t i, const char *param, int64_t &out) const {
    return argInt(args[i], site(i, param), out);
  }
  Status real(uint32_t i, const char *param, double &out) const {
    return argFloat(args[i], site(i, param), out);
  }
  Status boolean(uint32_t i, const char *param, bool &out) const {
    return argBool(args[i], site(i, param), out);
  }
};

Status runtimeError(std::string m) {
  return Status(ErrorCode::RuntimeError, std::move(m));
}

Status notImplemented(std::string m) {
  return Status(ErrorCode::NotImplementedError, std::move(m));
}

bool isStr(const Value &v) { return v.kind() == Kind::Str; }
const std::string &strOf(const Value &v) { return v.as<StrObject>()->text; }

std::string listText(const Shape &s) {
  std::string t = "[";
  for (size_t i = 0; i < s.size(); ++i)
    t += (i ? ", " : "") + std::to_string(s[i]);
  return t + "]";
}

/// A 2-d parameter given as an int or a sequence of one or two ints;
/// anything else is message (a RuntimeError).
Status pairArg(const Call &c, uint32_t i, const char *param,
               const std::string &message, Pair2 &out) {
  Shape s;
  JANUS_RETURN_IF_ERROR(argIntList(c.args[i], c.site(i, param), s));
  if (s.size() == 1)
    s.push_back(s[0]);
  if (s.size() != 2)
    return runtimeError(message);
  out = {s[0], s[1]};
  return okStatus();
}

/// The `tensors` argument of cat/stack: a tuple or list of Tensors.
Status tensorList(const Call &c, uint32_t i, std::vector<Tensor> &out) {
  const Value &v = c.args[i];
  const std::vector<Value> *items = nullptr;
  if (v.kind() == Kind::Tuple)
    items = &v.as<TupleObject>()->items;
  else if (v.kind() == Kind::List)
    items = &v.as<ListObject>()->items;
  if (!items)
    return typeError(std::string(c.fn) + "(): argument 'tensors' (position " +
                     std::to_string(i + 1) +
                     ") must be tuple of Tensors, not " + typeName(v));
  out.clear();
  for (size_t k = 0; k < items->size(); ++k) {
    const Value &item = (*items)[k];
    if (item.kind() != Kind::Tensor)
      return typeError("expected Tensor as element " + std::to_string(k) +
                       " in argument " + std::to_string(i) + ", but got " +
                       typeName(item));
    out.push_back(tensorOf(item));
  }
  return okStatus();
}

Value tensorTuple(const std::vector<Tensor> &ts) {
  std::vector<Value> items;
  items.reserve(ts.size());
  for (const Tensor &t : ts)
    items.push_back(tensorValue(t));
  return makeTuple(std::move(items));
}

/// The reduction of a loss: `reduction`, or the legacy size_average /
/// reduce pair when either is given (_Reduction.legacy_get_string).
Status reductionArg(const Call &c, uint32_t sizeAverage, uint32_t reduce,
                    uint32_t reductionSlot, Reduction &out) {
  const Value &sa = c.args[sizeAverage], &rd = c.args[reduce];
  if (!sa.isNone() || !rd.isNone()) {
    bool sizeAvg = true, red = true;
    if (!sa.isNone())
      JANUS_RETURN_IF_ERROR(truth(sa, sizeAvg));
    if (!rd.isNone())
      JANUS_RETURN_IF_ERROR(truth(rd, red));
    out = !red ? Reduction::None : sizeAvg ? Reduction::Mean : Reduction::Sum;
    return okStatus();
  }
  const Value &v = c.args[reductionSlot];
  std::string text;
  text = isStr(v) ? strOf(v) : repr(v);
  if (text == "none")
    out = Reduction::None;
  else if (text == "mean")
    out = Reduction::Mean;
  else if (text == "sum")
    out = Reduction::Sum;
  else
    return valueError(text + " is not a valid value for reduction");
  return okStatus();
}

//===--- Activations ------------------------------------------------------===//

Status fRelu(const LibArgs &args, Value &out) {
  Call c{args, "relu"};
  Tensor x;
  bool inPlace;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(c.boolean(1, "inplace", inPlace));
  return guardTensorOp([&] {
    if (inPlace) {
      ag::reluInPlace(x);
      out = args[0];
      return okStatus();
    }
    out = tensorValue(ag::relu(x));
    return okStatus();
  });
}

Status fLeakyRelu(const LibArgs &args, Value &out) {
  Call c{args, "leaky_relu"};
  Tensor x;
  Scalar slope(0.01);
  bool inPlace;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(argScalar(args[1], c.site(1, "negative_slope"), slope));
  JANUS_RETURN_IF_ERROR(c.boolean(2, "inplace", inPlace));
  return guardTensorOp([&] {
    if (inPlace) {
      ag::leakyReluInPlace(x, slope.toDouble());
      out = args[0];
      return okStatus();
    }
    out = tensorValue(ag::leakyRelu(x, slope.toDouble()));
    return okStatus();
  });
}

template <Tensor (*Op)(const Tensor &)>
Status unaryRow(const LibArgs &args, Value &out, const char *name) {
  Call c{args, name};
  Tensor x;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  return guardTensorOp([&] {
    out = tensorValue(Op(x));
    return okStatus();
  });
}

Status fTanh(const LibArgs &args, Value &out) {
  return unaryRow<ag::tanh>(args, out, "tanh");
}

Status fSigmoid(const LibArgs &args, Value &out) {
  return unaryRow<ag::sigmoid>(args, out, "sigmoid");
}

/// softmax/log_softmax: dim=None takes PyTorch's implicit dim (0 for 0-,
/// 1- and 3-d inputs, else 1); dtype converts the input first.
Status softmaxRow(const LibArgs &args, Value &out, const char *name,
                  Tensor (*Op)(const Tensor &, int64_t)) {
  Call c{args, name};
  Tensor x;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  int64_t dim = 0;
  if (args[1].isNone())
    dim = x.dim() == 0 || x.dim() == 1 || x.dim() == 3 ? 0 : 1;
  else
    JANUS_RETURN_IF_ERROR(c.integer(1, "dim", dim));
  std::optional<DType> t;
  JANUS_RETURN_IF_ERROR(argDType(args[3], c.site(3, "dtype"), t));
  return guardTensorOp([&] {
    Tensor in = t ? ag::to(x, *t) : x;
    out = tensorValue(Op(in, dim));
    return okStatus();
  });
}

Status fSoftmax(const LibArgs &args, Value &out) {
  return softmaxRow(args, out, "softmax", ag::softmax);
}

Status fLogSoftmax(const LibArgs &args, Value &out) {
  return softmaxRow(args, out, "log_softmax", ag::logSoftmax);
}

//===--- Losses -----------------------------------------------------------===//

// cross_entropy(input, target, weight, size_average, ignore_index, reduce,
//               reduction, label_smoothing)
Status fCrossEntropy(const LibArgs &args, Value &out) {
  Call c{args, "cross_entropy"};
  Tensor x, t, w;
  int64_t ignore;
  double smoothing;
  Reduction r;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(c.tensor(1, "target", t));
  JANUS_RETURN_IF_ERROR(c.optTensor(2, "weight", w));
  JANUS_RETURN_IF_ERROR(c.integer(4, "ignore_index", ignore));
  JANUS_RETURN_IF_ERROR(reductionArg(c, 3, 5, 6, r));
  JANUS_RETURN_IF_ERROR(c.real(7, "label_smoothing", smoothing));
  return guardTensorOp([&] {
    out = tensorValue(ag::crossEntropy(x, t, w, r, ignore, smoothing));
    return okStatus();
  });
}

// nll_loss(input, target, weight, size_average, ignore_index, reduce,
//          reduction)
Status fNllLoss(const LibArgs &args, Value &out) {
  Call c{args, "nll_loss"};
  Tensor x, t, w;
  int64_t ignore;
  Reduction r;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(c.tensor(1, "target", t));
  JANUS_RETURN_IF_ERROR(c.optTensor(2, "weight", w));
  JANUS_RETURN_IF_ERROR(c.integer(4, "ignore_index", ignore));
  JANUS_RETURN_IF_ERROR(reductionArg(c, 3, 5, 6, r));
  return guardTensorOp([&] {
    out = tensorValue(ag::nllLoss(x, t, w, r, ignore));
    return okStatus();
  });
}

// mse_loss(input, target, size_average, reduce, reduction)
Status fMseLoss(const LibArgs &args, Value &out) {
  Call c{args, "mse_loss"};
  Tensor x, t;
  Reduction r;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(c.tensor(1, "target", t));
  JANUS_RETURN_IF_ERROR(reductionArg(c, 2, 3, 4, r));
  return guardTensorOp([&] {
    // F.mse_loss broadcasts the two (PyTorch warns when the sizes differ).
    if (x.sizes() != t.sizes()) {
      Shape s = broadcastShapes(x.sizes(), t.sizes());
      x = ag::expand(x, s);
      t = ag::expand(t, s);
    }
    out = tensorValue(ag::mseLoss(x, t, r));
    return okStatus();
  });
}

std::string torchSize(const Shape &s) {
  std::string t = "torch.Size([";
  for (size_t i = 0; i < s.size(); ++i)
    t += (i ? ", " : "") + std::to_string(s[i]);
  return t + "])";
}

// binary_cross_entropy(input, target, weight, size_average, reduce,
//                      reduction)
Status fBinaryCrossEntropy(const LibArgs &args, Value &out) {
  Call c{args, "binary_cross_entropy"};
  Tensor x, t, w;
  Reduction r;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(c.tensor(1, "target", t));
  JANUS_RETURN_IF_ERROR(c.optTensor(2, "weight", w));
  JANUS_RETURN_IF_ERROR(reductionArg(c, 3, 4, 5, r));
  if (t.sizes() != x.sizes())
    return valueError("Using a target size (" + torchSize(t.sizes()) +
                      ") that is different to the input size (" +
                      torchSize(x.sizes()) +
                      ") is deprecated. Please ensure they have the same "
                      "size.");
  return guardTensorOp([&] {
    out = tensorValue(ag::binaryCrossEntropy(x, t, w, r));
    return okStatus();
  });
}

//===--- Linear, convolution, pooling -------------------------------------===//

Status fLinear(const LibArgs &args, Value &out) {
  Call c{args, "linear"};
  Tensor x, w, b;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(c.tensor(1, "weight", w));
  JANUS_RETURN_IF_ERROR(c.optTensor(2, "bias", b));
  return guardTensorOp([&] {
    out = tensorValue(ag::linear(x, w, b));
    return okStatus();
  });
}

std::string convMessage(const Call &c, uint32_t i, const char *param) {
  Shape s;
  (void)argIntList(c.args[i], c.site(i, param), s);
  return std::string("expected ") + param +
         " to be a single integer value or a list of 2 values to match the "
         "convolution dimensions, but got " +
         param + "=" + listText(s);
}

// conv2d(input, weight, bias, stride, padding, dilation, groups)
Status fConv2d(const LibArgs &args, Value &out) {
  Call c{args, "conv2d"};
  Tensor x, w, b;
  Pair2 stride, padding{0, 0}, dilation;
  int64_t groups;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(c.tensor(1, "weight", w));
  JANUS_RETURN_IF_ERROR(c.optTensor(2, "bias", b));
  JANUS_RETURN_IF_ERROR(
      pairArg(c, 3, "stride", convMessage(c, 3, "stride"), stride));
  JANUS_RETURN_IF_ERROR(
      pairArg(c, 5, "dilation", convMessage(c, 5, "dilation"), dilation));
  JANUS_RETURN_IF_ERROR(c.integer(6, "groups", groups));
  // padding: ints, or 'valid' / 'same' (ATen's _convolution_mode).
  std::string mode;
  if (isStr(args[4])) {
    mode = strOf(args[4]);
    if (mode != "valid" && mode != "same")
      return runtimeError("Invalid padding string: '" + mode + "'");
    if (mode == "same" && (stride[0] != 1 || stride[1] != 1))
      return runtimeError(
          "padding='same' is not supported for strided convolutions");
  } else {
    JANUS_RETURN_IF_ERROR(
        pairArg(c, 4, "padding", convMessage(c, 4, "padding"), padding));
  }
  return guardTensorOp([&] {
    Tensor in = x;
    if (mode == "same" && w.dim() == 4) {
      // Padding d * (k - 1) split evenly; an odd remainder is a zero pad
      // on the bottom/right.
      Shape extra(4, 0);
      for (int i = 0; i < 2; ++i) {
        int64_t total = dilation[i] * (w.sizes()[2 + i] - 1);
        padding[i] = total / 2;
        extra[static_cast<size_t>(2 * (1 - i) + 1)] = total - 2 * (total / 2);
      }
      if (extra[1] || extra[3])
        in = ag::constantPad(x, extra, 0);
    }
    out = tensorValue(ag::conv2d(in, w, b, stride, padding, dilation, groups));
    return okStatus();
  });
}

/// stride=None or [] is "omitted" (the kernel size) in ATen's pooling.
Status poolStride(const Call &c, uint32_t i, const std::string &message,
                  std::optional<Pair2> &out) {
  out.reset();
  if (c.args[i].isNone())
    return okStatus();
  Shape s;
  JANUS_RETURN_IF_ERROR(argIntList(c.args[i], c.site(i, "stride"), s));
  if (s.empty())
    return okStatus();
  Pair2 p;
  JANUS_RETURN_IF_ERROR(pairArg(c, i, "stride", message, p));
  out = p;
  return okStatus();
}

// max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode,
//            return_indices)
Status fMaxPool2d(const LibArgs &args, Value &out) {
  Call c{args, "max_pool2d"};
  Tensor x;
  Pair2 kernel, padding, dilation;
  std::optional<Pair2> stride;
  bool ceil, returnIndices;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(pairArg(
      c, 1, "kernel_size",
      "max_pool2d: kernel_size must either be a single int, or a tuple of two "
      "ints",
      kernel));
  JANUS_RETURN_IF_ERROR(poolStride(c, 2,
                                   "max_pool2d: stride must either be omitted, "
                                   "a single int, or a tuple of two ints",
                                   stride));
  JANUS_RETURN_IF_ERROR(pairArg(c, 3, "padding",
                                "max_pool2d: padding must be either be a "
                                "single int, or a tuple of two ints",
                                padding));
  JANUS_RETURN_IF_ERROR(pairArg(c, 4, "dilation",
                                "max_pool2d: dilation must be either a single "
                                "int, or a tuple of two ints",
                                dilation));
  JANUS_RETURN_IF_ERROR(c.boolean(5, "ceil_mode", ceil));
  JANUS_RETURN_IF_ERROR(c.boolean(6, "return_indices", returnIndices));
  return guardTensorOp([&] {
    MaxPoolResult r = ag::maxPool2d(x, kernel, stride, padding, dilation, ceil);
    out = returnIndices ? tensorTuple({r.Output, r.Indices})
                        : tensorValue(r.Output);
    return okStatus();
  });
}

// avg_pool2d(input, kernel_size, stride, padding, ceil_mode,
//            count_include_pad, divisor_override)
Status fAvgPool2d(const LibArgs &args, Value &out) {
  Call c{args, "avg_pool2d"};
  Tensor x;
  Pair2 kernel, padding;
  std::optional<Pair2> stride;
  bool ceil, countIncludePad;
  std::optional<int64_t> divisor;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(pairArg(
      c, 1, "kernel_size",
      "avg_pool2d: kernel_size must either be a single int, or a tuple of two "
      "ints",
      kernel));
  JANUS_RETURN_IF_ERROR(poolStride(c, 2,
                                   "avg_pool2d: stride must either be omitted, "
                                   "a single int, or a tuple of two ints",
                                   stride));
  JANUS_RETURN_IF_ERROR(pairArg(c, 3, "padding",
                                "avg_pool2d: padding must either be a single "
                                "int, or a tuple of two ints",
                                padding));
  JANUS_RETURN_IF_ERROR(c.boolean(4, "ceil_mode", ceil));
  JANUS_RETURN_IF_ERROR(c.boolean(5, "count_include_pad", countIncludePad));
  if (!args[6].isNone()) {
    int64_t d;
    JANUS_RETURN_IF_ERROR(c.integer(6, "divisor_override", d));
    divisor = d;
  }
  return guardTensorOp([&] {
    out = tensorValue(ag::avgPool2d(x, kernel, stride, padding, ceil,
                                    countIncludePad, divisor));
    return okStatus();
  });
}

//===--- Dropout, embedding, pad ------------------------------------------===//

// dropout(input, p, training, inplace)
Status fDropout(const LibArgs &args, Value &out) {
  Call c{args, "dropout"};
  Tensor x;
  double p;
  bool training, inPlace;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(c.real(1, "p", p));
  JANUS_RETURN_IF_ERROR(c.boolean(2, "training", training));
  JANUS_RETURN_IF_ERROR(c.boolean(3, "inplace", inPlace));
  return guardTensorOp([&] {
    if (!inPlace) {
      out = tensorValue(ag::dropout(x, p, training).Output);
      return okStatus();
    }
    // dropout_: the same draws, then input.mul_(noise) (MulBackward0).
    DropoutResult r = rt::dropout(x, p, training);
    if (r.Mask)
      ag::mulInPlace(x, r.Mask);
    out = args[0];
    return okStatus();
  });
}

// embedding(input, weight, padding_idx, max_norm, norm_type,
//           scale_grad_by_freq, sparse)
Status fEmbedding(const LibArgs &args, Value &out) {
  Call c{args, "embedding"};
  Tensor i, w;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", i));
  JANUS_RETURN_IF_ERROR(c.tensor(1, "weight", w));
  std::optional<int64_t> pad;
  if (!args[2].isNone()) {
    int64_t v;
    JANUS_RETURN_IF_ERROR(c.integer(2, "padding_idx", v));
    pad = v;
  }
  bool byFreq = false, sparse = false;
  JANUS_RETURN_IF_ERROR(truth(args[5], byFreq));
  JANUS_RETURN_IF_ERROR(truth(args[6], sparse));
  if (byFreq)
    return notImplemented(
        "F.embedding(scale_grad_by_freq=True) is not supported by Janus");
  if (sparse)
    return notImplemented(
        "F.embedding(sparse=True) is not supported by Janus (no sparse "
        "tensors)");
  if (args[3].isNone())
    return guardTensorOp([&] {
      out = tensorValue(ag::embedding(w, i, pad));
      return okStatus();
    });
  // max_norm: F.embedding checks padding_idx first, then renormalises the
  // referenced rows in place under no_grad, then looks them up.
  double maxNorm, normType;
  JANUS_RETURN_IF_ERROR(c.real(3, "max_norm", maxNorm));
  JANUS_RETURN_IF_ERROR(c.real(4, "norm_type", normType));
  if (pad && w.dim() > 0 && (*pad > 0 ? *pad >= w.size(0) : *pad < -w.size(0)))
    return valueError("Padding_idx must be within num_embeddings");
  return guardTensorOp([&] {
    Tensor idx = rt::contiguous(i);
    {
      NoGradGuard noGrad;
      rt::embeddingRenorm(w, idx, maxNorm, normType);
    }
    out = tensorValue(ag::embedding(w, idx, pad));
    return okStatus();
  });
}

// pad(input, pad, mode, value)
Status fPad(const LibArgs &args, Value &out) {
  Call c{args, "pad"};
  Tensor x;
  Shape pads;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  if (args[1].isIntLike())
    return typeError("pad(): argument 'pad' (position 2) must be tuple of "
                     "ints, not " +
                     std::string(typeName(args[1])));
  JANUS_RETURN_IF_ERROR(argIntList(args[1], c.site(1, "pad"), pads));
  if (!isStr(args[2]))
    return typeError(std::string("pad(): argument 'mode' (position 3) must be "
                                 "str, not ") +
                     typeName(args[2]));
  const std::string &mode = strOf(args[2]);
  PadMode padMode = PadMode::Reflect;
  if (mode == "replicate")
    padMode = PadMode::Replicate;
  else if (mode == "circular")
    padMode = PadMode::Circular;
  else if (mode != "reflect" && mode != "constant")
    return notImplemented("Unrecognised padding mode " + mode);
  double fill = 0;
  if (!args[3].isNone())
    JANUS_RETURN_IF_ERROR(c.real(3, "value", fill));
  if (mode == "constant")
    return guardTensorOp([&] {
      out = tensorValue(ag::constantPad(x, pads, fill));
      return okStatus();
    });
  // ATen's _pad_enum, in its order.
  if (pads.size() % 2 != 0)
    return runtimeError("Padding length must be divisible by 2");
  if (pads.size() > 2 * static_cast<size_t>(x.dim()))
    return runtimeError("Padding length too large");
  if (fill != 0)
    return runtimeError("Padding mode \"" + mode +
                        "\" doesn't take in value argument");
  int64_t k = static_cast<int64_t>(pads.size() / 2);
  if (k < 1 || k > 3 || (x.dim() != k + 1 && x.dim() != k + 2))
    return notImplemented("Only 2D, 3D, 4D, 5D padding with non-constant "
                          "padding are supported for now");
  return guardTensorOp([&] {
    out = tensorValue(ag::pad(x, pads, padMode));
    return okStatus();
  });
}

//===--- torch.cat and friends --------------------------------------------===//

// cat and stack: a tensor sequence and a dim, joined by `join`.
template <typename JoinFn>
Status joinTensors(const LibArgs &args, const char *name, JoinFn join,
                   Value &out) {
  Call c{args, name};
  std::vector<Tensor> ts;
  int64_t dim;
  JANUS_RETURN_IF_ERROR(tensorList(c, 0, ts));
  JANUS_RETURN_IF_ERROR(c.integer(1, "dim", dim));
  return guardTensorOp([&] {
    out = tensorValue(join(ts, dim));
    return okStatus();
  });
}

Status torchCat(const LibArgs &args, Value &out) {
  return joinTensors(
      args, "cat",
      [](const std::vector<Tensor> &ts, int64_t dim) {
        return ag::cat(ts, dim);
      },
      out);
}

Status torchStack(const LibArgs &args, Value &out) {
  return joinTensors(
      args, "stack",
      [](const std::vector<Tensor> &ts, int64_t dim) {
        return ag::stack(ts, dim);
      },
      out);
}

// split(tensor, split_size_or_sections, dim): an int is split(), a
// sequence split_with_sizes().
Status torchSplit(const LibArgs &args, Value &out) {
  Call c{args, "split"};
  Tensor x;
  int64_t dim;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "tensor", x));
  JANUS_RETURN_IF_ERROR(c.integer(2, "dim", dim));
  if (args[1].isIntLike()) {
    int64_t size = args[1].asInt();
    return guardTensorOp([&] {
      out = tensorTuple(ag::split(x, size, dim));
      return okStatus();
    });
  }
  Shape sizes;
  JANUS_RETURN_IF_ERROR(
      argIntList(args[1], {"split_with_sizes", "split_sizes", 2}, sizes));
  return guardTensorOp([&] {
    out = tensorTuple(ag::splitWithSizes(x, sizes, dim));
    return okStatus();
  });
}

Status torchChunk(const LibArgs &args, Value &out) {
  Call c{args, "chunk"};
  Tensor x;
  int64_t chunks, dim;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(c.integer(1, "chunks", chunks));
  JANUS_RETURN_IF_ERROR(c.integer(2, "dim", dim));
  return guardTensorOp([&] {
    out = tensorTuple(ag::chunk(x, chunks, dim));
    return okStatus();
  });
}

Status torchGather(const LibArgs &args, Value &out) {
  Call c{args, "gather"};
  Tensor x, index;
  int64_t dim;
  bool sparse;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(c.integer(1, "dim", dim));
  JANUS_RETURN_IF_ERROR(c.tensor(2, "index", index));
  JANUS_RETURN_IF_ERROR(c.boolean(3, "sparse_grad", sparse));
  if (sparse)
    return notImplemented(
        "torch.gather(sparse_grad=True) is not supported by Janus (no sparse "
        "tensors)");
  return guardTensorOp([&] {
    out = tensorValue(ag::gather(x, dim, index));
    return okStatus();
  });
}

Status torchIndexSelect(const LibArgs &args, Value &out) {
  Call c{args, "index_select"};
  Tensor x, index;
  int64_t dim;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(c.integer(1, "dim", dim));
  JANUS_RETURN_IF_ERROR(c.tensor(2, "index", index));
  return guardTensorOp([&] {
    out = tensorValue(ag::indexSelect(x, dim, index));
    return okStatus();
  });
}

Status torchMaskedFill(const LibArgs &args, Value &out) {
  Call c{args, "masked_fill"};
  Tensor x, mask;
  JANUS_RETURN_IF_ERROR(c.tensor(0, "input", x));
  JANUS_RETURN_IF_ERROR(c.tensor(1, "mask", mask));
  if (args[2].kind() == Kind::Tensor) {
    Tensor v = tensorOf(args[2]);
    return guardTensorOp([&] {
      out = tensorValue(ag::maskedFill(x, mask, v));
      return okStatus();
    });
  }
  Scalar v(0.0);
  JANUS_RETURN_IF_ERROR(argScalar(args[2], c.site(2, "value"), v));
  return guardTensorOp([&] {
    out = tensorValue(ag::maskedFill(x, mask, v));
    return okStatus();
  });
}

} // namespace

std::vector<LibImplRow> janus::rt::torchNNImpls() {
  return {
      {LibId::FRelu, fRelu},
      {LibId::FTanh, fTanh},
      {LibId::FSigmoid, fSigmoid},
      {LibId::FSoftmax, fSoftmax},
      {LibId::FLogSoftmax, fLogSoftmax},
      {LibId::FCrossEntropy, fCrossEntropy},
      {LibId::FNllLoss, fNllLoss},
      {LibId::FMseLoss, fMseLoss},
      {LibId::FBinaryCrossEntropy, fBinaryCrossEntropy},
      {LibId::FLinear, fLinear},
      {LibId::FConv2d, fConv2d},
      {LibId::FMaxPool2d, fMaxPool2d},
      {LibId::FAvgPool2d, fAvgPool2d},
      {LibId::FDropout, fDropout},
      {LibId::FEmbedding, fEmbedding},
      {LibId::FLeakyRelu, fLeakyRelu},
      {LibId::FPad, fPad},
      {LibId::TorchCat, torchCat},
      {LibId::TorchStack, torchStack},
      {LibId::TorchSplit, torchSplit},
      {LibId::TorchChunk, torchChunk},
      {LibId::TorchGather, torchGather},
      {LibId::TorchIndexSelect, torchIndexSelect},
      {LibId::TorchMaskedFill, torchMaskedFill},
  };
}
