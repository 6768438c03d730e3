//===- Tensor.h - CPU tensors: storage, views and eager ops -----*- C++ -*-===//
//
// The tensor core of libjanus_runtime: reference-counted storage, strided
// tensors that share it (views), and the eager operations the accurate path
// calls, with PyTorch 1.13's semantics (type promotion, broadcasting, view
// rules and error messages). Errors are thrown as TensorError, carrying the
// Python exception type and PyTorch's message, so that the C API layer can
// turn them into Python-level exceptions.
//
// Only CPU memory exists yet; Device has a CUDA member reserved so that GPU
// storage can be added without changing the layout of TensorImpl. Autograd
// (runtime/lib/Autograd) hangs its per-tensor state off TensorImpl through
// one pointer that stays null for plain tensors; Storage::Version is bumped
// on every in-place write so that the tape can detect modified saved tensors.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_TENSOR_TENSOR_H
#define JANUS_RUNTIME_TENSOR_TENSOR_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace janus::rt {

/// Element types, in PyTorch's promotion order for tensors of one category.
enum class DType : uint8_t { Bool, Int64, Float32, Float64 };
enum class Device : uint8_t { CPU, CUDA /* reserved, not implemented */ };

size_t elementSize(DType T);
bool isFloating(DType T);
/// PyTorch's short name ("Float", "Long"...) as used in error messages.
const char *dtypeName(DType T);
/// The Python spelling after "torch." ("float32", "int64", "bool").
const char *dtypePythonName(DType T);

/// Which Python exception a TensorError maps to.
enum class ErrorKind { RuntimeError, IndexError, ValueError, TypeError };

class TensorError : public std::runtime_error {
public:
  TensorError(ErrorKind Kind, const std::string &Message)
      : std::runtime_error(Message), Kind(Kind) {}
  ErrorKind kind() const { return Kind; }

private:
  ErrorKind Kind;
};

/// A 64-byte aligned, intrusively reference-counted buffer. The Storage
/// object lives in the first 64 bytes of its own buffer's block (one
/// allocation, from the size-class cache of Allocator.h).
class Storage {
public:
  static Storage *allocate(size_t Bytes, Device Dev = Device::CPU);
  void retain() { ++RefCount; }
  void release();

  void *data() const { return Data; }
  size_t bytes() const { return Bytes; }
  Device device() const { return Dev; }
  /// Bumped by every in-place write through any view of this storage.
  uint64_t version() const { return Version; }
  void bumpVersion() { ++Version; }

private:
  Storage() = default;
  void *Data = nullptr;
  size_t Bytes = 0;
  Device Dev = Device::CPU;
  uint64_t RefCount = 1;
  uint64_t Version = 0;
};

using Shape = std::vector<int64_t>;

/// Autograd's per-tensor state (Autograd/Autograd.h), owned by TensorImpl.
struct AutogradMeta;
void destroyAutogradMeta(AutogradMeta *M);

/// Sizes, strides (in elements) and an offset into shared storage.
class TensorImpl {
public:
  TensorImpl(Storage *S, DType T, Shape Sizes, Shape Strides, int64_t Offset);
  ~TensorImpl();
  TensorImpl(const TensorImpl &) = delete;
  TensorImpl &operator=(const TensorImpl &) = delete;
  /// From the size-class cache of Allocator.h: every op makes one.
  static void *operator new(size_t Size);
  static void operator delete(void *P, size_t Size);

  void retain() { ++RefCount; }
  void release() {
    if (--RefCount == 0)
      delete this;
  }

