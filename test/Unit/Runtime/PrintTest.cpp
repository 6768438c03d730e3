//===- PrintTest.cpp - Tensor repr against PyTorch 1.13 -------------------===//
//
// Rebuilds every tensor of PrintVectors.inc (scripts/gen-print-vectors.py)
// and compares formatTensor's text with torch's repr byte for byte; then
// hand-written checks of Tensor.__format__. (repr of a boxed tensor Value is
// checked through the C API in CApiTest.c: Value/Ops.h and Tensor.h do not
// mix in one translation unit.)
//
//===----------------------------------------------------------------------===//

#include "Tensor/Print.h"
#include "Tensor/Tensor.h"

#include "TensorTestUtil.h"

#include <doctest/doctest.h>

#include <climits>
#include <cmath>
#include <cstring>

using namespace janus::rt;
using janus::rt::test::makeTensor;

namespace {

struct PrintCase {
  DType Type;
  std::vector<int64_t> Sizes;
  std::vector<double> Floats;
  std::vector<int64_t> Ints;
  bool Transpose;
  bool RequiresGrad;
  const char *GradFn;
  const char *Expected;
};

#include "PrintVectors.inc"

Tensor build(const PrintCase &C) {
  Tensor T;
  if (isFloating(C.Type)) {
    T = makeTensor(C.Type, C.Sizes, C.Floats);
  } else {
    T = empty(C.Sizes, C.Type);
    for (size_t I = 0; I < C.Ints.size(); ++I) {
      if (C.Type == DType::Bool)
        T.dataPtr<bool>()[I] = C.Ints[I] != 0;
      else
        T.dataPtr<int64_t>()[I] = C.Ints[I];
    }
  }
  return C.Transpose ? janus::rt::t(T) : T;
}

} // namespace

TEST_CASE("formatTensor matches torch 1.13 repr") {
  int Failures = 0;
  for (const PrintCase &C : PrintCases) {
    TensorReprSuffix Suffix{C.RequiresGrad, C.GradFn};
    std::string Got = formatTensor(build(C), Suffix);
    if (Got != C.Expected && Failures++ < 10)
      FAIL_CHECK("expected:\n" << C.Expected << "\ngot:\n" << Got);
  }
  CHECK(Failures == 0);
  CHECK(sizeof(PrintCases) / sizeof(PrintCases[0]) > 500);
}

TEST_CASE("format() of a tensor follows Tensor.__format__") {
  std::string Out, Error;
  ErrorKind Kind = ErrorKind::RuntimeError;
  // f"{torch.tensor(2.5):.2f}" == "2.50"; format(torch.tensor(7), "03d")
  // == "007"; format(torch.tensor(True), "") == "True".
  CHECK(formatTensorSpec(scalarTensor(Scalar(2.5)), ".2f", Out, Kind, Error));
  CHECK(Out == "2.50");
  CHECK(formatTensorSpec(scalarTensor(Scalar(int64_t(7))), "03d", Out, Kind,
                         Error));
  CHECK(Out == "007");
  CHECK(formatTensorSpec(scalarTensor(Scalar(true)), "", Out, Kind, Error));
  CHECK(Out == "True");
  // format(torch.tensor([1., 2.]), "") is the repr; any spec is a TypeError.
  Tensor V = makeTensor(DType::Float32, {2}, {1, 2});
  CHECK(formatTensorSpec(V, "", Out, Kind, Error));
  CHECK(Out == "tensor([1., 2.])");
  CHECK_FALSE(formatTensorSpec(V, ".2f", Out, Kind, Error));
  CHECK(Kind == ErrorKind::TypeError);
  CHECK(Error == "unsupported format string passed to Tensor.__format__");
  // format(torch.tensor(1.5), "d"): the float's own ValueError.
  CHECK_FALSE(
      formatTensorSpec(scalarTensor(Scalar(1.5)), "d", Out, Kind, Error));
  CHECK(Kind == ErrorKind::ValueError);
  CHECK(Error == "Unknown format code 'd' for object of type 'float'");
}

extern "C" int janus_capi_tensor_c_test(char *message, size_t capacity);

TEST_CASE("the tensor C API from C11 (CApiTest.c)") {
  char Message[256] = "";
  int Failures = janus_capi_tensor_c_test(Message, sizeof(Message));
  INFO(Message);
  CHECK(Failures == 0);
}
