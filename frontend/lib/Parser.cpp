// Placeholder (being written).
#include "janus/Frontend/Parser.h"
namespace janus {
std::unique_ptr<Module> parseModule(llvm::StringRef, DiagnosticEngine &diags) {
  auto m = std::make_unique<Module>();
  m->fileName = diags.fileName();
  return m;
}
} // namespace janus