  DType dtype() const { return Type; }
  Device device() const { return TheStorage->device(); }
  Storage *storage() const { return TheStorage; }
  const Shape &sizes() const { return Sizes; }
  const Shape &strides() const { return Strides; }
  int64_t storageOffset() const { return Offset; }
  int64_t dim() const { return static_cast<int64_t>(Sizes.size()); }
  int64_t numel() const;
  bool isContiguous() const;
  /// Address of element [0, 0, ...].
  char *data() const {
    return static_cast<char *>(TheStorage->data()) +
           Offset * static_cast<int64_t>(elementSize(Type));
  }
  /// A 0-dim tensor made from a Python scalar (PyTorch's "wrapped number"),
  /// which ranks below tensors in type promotion.
  bool isWrappedNumber() const { return WrappedNumber; }
  void setWrappedNumber(bool W) { WrappedNumber = W; }
  /// Made by nn.Parameter. Janus tensors cannot be subclassed, so this flag
  /// stands for PyTorch's Parameter type: repr/str print "Parameter
  /// containing:" first. A view or result of an op is a new TensorImpl and
  /// so a plain tensor, as in PyTorch; in-place ops keep the flag.
  bool isParameter() const { return Parameter; }
  void setParameter(bool P) { Parameter = P; }
  /// Autograd state; null for tensors that never took part in autograd.
  AutogradMeta *autogradMeta() const { return Autograd; }
  /// Takes ownership of M (null allowed), destroying any previous state.
  void setAutogradMeta(AutogradMeta *M) {
    if (Autograd)
      destroyAutogradMeta(Autograd);
    Autograd = M;
  }

private:
  Storage *TheStorage;
  AutogradMeta *Autograd = nullptr;
  DType Type;
  Shape Sizes, Strides;
  int64_t Offset;
  uint64_t RefCount = 1;
  bool WrappedNumber = false;
  bool Parameter = false;
};

/// Entry points the boxed-value layer uses to hold a TensorImpl.
void retainTensor(TensorImpl *T);
void releaseTensor(TensorImpl *T);

/// An owning handle to a TensorImpl (the C++-side intrusive pointer).
class Tensor {
public:
  Tensor() = default;
  /// Adopts one reference.
  explicit Tensor(TensorImpl *I) : Impl(I) {}
  Tensor(const Tensor &O) : Impl(O.Impl) {
    if (Impl)
      Impl->retain();
  }
  Tensor(Tensor &&O) noexcept : Impl(std::exchange(O.Impl, nullptr)) {}
  Tensor &operator=(Tensor O) {
    std::swap(Impl, O.Impl);
    return *this;
  }
  ~Tensor() {
    if (Impl)
      Impl->release();
  }
  TensorImpl *get() const { return Impl; }
  TensorImpl *operator->() const { return Impl; }
  /// Gives up the reference without releasing it.
  TensorImpl *release() { return std::exchange(Impl, nullptr); }
  explicit operator bool() const { return Impl != nullptr; }

  DType dtype() const { return Impl->dtype(); }
  const Shape &sizes() const { return Impl->sizes(); }
  const Shape &strides() const { return Impl->strides(); }
  int64_t dim() const { return Impl->dim(); }
  int64_t numel() const { return Impl->numel(); }
  int64_t size(int64_t D) const;
  template <typename T> T *dataPtr() const {
    return reinterpret_cast<T *>(Impl->data());
  }

private:
  TensorImpl *Impl = nullptr;
};

/// A Python number (bool, int or float) passed to a tensor op.
struct Scalar {
  enum class Kind : uint8_t { Bool, Int, Float } K;
  double F = 0;
  int64_t I = 0;
  Scalar(double V) : K(Kind::Float), F(V) {}
  Scalar(int V) : K(Kind::Int), I(V) {}
  Scalar(int64_t V) : K(Kind::Int), I(V) {}
  Scalar(bool V) : K(Kind::Bool), I(V) {}
  double toDouble() const { return K == Kind::Float ? F : double(I); }
  int64_t toInt() const { return K == Kind::Float ? int64_t(F) : I; }
  /// The dtype of the tensor PyTorch wraps this number in.
  DType dtype() const;
};

//===--- Helpers shared by the ops ---------------------------------------===//

