//===- Table.cpp - The dispatch table built from Library.def --------------===//
//
// Builds one LibEntryInfo per row of Library.def (signature parsed, defaults
// evaluated), then installs the implementations that the implementation
// files list, and the values of constants. A row listed twice, or a listed
// implementation whose entry is a constant, is a bug in the runtime and
// stops the process at start-up, like a malformed signature: calling a
// wrong implementation would be worse.
//
//===----------------------------------------------------------------------===//

#include "Dispatch/Dispatch.h"
#include "Signature/LibraryRows.h"

#include <cstdio>
#include <cstdlib>

using namespace janus;
using namespace janus::rt;

namespace {

[[noreturn]] void tableBug(const std::string &message) {
  std::fprintf(stderr, "janus runtime: Library.def: %s\n", message.c_str());
  std::abort();
}

} // namespace

LibraryTable::LibraryTable() {
  for (size_t i = 0; i < numLibraryRows(); ++i) {
    const LibRow &row = libraryRows()[i];
    if (static_cast<size_t>(row.id) != rows.size())
      tableBug("rows out of order");
    LibEntryInfo e;
    e.id = row.id;
    e.kind = row.kind;
    e.qualifiedName = libQualifiedName(row);
    e.name = row.name;
    e.hasSelf = row.receiver.has_value();
    if (std::string err = sig::parseSignature(row.signature, e.params);
        !err.empty())
      tableBug("bad signature for " + e.qualifiedName + ": " + err);
    if (e.params.size() + e.hasSelf > 64)
      tableBug(e.qualifiedName + " has more than 64 parameters");
    e.defaults.resize(e.params.size());
    for (size_t i = 0; i < e.params.size(); ++i)
      if (e.params[i].hasDefaultValue()) {
        Status s = parseDefaultValue(*e.params[i].defaultValue, e.defaults[i]);
        if (!s.ok())
          tableBug("default of " + e.qualifiedName + "(" + e.params[i].name +
                   "): " + s.message());
      }
    rows.push_back(std::move(e));
  }

  for (const std::vector<LibImplRow> &list :
       {builtinImpls(), builtinIterImpls(), mathRandomTimeImpls(),
        strMethodImpls(), listDictMethodImpls(), torchCreationImpls(),
        torchMathImpls(), torchReduceImpls(), tensorMethodImpls(),
        tensorAttributeImpls(), tensorJoinImpls(), torchNNImpls()}) {
    for (const LibImplRow &row : list) {
      LibEntryInfo &e = rows[static_cast<size_t>(row.id)];
      if (e.kind == LibEntryKind::Constant)
        tableBug(e.qualifiedName + " is a constant, not callable");
      if (e.impl)
        tableBug(e.qualifiedName + " is implemented twice");
      e.impl = row.impl;
    }
  }

  for (LibConstantRow &row : libraryConstants()) {
    LibEntryInfo &e = rows[static_cast<size_t>(row.id)];
    if (e.kind != LibEntryKind::Constant)
      tableBug(e.qualifiedName + " is not a constant");
    e.constant = std::move(row.value);
  }

  byReceiver.resize(numLibReceivers());
  for (const LibEntryInfo &e : rows) {
    if (!e.hasSelf) {
      byQualifiedName.emplace(e.qualifiedName, &e);
      continue;
    }
    size_t dot = e.qualifiedName.find('.');
    std::string receiver = e.qualifiedName.substr(0, dot);
    for (size_t r = 0; r < numLibReceivers(); ++r)
      if (receiver == libReceiverName(static_cast<LibReceiver>(r)))
        byReceiver[r].emplace(e.name, &e);
  }
}

const LibraryTable &LibraryTable::get() {
  // C++11 guarantees one thread runs the constructor; the rest wait for it.
  static const LibraryTable table;
  return table;
}

const LibEntryInfo *LibraryTable::lookup(std::string_view qualifiedName) const {
  auto it = byQualifiedName.find(std::string(qualifiedName));
  return it == byQualifiedName.end() ? nullptr : it->second;
}

const LibEntryInfo *LibraryTable::lookupMember(LibReceiver receiver,
                                               std::string_view name) const {
  const auto &map = byReceiver[static_cast<size_t>(receiver)];
  auto it = map.find(std::string(name));
  return it == map.end() ? nullptr : it->second;
}
