//===- TensorMethodsIndex.cpp - t[key] and t[key] = v for the value layer -===//
//
// Python subscripts of tensors (getItem/setItem in Value/Items.cpp land
// here). A key is an int, a bool, None, a tensor, a slice, Ellipsis, or a
// tuple of those (anything else is made a tensor, as PyTorch does).
// ag::index and ag::indexPut (Autograd/IndexGrad.cpp) give
// PyTorch 1.13's results, messages and autograd history (SelectBackward0,
// IndexBackward0, CopySlices, IndexPutBackward0). Iteration yields the rows
// of unbind(0).
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
  case Kind::Ellipsis:
    out.push_back(TensorIndex::ellipsis());
    return okStatus();
  case Kind::Slice: {
    const auto *slice = key.as<SliceObject>();
    std::optional<int64_t> parts[3];
    const Value *values[3] = {&slice->start, &slice->stop, &slice->step};
    for (int p = 0; p < 3; ++p) {
      if (values[p]->isNone())
        continue;
      if (!values[p]->isIntLike())
        return typeError("slice indices must be integers or None or have an "
                         "__index__ method");
      parts[p] = values[p]->asInt();
    }
    if (parts[2] && *parts[2] == 0)
      return valueError("slice step cannot be zero");
    if (parts[2] && *parts[2] < 0)
      return valueError("step must be greater than zero");
    out.push_back(TensorIndex::slice(parts[0], parts[1], parts[2]));
    return okStatus();
  }
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

} // namespace

Status janus::rt::tensorGetItem(const Value &self, const Value &key,
                                Value &out) {
  std::vector<TensorIndex> indices;
  JANUS_RETURN_IF_ERROR(indicesOf(key, indices));
  Tensor x = tensorOf(self);
  return guardTensorOp([&] {
    out = tensorValue(ag::index(x, indices));
    return okStatus();
  });
}

Status janus::rt::tensorIter(const Value &self, Value &out) {
  Tensor x = tensorOf(self);
  if (x.dim() == 0)
    return typeError("iteration over a 0-d tensor");
  return guardTensorOp([&] {
    std::vector<Value> rows;
    for (const Tensor &row : ag::unbind(x, 0))
      rows.push_back(tensorValue(row));
    return getIter(makeTuple(std::move(rows)), out);
  });
}

Status janus::rt::tensorSetItem(const Value &self, const Value &key,
                                const Value &value) {
  std::vector<TensorIndex> indices;
  JANUS_RETURN_IF_ERROR(indicesOf(key, indices));
  Tensor x = tensorOf(self);
  if (value.kind() == Kind::Tensor) {
    Tensor v = tensorOf(value);
    return guardTensorOp([&] {
      ag::indexPut(x, indices, v);
      return okStatus();
    });
  }
  Scalar s(int64_t(0));
  if (!argScalar(value, {"__setitem__", "value", 2}, s).ok())
    return typeError(std::string("can't assign a ") + typeName(value) +
                     " to a torch." + dtypeName(x.dtype()) + "Tensor");
  return guardTensorOp([&] {
    ag::indexPut(x, indices, s);
    return okStatus();
  });
}
