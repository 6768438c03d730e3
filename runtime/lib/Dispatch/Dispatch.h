//===- Dispatch.h - Calling the library table's entries ---------*- C++ -*-===//
//
// Every function, method and attribute of runtime/include/janus/Library.def
// that the runtime implements natively is reached through one table, built
// from the .def file itself: a row per LibId with its parsed signature, its
// default values and its implementation. Nothing is hand-copied per op: an
// implementation file lists (LibId, function) pairs and the table checks
// them against the .def.
//
// Calling convention. An implementation receives its arguments already
// bound to the entry's parameters (CPython's binding, runtime/lib/Signature):
// slot 0 is `self` for methods and attributes, then one slot per parameter
// in signature order, defaults filled in. A `*args` parameter's slot holds a
// tuple, a `**kwargs` slot a dict. A parameter written `name=...` in the
// .def that the caller left out holds None and is not `present`. Compiled
// code binds at compile time and calls the implementation directly; the C
// API and dynamic calls bind at run time with bindAndCall.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_DISPATCH_DISPATCH_H
#define JANUS_RUNTIME_DISPATCH_DISPATCH_H

#include "Signature/LibraryIds.h"
#include "Signature/Signature.h"
#include "Value/Objects.h"
#include "Value/Ops.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace janus::rt {

/// The bound arguments of one library call.
struct LibArgs {
  const Value *slots = nullptr;
  uint32_t count = 0;
  /// Bit i clear: slot i is an omitted `=...` parameter.
  uint64_t presentMask = ~uint64_t(0);

  const Value &operator[](uint32_t i) const { return slots[i]; }
  bool present(uint32_t i) const { return (presentMask >> i) & 1; }
};

/// A native implementation: writes the result (None for procedures) to
/// `out`, or returns the Python exception.
using LibImpl = Status (*)(const LibArgs &args, Value &out);

/// One (entry, implementation) pair of an implementation file.
struct LibImplRow {
  LibId id;
  LibImpl impl;
};

/// A row of the table.
struct LibEntryInfo {
  LibId id;
  LibEntryKind kind;
  /// "torch.nn.functional.relu", "Tensor.sum", "len".
  std::string qualifiedName;
  /// The Python name alone ("relu", "sum").
  const char *name;
  std::vector<sig::Param> params;
  /// Per parameter: its default as a value (None where it has none).
  std::vector<Value> defaults;
  /// True for methods and attributes: slot 0 is the receiver.
  bool hasSelf = false;
  /// Null for rows the runtime does not implement natively (torch.nn and
  /// torch.optim classes, written in Janus Python by the compiler's library).
  LibImpl impl = nullptr;
  /// The value of a constant (math.pi, torch.float32).
  Value constant;
};

class LibraryTable {
public:
  /// The table, built on first use. Thread-safe after that.
  static const LibraryTable &get();

  const LibEntryInfo &entry(LibId id) const {
    return rows[static_cast<size_t>(id)];
  }
  const std::vector<LibEntryInfo> &entries() const { return rows; }
  /// A function, class or constant by qualified name ("torch.add", "len").
  const LibEntryInfo *lookup(std::string_view qualifiedName) const;
  /// A method or attribute of `receiver` named `name`.
  const LibEntryInfo *lookupMember(LibReceiver receiver,
                                   std::string_view name) const;

private:
  LibraryTable();
  std::vector<LibEntryInfo> rows;
  // Name -> row; rows never move once the table is built.
  std::unordered_map<std::string, const LibEntryInfo *> byQualifiedName;
  std::vector<std::unordered_map<std::string, const LibEntryInfo *>> byReceiver;
};

/// Binds `npos` positional arguments followed by keyword arguments named
/// `kwnames` (values after the positionals in `args`) to `entry`, with
/// `self` first when the entry has one, and calls it. Errors are CPython's
/// ("relu() got an unexpected keyword argument 'foo'").
Status bindAndCall(const LibEntryInfo &entry, const Value *self,
                   const Value *args, size_t npos,
                   const std::vector<std::string> &kwnames, Value &out);

