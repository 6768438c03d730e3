//===- DynDialect.cpp - The dyn dialect -----------------------------------===//
//
// Registers the ops and the `!dyn.value` type of the dyn dialect.
//
//===----------------------------------------------------------------------===//

#include "Dyn/DynDialect.h"
#include "Dyn/DynOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace janus::dyn;

#include "Dyn/DynOpsDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "Dyn/DynOpsTypes.cpp.inc"

void DynDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "Dyn/DynOps.cpp.inc"
      >();
  registerTypes();
}

void DynDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "Dyn/DynOpsTypes.cpp.inc"
      >();
}
