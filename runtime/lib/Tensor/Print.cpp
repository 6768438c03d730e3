//===- Print.cpp - PyTorch 1.13's tensor repr -----------------------------===//
//
// A port of the parts of torch/_tensor_str.py that print a dense CPU tensor:
// _Formatter (column width and int/fixed/scientific mode, decided over the
// summarised data), _vector_str (elements per line from the line width),
// _tensor_str_with_formatter (nested brackets, "..." rows), and
// _str_intern/_add_suffixes (dtype/size/autograd suffixes and where they
// wrap). Elements are read from a contiguous copy as Python would see them
// through tolist(): float32 and float64 as double, int64, bool.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Print.h"

#include "Format/PyFormat.h"
#include "Tensor/Tensor.h"

#include <algorithm>
#include <cmath>

namespace janus::rt {

namespace {

// torch._tensor_str.PRINT_OPTS defaults.
constexpr int Precision = 4;
constexpr int64_t Threshold = 1000;
constexpr int64_t EdgeItems = 3;
constexpr int64_t LineWidth = 80;

/// "{:<Spec>}".format(V) for a float; the specs used here never fail.
std::string pyFormat(double V, const std::string &Spec) {
  std::string Out;
  PyError Err;
  formatFloat(V, Spec, Out, Err);
  return Out;
}

/// A contiguous tensor read element by element as tolist() would.
class Elements {
public:
  explicit Elements(const Tensor &T)
      : Data(contiguous(T)), Type(T.dtype()), Sizes(T.sizes()),
        Strides(contiguousStrides(T.sizes())) {}

  DType type() const { return Type; }
  const Shape &sizes() const { return Sizes; }
  const Shape &strides() const { return Strides; }
  double asDouble(int64_t I) const {
    return Type == DType::Float32 ? double(Data.dataPtr<float>()[I])
                                  : Data.dataPtr<double>()[I];
  }
  int64_t asInt(int64_t I) const {
    return Type == DType::Bool ? int64_t(Data.dataPtr<bool>()[I])
                               : Data.dataPtr<int64_t>()[I];
  }

private:
  Tensor Data;
  DType Type;
  Shape Sizes, Strides;
};

/// Calls F(flat index) for every element get_summarized_data keeps of the
/// sub-tensor at Offset whose outermost dim is Dim.
template <typename Fn>
void forSummarized(const Elements &E, size_t Dim, int64_t Offset,
                   bool Summarize, Fn &&F) {
  if (Dim == E.sizes().size()) {
    F(Offset);
    return;
  }
  int64_t N = E.sizes()[Dim], Stride = E.strides()[Dim];
  bool Cut = Summarize && N > 2 * EdgeItems;
  for (int64_t I = 0; I < N; ++I) {
    if (Cut && I == EdgeItems)
      I = N - EdgeItems;
    forSummarized(E, Dim + 1, Offset + I * Stride, Summarize, F);
  }
}

/// torch._tensor_str._Formatter.
class Formatter {
public:
  Formatter(const Elements &E, bool Summarize)
      : Floating(isFloating(E.type())), Type(E.type()) {
    if (!Floating) {
      forSummarized(E, 0, 0, Summarize, [&](int64_t I) {
        MaxWidth = std::max(MaxWidth, intText(E.asInt(I)).size());
      });
      return;
    }
    std::vector<double> Values;
    forSummarized(E, 0, 0, Summarize, [&](int64_t I) {
      double V = E.asDouble(I);
      if (std::isfinite(V) && V != 0)
        Values.push_back(V);
    });
    if (Values.empty())
      return;
    double Min = INFINITY, Max = 0;
    for (double V : Values) {
      Min = std::min(Min, std::fabs(V));
      Max = std::max(Max, std::fabs(V));
      if (V != std::ceil(V))
        IntMode = false;
    }
    bool Wide = Max / Min > 1000.0 || Max > 1.0e8;
    SciMode = IntMode ? Wide : Wide || Min < 1.0e-4;
    std::string Spec = SciMode ? ".4e" : IntMode ? ".0f" : ".4f";
    size_t Extra = !SciMode && IntMode ? 1 : 0; // the "." after integers
    for (double V : Values)
      MaxWidth = std::max(MaxWidth, pyFormat(V, Spec).size() + Extra);
  }

  size_t width() const { return MaxWidth; }

  std::string format(const Elements &E, int64_t I) const {
    std::string Text;
    if (!Floating) {
      Text = intText(E.asInt(I));
    } else {
      double V = E.asDouble(I);
      if (SciMode) {
        Text = pyFormat(V, std::to_string(MaxWidth) + "." +
                               std::to_string(Precision) + "e");
      } else if (IntMode) {
        Text = pyFormat(V, ".0f");
        if (std::isfinite(V))
          Text += ".";
      } else {
        Text = pyFormat(V, ".4f");
      }
    }
    if (Text.size() < MaxWidth)
      Text.insert(0, MaxWidth - Text.size(), ' ');
    return Text;
  }

private:
  std::string intText(int64_t V) const {
    return Type == DType::Bool ? strBool(V != 0) : strInt(V);
  }