/// PyTorch's maybe_wrap_dim: wraps a negative dim and range-checks it.
int64_t wrapDim(int64_t D, int64_t Rank, bool WrapScalar = true);
/// "[2, 3]" as PyTorch prints sizes.
std::string shapeToString(const Shape &S);
Shape contiguousStrides(const Shape &Sizes);
/// Broadcast shape of two shapes, with PyTorch's error message.
Shape broadcastShapes(const Shape &A, const Shape &B);
DType promoteTypes(DType A, DType B);
/// torch.result_type over operands (wrapped numbers and 0-dim tensors rank
/// below dimensioned tensors within a category).
DType resultType(const std::vector<const Tensor *> &Operands);
/// resultType({&A, &B}) without building a vector.
DType resultType(const Tensor &A, const Tensor &B);
bool canCast(DType From, DType To);

//===--- Creation (Creation.cpp) ------------------------------------------===//

Tensor empty(const Shape &Sizes, DType T = DType::Float32);
Tensor zeros(const Shape &Sizes, DType T = DType::Float32);
Tensor ones(const Shape &Sizes, DType T = DType::Float32);
Tensor full(const Shape &Sizes, Scalar Value, std::optional<DType> T = {});
Tensor scalarTensor(Scalar Value, std::optional<DType> T = {});
/// The 0-dim tensor PyTorch makes of a Python number in a tensor op.
Tensor wrappedScalar(Scalar Value);
Tensor arange(Scalar Start, Scalar End, Scalar Step = Scalar(int64_t(1)),
              std::optional<DType> T = {});
Tensor linspace(Scalar Start, Scalar End, int64_t Steps,
                DType T = DType::Float32);
Tensor eye(int64_t N, std::optional<int64_t> M = {}, DType T = DType::Float32);
/// Copies N contiguous elements of type T from Data into a new tensor.
Tensor fromBuffer(const void *Data, DType T, const Shape &Sizes);
/// Copies the tensor's elements in row-major order into Out (numel * size).
void copyToBuffer(const Tensor &Src, void *Out);
Tensor contiguous(const Tensor &Src);
Tensor clone(const Tensor &Src);
/// A copy converted to T (self when already of type T and Copy is false).
Tensor to(const Tensor &Src, DType T, bool Copy = false);
/// Reads element 0 of a one-element tensor as a double / int64.
double itemDouble(const Tensor &Src);
int64_t itemInt(const Tensor &Src);

//===--- Views (Views.cpp)
//-------------------------------------------------===//

Tensor asStrided(const Tensor &Src, Shape Sizes, Shape Strides, int64_t Offset);
Tensor view(const Tensor &Src, const Shape &Sizes);
Tensor reshape(const Tensor &Src, const Shape &Sizes);
Tensor flatten(const Tensor &Src);
Tensor transpose(const Tensor &Src, int64_t D0, int64_t D1);
Tensor t(const Tensor &Src);
Tensor permute(const Tensor &Src, const Shape &Dims);
Tensor squeeze(const Tensor &Src);
Tensor squeeze(const Tensor &Src, int64_t D);
Tensor unsqueeze(const Tensor &Src, int64_t D);
Tensor expand(const Tensor &Src, const Shape &Sizes);
Tensor narrow(const Tensor &Src, int64_t D, int64_t Start, int64_t Length);
/// Python slicing Src[..., Start:End:Step, ...] along D (bounds clamp).
Tensor slice(const Tensor &Src, int64_t D, std::optional<int64_t> Start,
             std::optional<int64_t> End, int64_t Step = 1);
Tensor select(const Tensor &Src, int64_t D, int64_t Index);

//===--- Elementwise (Elementwise.cpp, Unary.cpp)
//--------------------------===//

enum class BinaryOp { Add, Sub, Mul, Div, Pow, Maximum, Minimum };
enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };
enum class UnaryOp { Exp, Log, Sqrt, Abs, Neg, Tanh, Sigmoid, Relu };

Tensor binary(BinaryOp Op, const Tensor &A, const Tensor &B);
Tensor add(const Tensor &A, const Tensor &B, Scalar Alpha = Scalar(1));
Tensor sub(const Tensor &A, const Tensor &B, Scalar Alpha = Scalar(1));
Tensor mul(const Tensor &A, const Tensor &B);
Tensor div(const Tensor &A, const Tensor &B);
Tensor pow(const Tensor &A, const Tensor &B);
Tensor maximum(const Tensor &A, const Tensor &B);
Tensor minimum(const Tensor &A, const Tensor &B);
Tensor compare(CompareOp Op, const Tensor &A, const Tensor &B);
Tensor where(const Tensor &Cond, const Tensor &A, const Tensor &B);
Tensor unary(UnaryOp Op, const Tensor &A);
Tensor clamp(const Tensor &A, std::optional<Scalar> Min,
             std::optional<Scalar> Max);