/// A callable value for a function or class entry ("torch.add").
Value makeLibraryFunction(const LibEntryInfo &entry);
/// `self.name` for a method entry: a bound library method.
Value makeLibraryMethod(const LibEntryInfo &entry, Value self);

/// The entry behind a library function or bound library method, else null.
const LibEntryInfo *libraryEntryOf(const Value &fn);
/// fn(*args, **kwargs) where the last kwnames.size() of `args` are keyword
/// values: library callables bind keywords; other callables take none yet.
Status callWithKeywords(const Value &fn, const Value *args, size_t npos,
                        const std::vector<std::string> &kwnames, Value &out);

/// obj.name for a tensor, list, dict or str (a bound library method or an
/// attribute's value) or an instance (its attribute).
Status getMember(const Value &obj, std::string_view name, Value &out);
/// The function, class or constant value of a qualified library name: the
/// value registered under that name if there is one, else the native row's.
Status lookupLibraryValue(std::string_view qualifiedName, Value &out);

/// Registers the Janus-Python implementation of a library row (the pylib's
/// `torch.nn.Linear` class, `torch.nn.Parameter` function...), which name
/// lookups (lookupLibraryValue, compiled library calls and values) then
/// return instead of the native row. The registry keeps a reference to
/// `value` for the life of the process; registering a name again replaces
/// its value for lookups that have not cached the old one. Thread-safe, but
/// meant to run before the program that uses the names.
void registerLibraryValue(std::string_view qualifiedName, Value value);
/// The value registered under `qualifiedName`, else null. The pointer stays
/// valid for the life of the process. Thread-safe.
const Value *registeredLibraryValue(std::string_view qualifiedName);

/// Parses the Python literal `text` of a default ("None", "-100", "1e-05",
/// "'mean'", "(0.9, 0.999)", "torch.int64") into a value.
Status parseDefaultValue(std::string_view text, Value &out);

/// Where print() writes. `flush` is print's flush=True. Null restores the
/// default, which writes to stdout. Set it before any thread prints: the
/// sink is process-wide and not synchronised.
using OutputSink = void (*)(void *userData, std::string_view text, bool flush);
void setOutputSink(OutputSink sink, void *userData);
/// Writes `text` through the current sink.
void writeOutput(std::string_view text, bool flush = false);

//===--- Implementation lists, one per implementation file ----------------===//
// Each returns its rows; the table calls every one of them (explicitly, so
// that static linking cannot drop an implementation file).

std::vector<LibImplRow> builtinImpls();         // Builtins.cpp
std::vector<LibImplRow> builtinIterImpls();     // BuiltinsIter.cpp
std::vector<LibImplRow> mathRandomTimeImpls();  // MathRandomTime.cpp
std::vector<LibImplRow> strMethodImpls();       // StrMethods.cpp
std::vector<LibImplRow> listDictMethodImpls();  // ListDictMethods.cpp
std::vector<LibImplRow> torchCreationImpls();   // TorchFunctionsCreation.cpp
std::vector<LibImplRow> torchMathImpls();       // TorchFunctionsMath.cpp
std::vector<LibImplRow> torchReduceImpls();     // TorchFunctionsReduce.cpp
std::vector<LibImplRow> tensorMethodImpls();    // TensorMethods.cpp
std::vector<LibImplRow> tensorAttributeImpls(); // TensorMethodsAttributes.cpp
std::vector<LibImplRow> tensorJoinImpls();      // TensorMethodsJoin.cpp

/// The value of one JANUS_LIB_CONSTANT row.
struct LibConstantRow {
  LibId id;
  Value value;
};
/// math.pi, math.e, math.inf; torch.float32 and the other dtypes
/// (MathRandomTime.cpp).
std::vector<LibConstantRow> libraryConstants();
std::vector<LibImplRow> torchNNImpls(); // TorchNN.cpp

} // namespace janus::rt

#endif // JANUS_RUNTIME_DISPATCH_DISPATCH_H
