//===- TorchFunctionsCreation.cpp - torch.tensor/zeros/rand/... rows ------===//
//
// The creation rows of the torch module (tensor, zeros, ones, full, arange,
// linspace, eye, zeros_like, ones_like, rand, randn, randint, randperm),
// manual_seed, and the no_grad class with its context-manager protocol,
// all with PyTorch 1.13's semantics: torch.tensor infers float32 / int64 /
// bool from nested lists and tuples and reports ragged data as PyTorch does,
// device= must be the CPU, requires_grad=True needs a floating dtype. The
// random rows are bit-exact through Tensor/RandomOps.h.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Autograd.h"
#include "Dispatch/TorchOps.h"
#include "Tensor/RandomOps.h"

using namespace janus;
using namespace janus::rt;

namespace {

//===--- torch.tensor -----------------------------------------------------===//

const std::vector<Value> *sequenceOf(const Value &v) {
  if (v.kind() == Kind::List)
    return &v.as<ListObject>()->items;
  if (v.kind() == Kind::Tuple)
    return &v.as<TupleObject>()->items;
  return nullptr;
}

/// The nested data of torch.tensor, flattened, with its shape and the
/// dtype PyTorch infers.
struct TensorData {
  Shape sizes;
  std::vector<Scalar> items;
  bool anyFloat = false, anyInt = false;
};

Status scalarOf(const Value &v, TensorData &d) {
  switch (v.kind()) {
  case Kind::Bool:
    d.items.emplace_back(v.asBool());
    return okStatus();
  case Kind::Int:
    d.anyInt = true;
    d.items.emplace_back(v.asInt());
    return okStatus();
  case Kind::Float:
    d.anyFloat = true;
    d.items.emplace_back(v.asFloat());
    return okStatus();
  case Kind::Tensor: {
    Tensor t = tensorOf(v);
    if (t.numel() != 1)
      return valueError("only one element tensors can be converted to Python "
                        "scalars");
    if (isFloating(t.dtype()))
      d.anyFloat = true;
    else if (t.dtype() == DType::Int64)
      d.anyInt = true;
    d.items.push_back(isFloating(t.dtype())      ? Scalar(itemDouble(t))
                      : t.dtype() == DType::Bool ? Scalar(itemInt(t) != 0)
                                                 : Scalar(itemInt(t)));
    return okStatus();
  }
  default:
    return typeError(std::string("new(): invalid data type '") + typeName(v) +
                     "'");
  }
}

/// PyTorch's compute_sizes: the shape follows the first element of each
/// level; recursiveStore then checks every sequence against it.
Status storeData(const Value &v, size_t dim, TensorData &d) {
  const std::vector<Value> *seq = sequenceOf(v);
  if (dim == d.sizes.size()) {
    if (seq)
      return typeError("Janus: torch.tensor got a sequence where a number "
                       "was expected (at dim " +
                       std::to_string(dim) + ")");
    return scalarOf(v, d);
  }
  if (!seq)
    return typeError("not a sequence");
  if (static_cast<int64_t>(seq->size()) != d.sizes[dim])
    return valueError("expected sequence of length " +
                      std::to_string(d.sizes[dim]) + " at dim " +
                      std::to_string(dim) + " (got " +
                      std::to_string(seq->size()) + ")");
  for (const Value &item : *seq)
    JANUS_RETURN_IF_ERROR(storeData(item, dim + 1, d));
  return okStatus();
}

Tensor buildTensor(const TensorData &d, DType type) {
  Tensor t = empty(d.sizes, type);
  size_t n = d.items.size();
  switch (type) {
  case DType::Bool:
    for (size_t i = 0; i < n; ++i)
      t.dataPtr<bool>()[i] = d.items[i].toDouble() != 0;
    break;
  case DType::Int64:
    for (size_t i = 0; i < n; ++i)
      t.dataPtr<int64_t>()[i] = d.items[i].toInt();
    break;
  case DType::Float32:
    for (size_t i = 0; i < n; ++i)
      t.dataPtr<float>()[i] = static_cast<float>(d.items[i].toDouble());
    break;
  case DType::Float64:
    for (size_t i = 0; i < n; ++i)
      t.dataPtr<double>()[i] = d.items[i].toDouble();
    break;
  }
  return t;
}

Status torchTensor(const LibArgs &args, Value &out) {
  std::optional<DType> dtype;
  JANUS_RETURN_IF_ERROR(argDType(args[1], {"tensor", "dtype", 2}, dtype));
  JANUS_RETURN_IF_ERROR(checkCpuDevice(args[2]));
  return guardTensorOp([&] {
    Tensor t;
    if (args[0].kind() == Kind::Tensor) {
      // torch.tensor(t) copies t without its history (PyTorch warns).
      t = clone(tensorOf(args[0]));
      if (dtype)
        t = to(t, *dtype);
    } else {
      TensorData d;
      for (const Value *v = &args[0];
           const std::vector<Value> *seq = sequenceOf(*v); v = &(*seq)[0]) {
        d.sizes.push_back(static_cast<int64_t>(seq->size()));
        if (seq->empty())
          break;
      }
      JANUS_RETURN_IF_ERROR(storeData(args[0], 0, d));
      DType inferred = d.anyFloat || d.items.empty() ? DType::Float32
                       : d.anyInt                    ? DType::Int64
                                                     : DType::Bool;
      t = buildTensor(d, dtype.value_or(inferred));
    }
    JANUS_RETURN_IF_ERROR(applyCreationRequiresGrad(t, args[3], "tensor"));
    out = tensorValue(t);
    return okStatus();
  });
}

//===--- Shapes and fills -------------------------------------------------===//

/// The shared tail of a creation row whose last three slots are dtype,
/// device and requires_grad: `make` builds the tensor from the dtype.
template <typename Make>
Status creation(const LibArgs &args, const char *function, uint32_t dtypeSlot,
                Value &out, Make &&make) {
  std::optional<DType> dtype;
  JANUS_RETURN_IF_ERROR(argDType(
      args[dtypeSlot], {function, "dtype", int(dtypeSlot) + 1}, dtype));
  JANUS_RETURN_IF_ERROR(checkCpuDevice(args[dtypeSlot + 1]));
  return guardTensorOp([&] {
    Tensor t = make(dtype);
    JANUS_RETURN_IF_ERROR(
        applyCreationRequiresGrad(t, args[dtypeSlot + 2], function));
    out = tensorValue(t);
    return okStatus();
  });
}

template <Tensor (*Fill)(const Shape &, DType)>
Status filled(const LibArgs &args, Value &out, const char *function) {
  Shape sizes;
  JANUS_RETURN_IF_ERROR(argSizes(args[0], {function, "size", 1}, sizes));
  return creation(args, function, 1, out, [&](std::optional<DType> d) {
    return Fill(sizes, d.value_or(DType::Float32));
  });
}

Status torchZeros(const LibArgs &args, Value &out) {
  return filled<zeros>(args, out, "zeros");
}
Status torchOnes(const LibArgs &args, Value &out) {
  return filled<ones>(args, out, "ones");
}
Status torchRand(const LibArgs &args, Value &out) {
  return filled<rand>(args, out, "rand");
}
Status torchRandn(const LibArgs &args, Value &out) {
  return filled<randn>(args, out, "randn");
}

Status torchFull(const LibArgs &args, Value &out) {
  Shape sizes;
  Scalar value(int64_t(0));
  JANUS_RETURN_IF_ERROR(argIntList(args[0], {"full", "size", 1}, sizes));
  JANUS_RETURN_IF_ERROR(argScalar(args[1], {"full", "fill_value", 2}, value));
  return creation(args, "full", 2, out, [&](std::optional<DType> d) {
    return full(sizes, value, d);
  });
}

Status torchArange(const LibArgs &args, Value &out) {
  // arange(end) binds end to `start`.
  Scalar a(int64_t(0)), b(int64_t(0)), step(int64_t(1));
  JANUS_RETURN_IF_ERROR(argScalar(args[0], {"arange", "start", 1}, a));
  if (args.present(1)) {
    JANUS_RETURN_IF_ERROR(argScalar(args[1], {"arange", "end", 2}, b));
  } else {
    b = a;
    a = Scalar(int64_t(0));
  }
  JANUS_RETURN_IF_ERROR(argScalar(args[2], {"arange", "step", 3}, step));
  return creation(args, "arange", 3, out, [&](std::optional<DType> d) {
    return arange(a, b, step, d);
  });
}

Status torchLinspace(const LibArgs &args, Value &out) {
  Scalar a(int64_t(0)), b(int64_t(0));
  int64_t steps;
  JANUS_RETURN_IF_ERROR(argScalar(args[0], {"linspace", "start", 1}, a));
  JANUS_RETURN_IF_ERROR(argScalar(args[1], {"linspace", "end", 2}, b));
  JANUS_RETURN_IF_ERROR(argInt(args[2], {"linspace", "steps", 3}, steps));
  return creation(args, "linspace", 3, out, [&](std::optional<DType> d) {
    return linspace(a, b, steps, d.value_or(DType::Float32));
  });
}

Status torchEye(const LibArgs &args, Value &out) {
  int64_t n, m = 0;
  JANUS_RETURN_IF_ERROR(argInt(args[0], {"eye", "n", 1}, n));
  if (args.present(1))
    JANUS_RETURN_IF_ERROR(argInt(args[1], {"eye", "m", 2}, m));
  std::optional<int64_t> cols;
  if (args.present(1))
    cols = m;
  return creation(args, "eye", 2, out, [&](std::optional<DType> d) {
    return eye(n, cols, d.value_or(DType::Float32));
  });
}

template <bool Ones>
Status likeImpl(const LibArgs &args, Value &out, const char *function) {
  Tensor input;
  JANUS_RETURN_IF_ERROR(argTensor(args[0], {function, "input", 1}, input));
  return creation(args, function, 1, out, [&](std::optional<DType> d) {
    DType type = d.value_or(input.dtype());
    return Ones ? ones(input.sizes(), type) : zeros(input.sizes(), type);
  });
}
Status torchZerosLike(const LibArgs &args, Value &out) {
  return likeImpl<false>(args, out, "zeros_like");
}
Status torchOnesLike(const LibArgs &args, Value &out) {
  return likeImpl<true>(args, out, "ones_like");
}

//===--- Random -----------------------------------------------------------===//

Status torchRandint(const LibArgs &args, Value &out) {
  // randint(high, size) binds high to `low` and size to `high`.
  int64_t low = 0, high;
  const Value *size = &args[2];
  if (!args.present(1))
    return typeError("randint() missing required argument 'size'");
  if (!args.present(2)) {
    JANUS_RETURN_IF_ERROR(argInt(args[0], {"randint", "high", 1}, high));
    size = &args[1];
  } else {
    JANUS_RETURN_IF_ERROR(argInt(args[0], {"randint", "low", 1}, low));
    JANUS_RETURN_IF_ERROR(argInt(args[1], {"randint", "high", 2}, high));
  }
  Shape sizes;
  JANUS_RETURN_IF_ERROR(argIntList(*size, {"randint", "size", 3}, sizes));
  return creation(args, "randint", 3, out, [&](std::optional<DType> d) {
    return to(randint(low, high, sizes), d.value_or(DType::Int64));
  });
}

Status torchRandperm(const LibArgs &args, Value &out) {
  int64_t n;
  JANUS_RETURN_IF_ERROR(argInt(args[0], {"randperm", "n", 1}, n));
  return creation(args, "randperm", 1, out, [&](std::optional<DType> d) {
    return to(randperm(n), d.value_or(DType::Int64));
  });
}

Status torchManualSeed(const LibArgs &args, Value &out) {
  int64_t seed;
  JANUS_RETURN_IF_ERROR(argInt(args[0], {"manual_seed", "seed", 1}, seed));
  manualSeed(static_cast<uint64_t>(seed));
  out = Value(); // PyTorch returns the generator; Janus has no such value.
  return okStatus();
}

//===--- torch.no_grad ----------------------------------------------------===//

constexpr const char *PrevModeAttr = "_janus_prev_grad_enabled";

Status noGradEnterMethod(void *, const Value *args, size_t nargs, Value &out) {
  if (nargs < 1)
    return typeError("__enter__() needs self");
  JANUS_RETURN_IF_ERROR(enterNoGrad(args[0]));
  out = Value();
  return okStatus();
}

Status noGradExitMethod(void *, const Value *args, size_t nargs, Value &out) {
  if (nargs < 1)
    return typeError("__exit__() needs self");
  JANUS_RETURN_IF_ERROR(exitNoGrad(args[0]));
  out = Value::fromBool(false); // exceptions propagate
  return okStatus();
}

/// The no_grad class: made once, alive for the whole process.
const Value &noGradClass() {
  static const Value *cls = [] {
    auto *c = new Value(makeClass("no_grad"));
    auto *object = c->as<ClassObject>();
    object->attributes["__enter__"] =
        makeFunction("no_grad.__enter__", noGradEnterMethod);
    object->attributes["__exit__"] =
        makeFunction("no_grad.__exit__", noGradExitMethod);
    return c;
  }();
  return *cls;
}

Status torchNoGrad(const LibArgs &, Value &out) {
  out = makeInstance(noGradClass());
  return okStatus();
}

Status torchTensorClass(const LibArgs &, Value &out) {
  (void)out;
  return Status(ErrorCode::NotImplementedError,
                "the legacy constructor torch.Tensor(...) is not supported by "
                "Janus; use torch.tensor, torch.zeros or torch.empty-like "
                "creation functions");
}

} // namespace

