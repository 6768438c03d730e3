//===- DynDialect.h - The dyn dialect ---------------------------*- C++ -*-===//
//
// Declares the `dyn` dialect and its `!dyn.value` type (see DynOps.td).
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_DIALECT_DYN_DYNDIALECT_H
#define JANUS_DIALECT_DYN_DYNDIALECT_H

#include "mlir/IR/Dialect.h"

#include "Dyn/DynOpsDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "Dyn/DynOpsTypes.h.inc"

#endif // JANUS_DIALECT_DYN_DYNDIALECT_H
