//===- ProfileCommand.h - Profiles in the janus driver ----------*- C++ -*-===//
//
// What `janus` does with profiles: `janus profile FILE` (a readable
// summary), and for `janus run --profile-out=FILE` adding the probes to the
// program's dyn module and writing the profile when the program ends.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_TOOLS_JANUS_PROFILECOMMAND_H
#define JANUS_TOOLS_JANUS_PROFILECOMMAND_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringRef.h"

namespace janus::driver {

/// `janus profile FILE`: prints the summary of a profile to stdout. Returns
/// the exit code: 0, or 1 after a diagnostic for a missing or malformed
/// file.
int runProfileCommand(llvm::StringRef path);

/// Runs janus-insert-profile-probes on `module`; false after a diagnostic.
bool addProfileProbes(mlir::ModuleOp module);

/// Merges what the probes recorded into the profile at `path`
/// (janus_profile_write). Returns 0, or 2 after printing the error.
int writeProfile(llvm::StringRef path);

} // namespace janus::driver

#endif // JANUS_TOOLS_JANUS_PROFILECOMMAND_H
