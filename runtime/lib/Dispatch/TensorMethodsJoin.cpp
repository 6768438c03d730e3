//===- TensorMethodsJoin.cpp - Tensor split/chunk/repeat/gather/... rows --===//
//
// The Tensor methods over the joining and indexing ops of Tensor/
// Indexing.h: split (an int size or a list of sizes), chunk, repeat, gather,
// index_select and masked_fill, through their ag:: wrappers (IndexGrad.cpp)
// so that autograd records PyTorch's nodes. split and chunk return a tuple
// of views. (The torch.split/chunk/gather/... function rows live with the
// torch.nn.functional rows in TorchNN.cpp.)
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Dispatch/TorchOps.h"

using namespace janus;
using namespace janus::rt;

namespace {

Value tupleOf(const std::vector<Tensor> &parts) {
  std::vector<Value> items;
  for (const Tensor &t : parts)
    items.push_back(tensorValue(t));
  return makeTuple(std::move(items));
}

Status tensorSplit(const LibArgs &a, Value &o) {
  Tensor x = tensorOf(a[0]);
  int64_t dim;
  JANUS_RETURN_IF_ERROR(argInt(a[2], {"split", "dim", 2}, dim));
  if (a[1].isIntLike())
    return guardTensorOp([&] {
      o = tupleOf(ag::split(x, a[1].asInt(), dim));
      return okStatus();
    });
  Shape sizes;
  JANUS_RETURN_IF_ERROR(argIntList(a[1], {"split", "split_size", 1}, sizes));
  return guardTensorOp([&] {
    o = tupleOf(ag::splitWithSizes(x, sizes, dim));
    return okStatus();
  });
}

Status tensorChunk(const LibArgs &a, Value &o) {
  Tensor x = tensorOf(a[0]);
  int64_t chunks, dim;
  JANUS_RETURN_IF_ERROR(argInt(a[1], {"chunk", "chunks", 1}, chunks));
  JANUS_RETURN_IF_ERROR(argInt(a[2], {"chunk", "dim", 2}, dim));
  return guardTensorOp([&] {
    o = tupleOf(ag::chunk(x, chunks, dim));
    return okStatus();
  });
}

Status tensorRepeat(const LibArgs &a, Value &o) {
  Tensor x = tensorOf(a[0]);
  Shape sizes;
  JANUS_RETURN_IF_ERROR(argSizes(a[1], {"repeat", "repeats", 1}, sizes));
  return guardTensorOp([&] {
    o = tensorValue(ag::repeat(x, sizes));
    return okStatus();
  });
}

Status tensorGather(const LibArgs &a, Value &o) {
  Tensor x = tensorOf(a[0]), index;
  int64_t dim;
  bool sparse;
  JANUS_RETURN_IF_ERROR(argInt(a[1], {"gather", "dim", 1}, dim));
  JANUS_RETURN_IF_ERROR(argTensor(a[2], {"gather", "index", 2}, index));
  JANUS_RETURN_IF_ERROR(argBool(a[3], {"gather", "sparse_grad", 3}, sparse));
  if (sparse)
    return Status(ErrorCode::NotImplementedError,
                  "gather(sparse_grad=True) is not supported by Janus");
  return guardTensorOp([&] {
    o = tensorValue(ag::gather(x, dim, index));
    return okStatus();
  });
}

Status tensorIndexSelect(const LibArgs &a, Value &o) {
  Tensor x = tensorOf(a[0]), index;
  int64_t dim;
  JANUS_RETURN_IF_ERROR(argInt(a[1], {"index_select", "dim", 1}, dim));
  JANUS_RETURN_IF_ERROR(argTensor(a[2], {"index_select", "index", 2}, index));
  return guardTensorOp([&] {
    o = tensorValue(ag::indexSelect(x, dim, index));
    return okStatus();
  });
}

Status tensorMaskedFill(const LibArgs &a, Value &o) {
  Tensor x = tensorOf(a[0]), mask;
  JANUS_RETURN_IF_ERROR(argTensor(a[1], {"masked_fill", "mask", 1}, mask));
  if (a[2].kind() == Kind::Tensor) {
    Tensor v = tensorOf(a[2]);
    return guardTensorOp([&] {
      o = tensorValue(ag::maskedFill(x, mask, v));
      return okStatus();
    });
  }
  Scalar v(int64_t(0));
  JANUS_RETURN_IF_ERROR(argScalar(a[2], {"masked_fill", "value", 2}, v));
  return guardTensorOp([&] {
    o = tensorValue(ag::maskedFill(x, mask, v));
    return okStatus();
  });
}

} // namespace

std::vector<LibImplRow> janus::rt::tensorJoinImpls() {
  return {
      {LibId::TensorSplit, tensorSplit},
      {LibId::TensorChunk, tensorChunk},
      {LibId::TensorRepeat, tensorRepeat},
      {LibId::TensorGather, tensorGather},
      {LibId::TensorIndexSelect, tensorIndexSelect},
      {LibId::TensorMaskedFill, tensorMaskedFill},
  };
}
