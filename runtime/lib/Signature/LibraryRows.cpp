//===- LibraryRows.cpp - The rows of Library.def as data ------------------===//

#include "Signature/LibraryRows.h"

#include <iterator>

using namespace janus;

namespace {

const char *const moduleNames[] = {
#define JANUS_LIB_MODULE(ID, DOTTED) DOTTED,
#include "janus/Library.def"
};

const char *const receiverNames[] = {
#define JANUS_LIB_RECEIVER(ID, PYNAME) PYNAME,
#include "janus/Library.def"
};

const LibRow rows[] = {
#define JANUS_LIB_FUNCTION(ID, MODULE, NAME, SIG)                              \
  {LibId::ID, LibEntryKind::Function, LibModule::MODULE, std::nullopt, NAME,   \
   SIG},
#define JANUS_LIB_CLASS(ID, MODULE, NAME, SIG)                                 \
  {LibId::ID, LibEntryKind::Class, LibModule::MODULE, std::nullopt, NAME, SIG},
#define JANUS_LIB_CONSTANT(ID, MODULE, NAME)                                   \
  {LibId::ID, LibEntryKind::Constant, LibModule::MODULE, std::nullopt, NAME, ""},
#define JANUS_LIB_METHOD(ID, RECEIVER, NAME, SIG)                              \
  {LibId::ID, LibEntryKind::Method, std::nullopt, LibReceiver::RECEIVER, NAME, \
   SIG},
#define JANUS_LIB_ATTRIBUTE(ID, RECEIVER, NAME)                                \
  {LibId::ID, LibEntryKind::Attribute, std::nullopt, LibReceiver::RECEIVER,    \
   NAME, ""},
#include "janus/Library.def"
};

} // namespace

const LibRow *janus::libraryRows() { return rows; }
size_t janus::numLibraryRows() { return std::size(rows); }

const char *janus::libModuleName(LibModule module) {
  return moduleNames[static_cast<size_t>(module)];
}

const char *janus::libReceiverName(LibReceiver receiver) {
  return receiverNames[static_cast<size_t>(receiver)];
}

size_t janus::numLibModules() { return std::size(moduleNames); }
size_t janus::numLibReceivers() { return std::size(receiverNames); }

std::string janus::libQualifiedName(const LibRow &row) {
  if (row.receiver)
    return std::string(libReceiverName(*row.receiver)) + "." + row.name;
  if (*row.module == LibModule::Builtins)
    return row.name;
  return std::string(libModuleName(*row.module)) + "." + row.name;
}