/// In-place variants: the result type must be castable to Self's dtype, and
/// the other operand broadcasts to Self's shape. They return Self.
Tensor &addInPlace(Tensor &Self, const Tensor &B, Scalar Alpha = Scalar(1));
Tensor &subInPlace(Tensor &Self, const Tensor &B, Scalar Alpha = Scalar(1));
Tensor &mulInPlace(Tensor &Self, const Tensor &B);
Tensor &divInPlace(Tensor &Self, const Tensor &B);
/// Self ** B in place; a Python number B must not change Self's dtype
/// (ATen: "Found dtype Long but expected Float").
Tensor &powInPlace(Tensor &Self, const Tensor &B);
/// PyTorch's shape check of an in-place op's output: broadcasting Self
/// against an operand of OtherSizes must leave Self's shape ("output with
/// shape [2] doesn't match the broadcast shape [2, 2]"). Ops that compute
/// their result elsewhere call it first, so that it wins over the kernel's
/// own errors, as in ATen.
void checkInPlaceShape(const Tensor &Self, const Shape &OtherSizes);
/// Writes Result, computed from Self and another operand, into Self with
/// the in-place variants' cast and shape checks; bumps Self's version.
Tensor &writeInPlace(Tensor &Self, const Tensor &Result);
Tensor &zeroInPlace(Tensor &Self);
Tensor &fillInPlace(Tensor &Self, Scalar Value);
/// Fills a tensor being created: like fillInPlace, but not an in-place
/// write (the version counter stays at 0).
void fillFresh(const Tensor &Self, Scalar Value);
/// Self.copy_(Src): broadcasts Src and converts its dtype.
Tensor &copyInPlace(Tensor &Self, const Tensor &Src);

//===--- Reductions (Reduce.cpp, DimOps.cpp)
//-------------------------------===//

Tensor sum(const Tensor &A);
Tensor sum(const Tensor &A, const Shape &Dims, bool KeepDim = false);
Tensor mean(const Tensor &A);
Tensor mean(const Tensor &A, const Shape &Dims, bool KeepDim = false);
Tensor max(const Tensor &A);
Tensor min(const Tensor &A);
/// Values and indices along D.
std::pair<Tensor, Tensor> max(const Tensor &A, int64_t D, bool KeepDim);
std::pair<Tensor, Tensor> min(const Tensor &A, int64_t D, bool KeepDim);
Tensor argmax(const Tensor &A);
Tensor argmax(const Tensor &A, int64_t D, bool KeepDim = false);
/// var/std over Dims (all dims when empty, as PyTorch's dim=[]). There is
/// deliberately no (Tensor, bool) overload: `var(A, {1})` would pick it.
Tensor var(const Tensor &A, const Shape &Dims = {}, bool Unbiased = true,
           bool KeepDim = false);
Tensor std(const Tensor &A, const Shape &Dims = {}, bool Unbiased = true,
           bool KeepDim = false);
Tensor norm(const Tensor &A);
Tensor norm(const Tensor &A, const Shape &Dims, bool KeepDim = false);
Tensor cumsum(const Tensor &A, int64_t D);
Tensor softmax(const Tensor &A, int64_t D);
Tensor logSoftmax(const Tensor &A, int64_t D);

//===--- Matrix products (Matmul.cpp)
//--------------------------------------===//

Tensor mm(const Tensor &A, const Tensor &B);
Tensor bmm(const Tensor &A, const Tensor &B);
Tensor matmul(const Tensor &A, const Tensor &B);

} // namespace janus::rt

#endif // JANUS_RUNTIME_TENSOR_TENSOR_H
