//===- TensorArgs.cpp - Tensor-op arguments from bound values -------------===//
//
// See TensorArgs.h.
//
//===----------------------------------------------------------------------===//

#include "Dispatch/TensorArgs.h"

using namespace janus::rt;

namespace {

Status mustBe(const Value &v, const ArgSite &site, const char *what) {
  return typeError(std::string(site.function) + "(): argument '" + site.param +
                   "' (position " + std::to_string(site.position) +
                   ") must be " + what + ", not " + typeName(v));
}

const std::vector<Value> *sequenceItems(const Value &v) {
  if (v.kind() == Kind::Tuple)
    return &v.as<TupleObject>()->items;
  if (v.kind() == Kind::List)
    return &v.as<ListObject>()->items;
  return nullptr;
}

} // namespace

Status janus::rt::statusFromTensorError(const TensorError &error) {
  switch (error.kind()) {
  case ErrorKind::IndexError:
    return Status(ErrorCode::IndexError, error.what());
  case ErrorKind::ValueError:
    return Status(ErrorCode::ValueError, error.what());
  case ErrorKind::TypeError:
    return Status(ErrorCode::TypeError, error.what());
  case ErrorKind::RuntimeError:
    break;
  }
  return Status(ErrorCode::RuntimeError, error.what());
}

Value janus::rt::tensorValue(const Tensor &t) {
  return Value::fromTensor(t.get());
}

Tensor janus::rt::tensorOf(const Value &v) {
  retainTensor(v.tensor());
  return Tensor(v.tensor());
}

Status janus::rt::argTensor(const Value &v, const ArgSite &site, Tensor &out) {
  if (v.kind() != Kind::Tensor)
    return mustBe(v, site, "Tensor");
  out = tensorOf(v);
  return okStatus();
}

Status janus::rt::argTensorOrNumber(const Value &v, const ArgSite &site,
                                    Tensor &out) {
  if (v.kind() == Kind::Tensor) {
    out = tensorOf(v);
    return okStatus();
  }
  Scalar s(int64_t(0));
  if (!argScalar(v, site, s).ok())
    return mustBe(v, site, "Tensor");
  return guardTensorOp([&] {
    out = wrappedScalar(s);
    return okStatus();
  });
}

Status janus::rt::argScalar(const Value &v, const ArgSite &site, Scalar &out) {
  switch (v.kind()) {
  case Kind::Bool:
    out = Scalar(v.asBool());
    return okStatus();
  case Kind::Int:
    out = Scalar(v.asInt());
    return okStatus();
  case Kind::Float:
    out = Scalar(v.asFloat());
    return okStatus();
  default:
    return mustBe(v, site, "Number");
  }
}

Status janus::rt::argInt(const Value &v, const ArgSite &site, int64_t &out) {
  if (!v.isIntLike())
    return mustBe(v, site, "int");
  out = v.asInt();
  return okStatus();
}

Status janus::rt::argFloat(const Value &v, const ArgSite &site, double &out) {
  if (!v.isNumber())
    return mustBe(v, site, "float");
  out = v.toDouble();
  return okStatus();
}

Status janus::rt::argBool(const Value &v, const ArgSite &site, bool &out) {
  if (!v.isBool())
    return mustBe(v, site, "bool");
  out = v.asBool();
  return okStatus();
}

Status janus::rt::argIntList(const Value &v, const ArgSite &site, Shape &out) {
  out.clear();
  if (v.isIntLike()) {
    out.push_back(v.asInt());
    return okStatus();
  }
  const std::vector<Value> *items = sequenceItems(v);
  if (!items)
    return mustBe(v, site, "tuple of ints");
  for (const Value &item : *items) {
    if (!item.isIntLike())
      return mustBe(v, site, "tuple of ints");
    out.push_back(item.asInt());
  }
  return okStatus();
}

Status janus::rt::argSizes(const Value &v, const ArgSite &site, Shape &out) {
  const std::vector<Value> *items = sequenceItems(v);
  if (items && items->size() == 1 && sequenceItems((*items)[0]))
    return argIntList((*items)[0], site, out);
  out.clear();
  if (!items)
    return argIntList(v, site, out);
  for (const Value &item : *items) {
    if (!item.isIntLike())
      return mustBe(item, site, "tuple of ints");
    out.push_back(item.asInt());
  }
  return okStatus();
}

Status janus::rt::argDType(const Value &v, const ArgSite &site,
                           std::optional<DType> &out) {
  if (v.isNone()) {
    out.reset();
    return okStatus();
  }
  if (v.kind() != Kind::DType)
    return mustBe(v, site, "torch.dtype");
  out = static_cast<DType>(v.dtypeCode());
  return okStatus();
}
