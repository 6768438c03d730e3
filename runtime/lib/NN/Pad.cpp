//===- Pad.cpp - F.pad in reflect, replicate and circular modes -----------===//
//
// The non-constant modes of F.pad over the last 1, 2 or 3 dimensions, with
// PyTorch 1.13's rules and messages: reflection_pad{1,2,3}d,
// replication_pad{1,2,3}d and ATen's _pad_circular (PadNd.cpp).
//
// Every mode is separable: output element (o1, ..., ok) of a padded block
// reads input element (m1(o1), ..., mk(ok)), where each mi is a 1-d map
// built by ATen's own per-dimension formula (reflect and replicate), or by
// replaying _pad_circular's slice copies on an array of indices (circular,
// whose copies read from the output itself, so negative pads on one side
// do not give a plain modulo). The forward gathers through the maps and the
// backward scatter-adds through them, so repeated sources sum their
// gradients.
//
//===----------------------------------------------------------------------===//

#include "NN/NNUtil.h"

#include <algorithm>
#include <vector>

namespace janus::rt {

using namespace nn;

namespace {

using Map = std::vector<int64_t>;

const char *modeName(PadMode M) {
  return M == PadMode::Reflect     ? "reflect"
         : M == PadMode::Replicate ? "replicate"
                                   : "circular";
}

// reflection_pad / replication_pad's index formula for one dimension.
Map edgeMap(int64_t Size, int64_t Left, int64_t Right, bool Reflect) {
  int64_t Out = Size + Left + Right;
  int64_t IStart = std::max<int64_t>(0, -Left);
  int64_t OStart = std::max<int64_t>(0, Left);
  Map M(static_cast<size_t>(std::max<int64_t>(Out, 0)));
  for (int64_t J = 0; J < Out; ++J) {
    int64_t Ip;
    if (J < Left)
      Ip = Reflect ? 2 * Left - J : Left;
    else if (J < Size + Left)
      Ip = J;
    else
      Ip = Reflect ? 2 * (Size + Left - 1) - J : Size + Left - 1;
    M[J] = Ip - OStart + IStart;
  }
  return M;
}

// _pad_circular's copies, replayed on indices: the centre first, then the
// left pad from the end of the centre, then the right pad from its start.
Map circularMap(int64_t Size, int64_t Left, int64_t Right) {
  int64_t Out = Size + Left + Right;
  Map M(static_cast<size_t>(Out), -1);
  int64_t L0 = std::max<int64_t>(Left, 0), R0 = std::max<int64_t>(Right, 0);
  int64_t From = std::max<int64_t>(-Left, 0);
  for (int64_t J = L0; J < Out - R0; ++J)
    M[J] = From + (J - L0);
  auto Copy = [&](int64_t To, int64_t From) {
    if (To >= 0 && To < Out && From >= 0 && From < Out)
      M[To] = M[From];
  };
  if (Left > 0)
    for (int64_t J = 0; J < Left; ++J)
      Copy(J, Out - Left - R0 + J);
  if (Right > 0)
    for (int64_t J = 0; J < Right; ++J)
      Copy(Out - Right + J, L0 + J);
  // Where ATen would copy from a part of its output not yet written (or
  // outside it: a pad wider than what the other side's crop leaves), wrap
  // around instead.
  for (int64_t J = 0; J < Out; ++J)
    if (M[J] < 0)
      M[J] = ((J - Left) % Size + Size) % Size;
  return M;
}

std::string typedShape(const Tensor &T) {
  std::string S = "[ " + tensorTypeName(T.dtype()) + "{";
  for (int64_t D = 0; D < T.dim(); ++D)
    S += (D ? "," : "") + std::to_string(T.size(D));
  return S + "} ]";
}

std::string str(int64_t V) { return std::to_string(V); }

// The padded dims' sizes, innermost last, and their (left, right) pads.
struct Spatial {
  int64_t K;
  std::vector<int64_t> Size, Left, Right, Out;
};

Spatial spatialOf(const Shape &In, const Shape &Pads) {
  Spatial S;
  S.K = int64_t(Pads.size() / 2);
  int64_t D = int64_t(In.size());
  for (int64_t I = 0; I < S.K; ++I) {
    // Pads run from the last dimension backwards.
    size_t P = size_t(2 * (S.K - 1 - I));
    S.Size.push_back(In[size_t(D - S.K + I)]);
    S.Left.push_back(Pads[P]);
    S.Right.push_back(Pads[P + 1]);
    S.Out.push_back(S.Size.back() + Pads[P] + Pads[P + 1]);
  }
  return S;
}

// "(H: 3, W: 4)"-style size lists of the "is too small" messages.
void checkOutputSize(const Spatial &S, PadMode Mode) {
  bool Any = false;
  for (int64_t O : S.Out)
    Any = Any || O >= 1;
  if (Any)
    return;
  bool Reflect = Mode == PadMode::Reflect;
  const auto &I = S.Size, &O = S.Out;
  if (S.K == 1)
    fail(std::string(Reflect ? "2input (W: " : "input (W: ") + str(I[0]) +
         (Reflect ? ")is" : ") is") +
         " too small. Calculated output W: " + str(O[0]));
  if (S.K == 2)
    fail("input (H: " + str(I[0]) + ", W: " + str(I[1]) +
         (Reflect ? ")is" : " ) is") +
         " too small. Calculated output H: " + str(O[0]) + " W: " + str(O[1]));
  fail("input (D: " + str(I[0]) + " H: " + str(I[1]) + ", W: " + str(I[2]) +
       ") is too small. Calculated output D: " + str(O[0]) +
       " H: " + str(O[1]) + " W: " + str(O[2]));
}

// reflection_pad / replication_pad's checks on the input's shape and pads.
void checkEdgePad(const Tensor &Input, const Spatial &S, PadMode Mode) {
  const Shape &In = Input.sizes();
  int64_t D = Input.dim();
  bool Reflect = Mode == PadMode::Reflect;
  // Which dims must be non-empty: the non-batch ones, and for 1-d/2-d
  // reflection of an unbatched input only the spatial ones.
  int64_t First = D == S.K + 2 ? 1 : (Reflect && S.K < 3 ? 1 : 0);
  bool Ok = true;
  for (int64_t I = First; I < D; ++I)
    Ok = Ok && In[size_t(I)] != 0;
  if (!Ok) {
    std::string Dims = str(S.K + 1) + "D or " + str(S.K + 2) + "D";
    if (Reflect && S.K < 3)
      fail(Dims + " (batch mode) tensor expected for input, but got: " +
           typedShape(Input));
    fail("Expected " + Dims +
         " (batch mode) tensor with possibly 0 batch size and other "
         "non-zero dimensions for input, but got: " +
         shapeToString(In));
  }
  if (Reflect) {
    // Argument #4 is the width, #6 the height, #8 the depth.
    for (int64_t I = S.K - 1; I >= 0; --I)
      if (S.Left[I] >= S.Size[I] || S.Right[I] >= S.Size[I])
        fail("Argument #" + str(4 + 2 * (S.K - 1 - I)) +
             ": Padding size should be less than the corresponding input "
             "dimension, but got: padding (" +
             str(S.Left[I]) + ", " + str(S.Right[I]) + ") at dimension " +
             str(D - S.K + I) + " of input " +
             (S.K == 2 ? str(D) : shapeToString(In)));
  }
  checkOutputSize(S, Mode);
}

void checkCircularPad(const Tensor &Input, const Spatial &S) {
  int64_t D = Input.dim();
  if (2 * S.K + 4 != 2 * D)
    fail("Invalid padding size, expected " + str(2 * (D - 2)) + " but got " +
         str(2 * S.K));
  for (int64_t I = 0; I < S.K; ++I) {
    if (S.Left[I] > S.Size[I] || S.Right[I] > S.Size[I])
      fail("Padding value causes wrapping around more than once.");
    if (S.Out[I] < 0)
      fail("Negative padding value is resulting in an empty dimension");
  }
}

// Checks Input and Pads for Mode and returns the padded dims.
Spatial checkPad(const Tensor &Input, const Shape &Pads, PadMode Mode) {
  if (Pads.size() % 2 != 0)
    fail("Padding length must be divisible by 2");
  if (Pads.size() > 2 * size_t(Input.dim()))
    fail("Padding length too large");
  int64_t K = int64_t(Pads.size() / 2), D = Input.dim();
  if (K < 1 || K > 3 || (D != K + 1 && D != K + 2))
    fail("Only 2D, 3D, 4D, 5D padding with non-constant padding are "
         "supported for now");
  Spatial S = spatialOf(Input.sizes(), Pads);
  if (Mode == PadMode::Circular)
    checkCircularPad(Input, S);
  else
    checkEdgePad(Input, S, Mode);
  return S;
}

// Per padded dim, the input offset (in elements of the contiguous input
// block) that each output index reads; unused dims are one 0 entry.
std::array<Map, 3> offsetTables(const Spatial &S, PadMode Mode) {
  std::array<Map, 3> Off{Map{0}, Map{0}, Map{0}};
  int64_t Stride = 1;
  for (int64_t I = S.K - 1; I >= 0; --I) {
    Map M = Mode == PadMode::Circular
                ? circularMap(S.Size[I], S.Left[I], S.Right[I])
                : edgeMap(S.Size[I], S.Left[I], S.Right[I],
                          Mode == PadMode::Reflect);
    for (int64_t &V : M)
      V *= Stride;
    Off[size_t(3 - S.K + I)] = std::move(M);
    Stride *= S.Size[I];
  }
  return Off;
}

// Calls Fn(Outer index, offset into the output block, offset into the
// input block) for every output element.
template <typename F>
void forEachElement(const Spatial &S, PadMode Mode, int64_t Outer, F &&Fn) {
  std::array<Map, 3> Off = offsetTables(S, Mode);
  for (int64_t N = 0; N < Outer; ++N) {
    int64_t O = 0;
    for (int64_t A : Off[0])
      for (int64_t B : Off[1])
        for (int64_t C : Off[2])
          Fn(N, O++, A + B + C);
  }
}

const char *kernelName(PadMode Mode, int64_t K) {
  static const char *const Names[2][3] = {
      {"reflection_pad1d", "reflection_pad2d", "reflection_pad3d_cpu"},
      {"replication_pad1d_cpu", "replication_pad2d_cpu",
       "replication_pad3d_cpu"}};
  return Names[Mode == PadMode::Reflect ? 0 : 1][K - 1];
}

template <typename T>
void gather(const Tensor &In, Tensor &Out, const Spatial &S, PadMode Mode,
            int64_t Outer) {
  const T *X = In.dataPtr<T>();
  T *Y = Out.dataPtr<T>();
  int64_t InBlock = product(Shape(S.Size.begin(), S.Size.end()));
  int64_t OutBlock = product(Shape(S.Out.begin(), S.Out.end()));
  forEachElement(S, Mode, Outer, [&](int64_t N, int64_t O, int64_t I) {
    Y[N * OutBlock + O] = X[N * InBlock + I];
  });
}

} // namespace

Tensor pad(const Tensor &Input, const Shape &Pads, PadMode Mode) {
  Spatial S = checkPad(Input, Pads, Mode);
  Shape OutShape = Input.sizes();
  for (int64_t I = 0; I < S.K; ++I)
    OutShape[size_t(Input.dim() - S.K + I)] = S.Out[I];
  Tensor In = contiguous(Input);
  Tensor Out = empty(OutShape, In.dtype());
  int64_t Outer = product(Shape(OutShape.begin(), OutShape.end() - S.K));
  if (Mode != PadMode::Circular) {
    dispatchFloat(In.dtype(), kernelName(Mode, S.K), [&](auto Tag) {
      gather<decltype(Tag)>(In, Out, S, Mode, Outer);
    });
    return Out;
  }
  // Circular padding is slice copies in ATen, so any dtype works.
  switch (In.dtype()) {
  case DType::Bool:
    gather<bool>(In, Out, S, Mode, Outer);
    break;
  case DType::Int64:
    gather<int64_t>(In, Out, S, Mode, Outer);
    break;
  case DType::Float32:
    gather<float>(In, Out, S, Mode, Outer);
    break;
  case DType::Float64:
    gather<double>(In, Out, S, Mode, Outer);
    break;
  }
  return Out;
}

Tensor padBackward(const Tensor &GradOut, const Shape &InputSizes,
                   const Shape &Pads, PadMode Mode) {
  Spatial S = spatialOf(InputSizes, Pads);
  Tensor Go = contiguous(GradOut);
  Tensor GradIn = zeros(InputSizes, Go.dtype());
  int64_t Outer = product(Shape(InputSizes.begin(), InputSizes.end() - S.K));
  int64_t InBlock = product(Shape(S.Size.begin(), S.Size.end()));
  int64_t OutBlock = product(Shape(S.Out.begin(), S.Out.end()));
  dispatchFloat(Go.dtype(), modeName(Mode), [&](auto Tag) {
    using T = decltype(Tag);
    const T *G = Go.dataPtr<T>();
    T *Out = GradIn.dataPtr<T>();
    forEachElement(S, Mode, Outer, [&](int64_t N, int64_t O, int64_t I) {
      Out[N * InBlock + I] += G[N * OutBlock + O];
    });
  });
  return GradIn;
}

} // namespace janus::rt
