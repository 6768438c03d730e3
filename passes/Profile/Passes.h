//===- Passes.h - Passes that prepare profiles ------------------*- C++ -*-===//
//
// janus-insert-profile-probes (see Passes.td) and its registration.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_PASSES_PROFILE_PASSES_H
#define JANUS_PASSES_PROFILE_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace janus::passes {

#define GEN_PASS_DECL
#include "Profile/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "Profile/Passes.h.inc"

} // namespace janus::passes

#endif // JANUS_PASSES_PROFILE_PASSES_H
