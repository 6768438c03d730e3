//===- TensorMethodsIndex.cpp - t[key] and t[key] = v for the value layer -===//
//
// Python subscripts of tensors (getItem/setItem in Value/Items.cpp land
// here). A key is an int, a bool, None, a tensor, or a tuple of those
// (slices and Ellipsis are not values yet). The tensor kernels
// (Tensor/Indexing.h) give PyTorch 1.13's results and messages; when
// autograd must record (grad mode on and a tensor that requires grad),
// basic keys (ints, None, bools, 0-dim int64 tensors) are applied as ag::
// select/unsqueeze views and assignment is ag::copy_/fill_ into that view,
// so the history is PyTorch's (SelectBackward0, CopySlices). Advanced
// (tensor) keys on tensors that need autograd wait for the ag:: indexing
// wrappers and are a NotImplementedError until then.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Dispatch/TorchOps.h"
#include "Tensor/Indexing.h"

using namespace janus;
using namespace janus::rt;

namespace {

Status indexOf(const Value &key, std::vector<TensorIndex> &out) {
  switch (key.kind()) {
  case Kind::Int:
    out.emplace_back(key.asInt());
    return okStatus();
  case Kind::Bool:
    out.push_back(TensorIndex::boolean(key.asBool()));
    return okStatus();
  case Kind::None:
    out.push_back(TensorIndex::none());
    return okStatus();
  case Kind::Tensor:
    out.emplace_back(tensorOf(key));
    return okStatus();
  default: {
    // Anything else is made a tensor, as PyTorch does (t[[1, 0]] works;
    // t['a'] fails as torch.tensor('a') does).
    const LibEntryInfo &tensor = LibraryTable::get().entry(LibId::TorchTensor);
    Value t;
    JANUS_RETURN_IF_ERROR(bindAndCall(tensor, nullptr, &key, 1, {}, t));
    out.emplace_back(tensorOf(t));
    return okStatus();
  }
  }
}

Status indicesOf(const Value &key, std::vector<TensorIndex> &out) {
  out.clear();
  if (key.kind() != Kind::Tuple)
    return indexOf(key, out);
  for (const Value &item : key.as<TupleObject>()->items) {
    if (item.kind() == Kind::Tuple)
      return indexError("only integers, slices (`:`), ellipsis (`...`), "
                        "None and long or byte Variables are valid indices "
                        "(got tuple)");
    JANUS_RETURN_IF_ERROR(indexOf(item, out));
  }
  return okStatus();
}

bool isBasic(const TensorIndex &i) {
  if (i.kind() != TensorIndex::Kind::Tensor)
    return true;
  return i.tensor().dim() == 0 && i.tensor().dtype() == DType::Int64;
}

/// The basic indices applied through ag:: views (call after the kernel
/// accepted them, so every index is in range).
Tensor basicView(Tensor x, const std::vector<TensorIndex> &indices) {
  int64_t d = 0;
  for (const TensorIndex &i : indices) {
    switch (i.kind()) {
    case TensorIndex::Kind::Integer:
    case TensorIndex::Kind::Tensor: {
      int64_t n = i.kind() == TensorIndex::Kind::Integer ? i.integer()
                                                         : itemInt(i.tensor());
      x = ag::select(x, d, n < 0 ? n + x.size(d) : n);
      break;
    }
    case TensorIndex::Kind::Boolean:
      x = ag::unsqueeze(x, d);
      if (!i.boolValue())
        x = ag::narrow(x, d, 0, 0);
      ++d;
      break;
    default: // None
      x = ag::unsqueeze(x, d++);
      break;
    }
  }
  return x;
}

bool allBasic(const std::vector<TensorIndex> &indices) {
  for (const TensorIndex &i : indices)
    if (!isBasic(i))
      return false;
  return true;
}

Status needsIndexWrappers() {
  return Status(ErrorCode::NotImplementedError,
                "indexing a tensor that requires grad with index tensors is "
                "not supported by Janus yet");
}

} // namespace

Status janus::rt::tensorGetItem(const Value &self, const Value &key,
                                Value &out) {
  std::vector<TensorIndex> indices;
  JANUS_RETURN_IF_ERROR(indicesOf(key, indices));
  Tensor x = tensorOf(self);
  return guardTensorOp([&] {
    Tensor r = index(x, indices); // PyTorch's result and errors
    if (needsGrad({&x})) {
      if (!allBasic(indices))
        return needsIndexWrappers();
      r = basicView(x, indices);
    }
    out = tensorValue(r);
    return okStatus();
  });
}

Status janus::rt::tensorIter(const Value &self, Value &out) {
  Tensor x = tensorOf(self);
  if (x.dim() == 0)
    return typeError("iteration over a 0-d tensor");
  return guardTensorOp([&] {
    std::vector<Value> rows;
    for (int64_t i = 0; i < x.size(0); ++i)
      rows.push_back(tensorValue(ag::select(x, 0, i)));
    return getIter(makeTuple(std::move(rows)), out);
  });
}

Status janus::rt::tensorSetItem(const Value &self, const Value &key,
                                const Value &value) {
  std::vector<TensorIndex> indices;
  JANUS_RETURN_IF_ERROR(indicesOf(key, indices));
  Tensor x = tensorOf(self), v;
  Scalar s(int64_t(0));
  if (value.kind() == Kind::Tensor)
    v = tensorOf(value);
  else if (!argScalar(value, {"__setitem__", "value", 2}, s).ok())
    return typeError(std::string("can't assign a ") + typeName(value) +
                     " to a torch." + dtypeName(x.dtype()) + "Tensor");
  return guardTensorOp([&] {
    bool record = v ? needsGrad({&x, &v}) : needsGrad({&x});
    if (!record) {
      if (v)
        indexPut(x, indices, v);
      else
        indexPut(x, indices, s);
      return okStatus();
    }
    if (!allBasic(indices))
      return needsIndexWrappers();
    (void)index(x, indices); // PyTorch's errors for bad keys
    Tensor view = basicView(x, indices);
    if (!v) {
      ag::fillInPlace(view, s);
      return okStatus();
    }
    while (v.dim() > view.dim() && v.size(0) == 1)
      v = ag::squeeze(v, 0); // setitem drops leading size-1 dims
    ag::copyInPlace(view, v);
    return okStatus();
  });
}
