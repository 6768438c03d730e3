//===- JitTest.cpp - Unit tests for the in-process JIT (Jit.h) ------------===//
//
// Checks codegen::Jit on hand-written LLVM IR: a function that calls a
// symbol of this process (labs, getpid: libc) is compiled and returns what the
// arithmetic says; IR optimised by optimizeLLVMIR runs the same; looking up
// a symbol the module does not define, or compiling a module whose callee
// exists nowhere, is an llvm::Error and not a crash; and jitCodeGenLevel
// maps -O levels as Jit.h documents.
//
//===----------------------------------------------------------------------===//

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "Pipeline/Jit.h"
#include "Pipeline/Pipeline.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/Support/SourceMgr.h"

#include <unistd.h>

using namespace janus;

namespace {
/// Parses `ir` into a fresh context; both go to Jit::addModule.
std::pair<std::unique_ptr<llvm::Module>, std::unique_ptr<llvm::LLVMContext>>
parse(llvm::StringRef ir) {
  auto context = std::make_unique<llvm::LLVMContext>();
  llvm::SMDiagnostic diag;
  std::unique_ptr<llvm::Module> module =
      llvm::parseAssemblyString(ir, diag, *context);
  REQUIRE_MESSAGE(module, diag.getMessage().str());
  return {std::move(module), std::move(context)};
}

// distance(a, b) = labs(a - b), and pid() = getpid(): both come from libc,
// loaded in this process, so they exercise the process-symbol resolution
// `janus run` relies on for janus_rt_* (optimizeLLVMIR may turn labs into
// an intrinsic; getpid stays a call at every level).
constexpr const char *distanceIR = R"(
declare i64 @labs(i64)
declare i32 @getpid()
define i64 @distance(i64 %a, i64 %b) {
  %d = sub i64 %a, %b
  %r = call i64 @labs(i64 %d)
  ret i64 %r
}
define i32 @pid() {
  %p = call i32 @getpid()
  ret i32 %p
}
)";

std::unique_ptr<codegen::Jit> makeJit(unsigned optLevel) {
  auto jit = codegen::Jit::create(codegen::jitCodeGenLevel(optLevel));
  REQUIRE_MESSAGE(bool(jit), llvm::toString(jit.takeError()));
  return std::move(*jit);
}
} // namespace

TEST_CASE("a JIT'd function calls a symbol of this process") {
  for (unsigned optLevel : {0u, 2u, 3u}) {
    CAPTURE(optLevel);
    std::unique_ptr<codegen::Jit> jit = makeJit(optLevel);
    auto [module, context] = parse(distanceIR);
    if (optLevel > 0) {
      module->setDataLayout(jit->getDataLayout());
      REQUIRE(!codegen::optimizeLLVMIR(*module, optLevel));
    }
    REQUIRE(!jit->addModule(std::move(module), std::move(context)));
    auto address = jit->lookup("distance");
    REQUIRE_MESSAGE(bool(address), llvm::toString(address.takeError()));
    auto distance = reinterpret_cast<int64_t (*)(int64_t, int64_t)>(*address);
    CHECK(distance(3, 10) == 7);  // |3 - 10|
    CHECK(distance(10, 3) == 7);  // |10 - 3|
    CHECK(distance(-5, -5) == 0); // |0|
    auto pidAddress = jit->lookup("pid");
    REQUIRE_MESSAGE(bool(pidAddress), llvm::toString(pidAddress.takeError()));
    CHECK(reinterpret_cast<int (*)()>(*pidAddress)() == ::getpid());
  }
}

TEST_CASE("an undefined symbol is an error, not a crash") {
  std::unique_ptr<codegen::Jit> jit = makeJit(2);
  auto [module, context] = parse(distanceIR);
  REQUIRE(!jit->addModule(std::move(module), std::move(context)));
  auto missing = jit->lookup("no_such_function");
  CHECK(!missing);
  llvm::consumeError(missing.takeError());
}

TEST_CASE("a callee that exists nowhere fails the lookup") {
  std::unique_ptr<codegen::Jit> jit = makeJit(2);
  auto [module, context] = parse(R"(
declare i64 @janus_test_no_such_runtime_entry(i64)
define i64 @caller(i64 %x) {
  %r = call i64 @janus_test_no_such_runtime_entry(i64 %x)
  ret i64 %r
}
)");
  REQUIRE(!jit->addModule(std::move(module), std::move(context)));
  auto address = jit->lookup("caller");
  REQUIRE(!address);
  std::string message = llvm::toString(address.takeError());
  CHECK(message.find("janus_test_no_such_runtime_entry") != std::string::npos);
}

TEST_CASE("jitCodeGenLevel: fast code generation below -O3") {
  CHECK(codegen::jitCodeGenLevel(0) == llvm::CodeGenOptLevel::None);
  CHECK(codegen::jitCodeGenLevel(1) == llvm::CodeGenOptLevel::None);
  CHECK(codegen::jitCodeGenLevel(2) == llvm::CodeGenOptLevel::None);
  CHECK(codegen::jitCodeGenLevel(3) == llvm::CodeGenOptLevel::Aggressive);
}
