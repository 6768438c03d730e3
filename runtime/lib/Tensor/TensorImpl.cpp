//===- TensorImpl.cpp - Storage, TensorImpl and shape/type helpers --------===//
//
// The data structures of Tensor.h and the rules every op shares: PyTorch's
// dimension wrapping, broadcasting and type promotion (torch.result_type,
// including the "wrapped number" rule that lets `int_tensor + 2.5` become
// float32 rather than float64), each with PyTorch 1.13's error messages.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Allocator.h"
#include "Tensor/Tensor.h"

#include <cstdlib>
#include <new>
#include <sstream>

namespace janus::rt {

size_t elementSize(DType T) {
  switch (T) {
  case DType::Bool:
    return 1;
  case DType::Float32:
    return 4;
  case DType::Int64:
  case DType::Float64:
    break;
  }
  return 8;
}

bool isFloating(DType T) { return T == DType::Float32 || T == DType::Float64; }

const char *dtypeName(DType T) {
  switch (T) {
  case DType::Bool:
    return "Bool";
  case DType::Int64:
    return "Long";
  case DType::Float32:
    return "Float";
  case DType::Float64:
    break;
  }
  return "Double";
}

const char *dtypePythonName(DType T) {
  switch (T) {
  case DType::Bool:
    return "bool";
  case DType::Int64:
    return "int64";
  case DType::Float32:
    return "float32";
  case DType::Float64:
    break;
  }
  return "float64";
}

DType Scalar::dtype() const {
  switch (K) {
  case Kind::Bool:
    return DType::Bool;
  case Kind::Int:
    return DType::Int64;
  case Kind::Float:
    break;
  }
  return DType::Float64;
}

//===--- Storage and TensorImpl
//--------------------------------------------===//

// The Storage header takes the first HeaderBytes of the block, so the data
// that follows keeps the block's 64-byte alignment (AVX-512 loads, cache
// lines).
constexpr size_t HeaderBytes = 64;
static_assert(sizeof(Storage) <= HeaderBytes, "Storage must fit its header");

Storage *Storage::allocate(size_t Bytes, Device Dev) {
  if (Dev != Device::CPU)
    throw TensorError(ErrorKind::RuntimeError,
                      "CUDA tensors are not supported by this build");
  char *Block = static_cast<char *>(allocateBlock(HeaderBytes + Bytes));
  auto *S = new (Block) Storage();
  S->Data = Block + HeaderBytes;
  S->Bytes = Bytes;
  S->Dev = Dev;
  return S;
}

void Storage::release() {
  if (--RefCount != 0)
    return;
  size_t Block = HeaderBytes + Bytes;
  this->~Storage();
  freeBlock(this, Block);
}

void *TensorImpl::operator new(size_t Size) { return allocateBlock(Size); }
void TensorImpl::operator delete(void *P, size_t Size) { freeBlock(P, Size); }

TensorImpl::TensorImpl(Storage *S, DType T, Shape Sizes, Shape Strides,
                       int64_t Offset)
    : TheStorage(S), Type(T), Sizes(std::move(Sizes)),
      Strides(std::move(Strides)), Offset(Offset) {
  TheStorage->retain();
}

TensorImpl::~TensorImpl() {
  if (Autograd)
    destroyAutogradMeta(Autograd);
  TheStorage->release();
}

int64_t TensorImpl::numel() const {
  int64_t N = 1;
  for (int64_t S : Sizes)
    N *= S;
  return N;
}

bool TensorImpl::isContiguous() const {
  // As PyTorch: dimensions of size 1 may have any stride, and a tensor with
  // no elements is contiguous.
  int64_t Expected = 1;
  for (size_t I = Sizes.size(); I-- > 0;) {
    if (Sizes[I] == 0)
      return true;
    if (Sizes[I] == 1)
      continue;
    if (Strides[I] != Expected)
      return false;
    Expected *= Sizes[I];
  }
  return true;
}

void retainTensor(TensorImpl *T) { T->retain(); }
void releaseTensor(TensorImpl *T) { T->release(); }

int64_t Tensor::size(int64_t D) const { return sizes()[wrapDim(D, dim())]; }

//===--- Shapes
//------------------------------------------------------------===//

int64_t wrapDim(int64_t D, int64_t Rank, bool WrapScalar) {
  if (Rank == 0 && WrapScalar)
    Rank = 1; // A 0-dim tensor accepts dims -1 and 0.
  if (Rank == 0 || D < -Rank || D >= Rank) {
    if (Rank == 0)
      throw TensorError(ErrorKind::IndexError,
                        "dimension specified as " + std::to_string(D) +
                            " but tensor has no dimensions");
    throw TensorError(ErrorKind::IndexError,
                      "Dimension out of range (expected to be in range of [" +
                          std::to_string(-Rank) + ", " +
                          std::to_string(Rank - 1) + "], but got " +
                          std::to_string(D) + ")");
  }
  return D < 0 ? D + Rank : D;
}

std::string shapeToString(const Shape &S) {
  std::string Out = "[";
  for (size_t I = 0; I < S.size(); ++I) {
    if (I)
      Out += ", ";
    Out += std::to_string(S[I]);
  }
  return Out + "]";
}

Shape contiguousStrides(const Shape &Sizes) {
  Shape Strides(Sizes.size());
  int64_t Acc = 1;
  for (size_t I = Sizes.size(); I-- > 0;) {
    Strides[I] = Acc;
    Acc *= Sizes[I] > 1 ? Sizes[I] : 1;
  }
  return Strides;
}

Shape broadcastShapes(const Shape &A, const Shape &B) {
  size_t N = std::max(A.size(), B.size());
  Shape Out(N);
  for (size_t I = 0; I < N; ++I) {
    // Aligned from the right; a missing dimension acts as size 1.
    int64_t Da = I < N - A.size() ? 1 : A[I - (N - A.size())];
    int64_t Db = I < N - B.size() ? 1 : B[I - (N - B.size())];
    if (Da != Db && Da != 1 && Db != 1)
      throw TensorError(
          ErrorKind::RuntimeError,
          "The size of tensor a (" + std::to_string(Da) +
              ") must match the size of tensor b (" + std::to_string(Db) +
              ") at non-singleton dimension " + std::to_string(I));
    Out[I] = Da == 1 ? Db : Da;
  }
  return Out;
}

//===--- Type promotion
//----------------------------------------------------===//

// With only bool, int64, float32 and float64 the promotion lattice is a
// chain in enum order.
DType promoteTypes(DType A, DType B) { return A > B ? A : B; }

namespace {
enum class Category { Bool, Integral, Floating };
Category categoryOf(DType T) {
  if (T == DType::Bool)
    return Category::Bool;
  return isFloating(T) ? Category::Floating : Category::Integral;
}

// c10's combine_categories: a higher-priority tier wins unless a lower one
// is of a higher category (e.g. long tensor * float 0-dim tensor).
std::optional<DType> combine(std::optional<DType> Higher,
                             std::optional<DType> Lower) {
  if (!Higher)
    return Lower;
  if (isFloating(*Higher))
    return Higher;
  if (!Lower)
    return Higher;
  if (*Higher == DType::Bool || isFloating(*Lower) ||
      categoryOf(*Lower) > categoryOf(*Higher))
    return promoteTypes(*Higher, *Lower);
  return Higher;
}

DType resultTypeOf(const Tensor *const *Operands, size_t N) {
  std::optional<DType> DimResult, ZeroResult, WrappedResult;
  auto Update = [](std::optional<DType> &R, DType T) {
    R = R ? promoteTypes(*R, T) : T;
  };
  for (size_t I = 0; I < N; ++I) {
    const Tensor *T = Operands[I];
    DType Ty = T->dtype();
    if ((*T)->isWrappedNumber())
      // A Python float takes the default dtype, float32.
      Update(WrappedResult, isFloating(Ty) ? DType::Float32 : Ty);
    else if (T->dim() == 0)
      Update(ZeroResult, Ty);
    else
      Update(DimResult, Ty);
  }
  std::optional<DType> R =
      combine(DimResult, combine(ZeroResult, WrappedResult));
  return R ? *R : DType::Float32;
}
} // namespace

DType resultType(const std::vector<const Tensor *> &Operands) {
  return resultTypeOf(Operands.data(), Operands.size());
}

DType resultType(const Tensor &A, const Tensor &B) {
  const Tensor *Operands[2] = {&A, &B};
  return resultTypeOf(Operands, 2);
}

bool canCast(DType From, DType To) {
  if (isFloating(From) && !isFloating(To))
    return false;
  return !(From != DType::Bool && To == DType::Bool);
}

} // namespace janus::rt