Status janus::rt::enterNoGrad(const Value &ctx) {
  JANUS_RETURN_IF_ERROR(
      setAttr(ctx, PrevModeAttr, Value::fromBool(isGradEnabled())));
  setGradEnabled(false);
  return okStatus();
}

Status janus::rt::exitNoGrad(const Value &ctx) {
  Value prev;
  JANUS_RETURN_IF_ERROR(getAttr(ctx, PrevModeAttr, prev));
  setGradEnabled(prev.asBool());
  return okStatus();
}

Status janus::rt::checkCpuDevice(const Value &device) {
  if (device.isNone())
    return okStatus();
  if (device.kind() == Kind::Str && device.as<StrObject>()->text == "cpu")
    return okStatus();
  if (device.kind() == Kind::Tuple &&
      device.as<TupleObject>()->flavor == TupleFlavor::TorchDevice)
    return okStatus();
  return Status(ErrorCode::RuntimeError,
                "Janus tensors live on the CPU: device=" + repr(device) +
                    " is not supported (use None or 'cpu')");
}

Status janus::rt::applyCreationRequiresGrad(const Tensor &t,
                                            const Value &requiresGrad,
                                            const char *function) {
  bool on;
  JANUS_RETURN_IF_ERROR(
      argBool(requiresGrad, {function, "requires_grad", 0}, on));
  if (!on)
    return okStatus();
  if (!isFloating(t.dtype()))
    return Status(ErrorCode::RuntimeError,
                  "Only Tensors of floating point and complex dtype can "
                  "require gradients");
  setRequiresGrad(t, true);
  return okStatus();
}

std::vector<LibImplRow> janus::rt::torchCreationImpls() {
  return {
      {LibId::TorchTensor, torchTensor},
      {LibId::TorchZeros, torchZeros},
      {LibId::TorchOnes, torchOnes},
      {LibId::TorchFull, torchFull},
      {LibId::TorchArange, torchArange},
      {LibId::TorchLinspace, torchLinspace},
      {LibId::TorchEye, torchEye},
      {LibId::TorchZerosLike, torchZerosLike},
      {LibId::TorchOnesLike, torchOnesLike},
      {LibId::TorchRand, torchRand},
      {LibId::TorchRandn, torchRandn},
      {LibId::TorchRandint, torchRandint},
      {LibId::TorchRandperm, torchRandperm},
      {LibId::TorchManualSeed, torchManualSeed},
      {LibId::TorchNoGrad, torchNoGrad},
      {LibId::TorchTensorClass, torchTensorClass},
  };
}