  bool Floating;
  DType Type;
  bool IntMode = true;
  bool SciMode = false;
  size_t MaxWidth = 1;
};

/// _vector_str and _tensor_str_with_formatter for the sub-tensor at Offset
/// whose outermost dim is Dim.
std::string tensorStr(const Elements &E, const Formatter &F, size_t Dim,
                      int64_t Offset, int64_t Indent, bool Summarize) {
  size_t Rank = E.sizes().size();
  if (Dim == Rank)
    return F.format(E, Offset);
  int64_t N = E.sizes()[Dim], Stride = E.strides()[Dim];
  bool Cut = Summarize && N > 2 * EdgeItems;
  std::vector<std::string> Parts;
  for (int64_t I = 0; I < N; ++I) {
    if (Cut && I == EdgeItems) {
      Parts.push_back(Dim + 1 == Rank ? " ..." : "...");
      I = N - EdgeItems;
    }
    Parts.push_back(Dim + 1 == Rank ? F.format(E, Offset + I * Stride)
                                    : tensorStr(E, F, Dim + 1,
                                                Offset + I * Stride,
                                                Indent + 1, Summarize));
  }
  std::string Out = "[";
  if (Dim + 1 == Rank) {
    // int(math.floor((linewidth - indent) / element_length)), at least 1.
    double ElementLength = double(F.width() + 2);
    int64_t PerLine = std::max<int64_t>(
        1, int64_t(std::floor(double(LineWidth - Indent) / ElementLength)));
    std::string LineBreak = ",\n" + std::string(Indent + 1, ' ');
    for (size_t I = 0; I < Parts.size(); ++I) {
      if (I)
        Out += I % PerLine == 0 ? LineBreak : ", ";
      Out += Parts[I];
    }
  } else {
    std::string Sep = "," + std::string(Rank - Dim - 1, '\n') +
                      std::string(Indent + 1, ' ');
    for (size_t I = 0; I < Parts.size(); ++I) {
      if (I)
        Out += Sep;
      Out += Parts[I];
    }
  }
  return Out + "]";
}

/// str(tuple(shape)): "(0, 3)", "(0,)".
std::string shapeTuple(const Shape &S) {
  std::string Out = "(";
  for (size_t I = 0; I < S.size(); ++I) {
    if (I)
      Out += ", ";
    Out += strInt(S[I]);
  }
  return Out + (S.size() == 1 ? ",)" : ")");
}

const char *torchDTypeName(DType T) {
  switch (T) {
  case DType::Bool:
    return "torch.bool";
  case DType::Int64:
    return "torch.int64";
  case DType::Float32:
    return "torch.float32";
  case DType::Float64:
    return "torch.float64";
  }
  return "torch.float32";
}

} // namespace

std::string formatTensor(const Tensor &T, const TensorReprSuffix &Suffix) {
  const std::string Prefix = "tensor(";
  const int64_t Indent = static_cast<int64_t>(Prefix.size());
  std::vector<std::string> Suffixes;
  std::string Body;
  if (T.numel() == 0) {
    if (T.dim() != 1)
      Suffixes.push_back("size=" + shapeTuple(T.sizes()));
    if (T.dtype() != DType::Float32)
      Suffixes.push_back(std::string("dtype=") + torchDTypeName(T.dtype()));
    Body = "[]";
  } else {
    // float32 is the default dtype; int64 and bool never print theirs.
    if (T.dtype() == DType::Float64)
      Suffixes.push_back(std::string("dtype=") + torchDTypeName(T.dtype()));
    Elements E(T);
    bool Summarize = T.numel() > Threshold;
    Formatter F(E, Summarize);
    Body = tensorStr(E, F, 0, 0, Indent, Summarize);
  }
  if (!Suffix.GradFnName.empty())
    Suffixes.push_back("grad_fn=<" + Suffix.GradFnName + ">");
  else if (Suffix.RequiresGrad)
    Suffixes.push_back("requires_grad=True");

  // _add_suffixes (force_newline is only for sparse tensors).
  std::string Out = Prefix + Body;
  size_t NewLine = Out.rfind('\n');
  int64_t LastLineLen =
      int64_t(Out.size()) - (NewLine == std::string::npos ? -1 : int64_t(NewLine)) + 1;
  for (const std::string &S : Suffixes) {
    int64_t Len = int64_t(S.size());
    if (LastLineLen + Len + 2 > LineWidth) {
      Out += ",\n" + std::string(Indent, ' ') + S;
      LastLineLen = Indent + Len;
    } else {
      Out += ", " + S;
      LastLineLen += Len + 2;
    }
  }
  return Out + ")";
}

std::string formatTensor(TensorImpl *T, const TensorReprSuffix &Suffix) {
  retainTensor(T);
  return formatTensor(Tensor(T), Suffix);
}

bool formatTensorSpec(const Tensor &T, std::string_view Spec, std::string &Out,
                      ErrorKind &Kind, std::string &Error) {
  if (T.dim() != 0) {
    if (!Spec.empty()) {
      Kind = ErrorKind::TypeError;
      Error = "unsupported format string passed to Tensor.__format__";
      return false;
    }
    Out = formatTensor(T);
    return true;
  }
  PyError Err;
  bool Ok;
  switch (T.dtype()) {
  case DType::Bool:
    Ok = formatBool(itemInt(T) != 0, Spec, Out, Err);
    break;
  case DType::Int64:
    Ok = formatInt(itemInt(T), Spec, Out, Err);
    break;
  default:
    Ok = formatFloat(itemDouble(T), Spec, Out, Err);
    break;
  }
  if (!Ok) {
    Kind = ErrorKind::ValueError;
    Error = Err.message;
  }
  return Ok;
}

} // namespace janus::rt
