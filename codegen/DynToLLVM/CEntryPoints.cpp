//===- CEntryPoints.cpp - Which top-level functions get a C entry point ---===//
//
// Reads the `dyn` module as MLIRGen emits it: a top-level `def f` is a
// func.func @"f.def" (@"f.def.1", ... when redefined) whose dyn.qualname is
// "f", with dyn.params and dyn.num_positional, and the dyn.make_function
// that builds it lists the parameters that have defaults. The rules (also
// in docs/compiler.md, "C entry points"):
//  * every top-level function gets `<module>_<f>` taking, in order, its
//    positional parameters without a default; parameters with a default
//    (positional or keyword-only) take their defaults;
//  * a redefined function keeps its first position and takes the
//    signature of its last `def` (the one the global holds after init,
//    unless the program rebinds it: calls go through the global);
//  * no entry point, with the reason written in the header, for a function
//    with a keyword-only parameter without a default, a name that is not a
//    C identifier, or a C name that is `<module>_init`, and for every
//    function of a module named `janus` or `janus_*` (janus_ names belong
//    to the runtime's API);
//  * a parameter name that is a C or C++ keyword, `out_result` or taken
//    already gets a '_' appended; one that is not a C identifier becomes
//    `argN` (N its 1-based position).
//
//===----------------------------------------------------------------------===//

#include "DynToLLVM/CEntryPoints.h"

#include "Dyn/DynOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

std::string janus::codegen::cIdentifier(StringRef name) {
  std::string out;
  for (char c : name)
    out.push_back(llvm::isAlnum(c) || c == '_' ? c : '_');
  if (out.empty() || llvm::isDigit(out[0]))
    out.insert(out.begin(), '_');
  return out;
}

static bool isCIdentifier(StringRef name) {
  return !name.empty() && !llvm::isDigit(name[0]) &&
         llvm::all_of(name,
                      [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

/// Keywords of C11 and C++17 (and the macros of the headers the generated
/// header includes) that are also valid Python names.
static bool isCKeyword(StringRef name) {
  // clang-format off
  static constexpr llvm::StringLiteral keywords =
      " alignas alignof and and_eq asm auto bitand bitor bool case catch char"
      " char16_t char32_t class compl const const_cast constexpr decltype"
      " default delete do double dynamic_cast enum explicit export extern"
      " false float friend goto inline int long mutable namespace new"
      " noexcept not not_eq nullptr operator or or_eq private protected"
      " public register reinterpret_cast restrict short signed sizeof static"
      " static_assert static_cast struct switch template this thread_local"
      " throw true typedef typeid typename union unsigned using virtual void"
      " volatile wchar_t xor xor_eq _Alignas _Alignof _Atomic _Bool _Complex"
      " _Generic _Imaginary _Noreturn _Static_assert _Thread_local NULL"
      " offsetof ";
  // clang-format on
  return keywords.contains((" " + name + " ").str());
}

/// Whether library name `name` is a row of pylib module `module` itself
/// ("torch.nn.Linear" of "torch.nn", not "torch.nn.functional.relu").
static bool isRowOf(StringRef name, StringRef module) {
  if (!name.consume_front(module) || !name.consume_front("."))
    return false;
  return !name.contains('.');
}

CInterface janus::codegen::collectCInterface(ModuleOp module,
                                             StringRef moduleName) {
  CInterface interface;
  interface.moduleName = cIdentifier(moduleName);
  interface.initName = interface.moduleName + "_init";

  llvm::DenseMap<StringAttr, ArrayRef<int64_t>> defaultsOf;
  module.walk([&](dyn::MakeFunctionOp op) {
    defaultsOf[op.getCalleeAttr().getAttr()] = op.getDefaultParams();
  });

  static const char *const pylibs[] = {"torch.nn", "torch.optim"};
  for (const char *pylib : pylibs) {
    bool used = false;
    module.walk([&](Operation *op) {
      StringRef opName = op->getName().getStringRef();
      if (opName != "dyn.call_library" && opName != "dyn.library_value")
        return;
      if (auto name = op->getAttrOfType<StringAttr>("name"))
        used |= isRowOf(name.getValue(), pylib);
    });
    if (used)
      interface.pylibModules.push_back(pylib);
  }

  llvm::StringMap<size_t> indexOf;
  for (auto fn : module.getOps<func::FuncOp>()) {
    auto qualname = fn->getAttrOfType<StringAttr>("dyn.qualname");
    auto params = fn->getAttrOfType<ArrayAttr>("dyn.params");
    if (!qualname || !params || qualname.getValue().contains('.'))
      continue;
    StringRef symbol = fn.getSymName();
    if (!symbol.starts_with((qualname.getValue() + ".def").str()))
      continue;

    CEntryPoint entry;
    entry.pythonName = qualname.getValue().str();
    int64_t numPositional = int64_t(params.size());
    if (auto n = fn->getAttrOfType<IntegerAttr>("dyn.num_positional"))
      numPositional = n.getInt();
    ArrayRef<int64_t> defaults = defaultsOf.lookup(fn.getSymNameAttr());
    llvm::StringSet<> taken;
    taken.insert("out_result");
    for (auto [i, attr] : llvm::enumerate(params)) {
      StringRef name = cast<StringAttr>(attr).getValue();
      bool hasDefault = llvm::is_contained(defaults, int64_t(i));
      if (hasDefault) {
        entry.defaulted.push_back(name.str());
        continue;
      }
      if (int64_t(i) >= numPositional) {
        entry.omittedBecause =
            "its keyword-only parameter '" + name.str() + "' has no default";
        break;
      }
      std::string cName =
          isCIdentifier(name) ? name.str() : "arg" + std::to_string(i + 1);
      while (isCKeyword(cName) || !taken.insert(cName).second)
        cName += "_";
      entry.params.push_back(std::move(cName));
    }
    if (entry.omittedBecause.empty()) {
      if (!isCIdentifier(entry.pythonName))
        entry.omittedBecause = "its name is not a C identifier";
      else if (llvm::StringRef(interface.moduleName).starts_with("janus_") ||
               interface.moduleName == "janus")
        // janus_value_call of a module `janus` would interpose the
        // runtime's function of that name in the whole process.
        entry.omittedBecause =
            "janus_ names belong to the runtime (rename the module)";
      else if (interface.moduleName + "_" + entry.pythonName ==
               interface.initName)
        entry.omittedBecause =
            "its C name would be the module's " + interface.initName;
    }
    if (entry.omittedBecause.empty())
      entry.cName = interface.moduleName + "_" + entry.pythonName;
    else
      entry.params.clear();

    auto [it, inserted] =
        indexOf.try_emplace(entry.pythonName, interface.functions.size());
    if (inserted)
      interface.functions.push_back(std::move(entry));
    else
      interface.functions[it->second] = std::move(entry); // redefined
  }
  return interface;
}
