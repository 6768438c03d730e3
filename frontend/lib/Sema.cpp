// Placeholder (being written).
#include "janus/Frontend/Sema.h"
namespace janus {
bool runSema(Module &, DiagnosticEngine &diags) { return !diags.hasErrors(); }
} // namespace janus
