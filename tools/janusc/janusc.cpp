//===- janusc.cpp - The Janus compiler driver -----------------------------===//
//
// janusc reads a Janus Python file, runs the front end (parse, Sema) and
// prints the requested stage. Like clang, diagnostics go to stderr in
// `FILE:LINE:COL: error:` form and the exit status is 1 when any error was
// reported, 0 otherwise.
//
//   janusc model.py                 check the program (front end only)
//   janusc --emit=ast model.py      print the resolved AST (every --emit
//                                   stage writes to -o FILE, stdout by
//                                   default or with -o -)
//   janusc --emit=summary model.py  one line: what the file defines and uses
//   janusc --emit=dyn model.py      print the verified `dyn` dialect module
//   janusc --emit=llvm-dialect|llvm|asm [-O0..3] model.py [-o OUT]
//                                   the accurate path lowered (codegen/)
//   janusc -c model.py -o model.o   an object file
//   janusc --profile-generate ...   the same with profile probes: the
//                                   program writes its profile at exit
//                                   (docs/compiler.md, "Profiles")
//   janusc model.py -o libmodel.so  a shared library linked against
//                                   libjanus_runtime.so; it exports
//                                   <stem>_init, <stem>_<f> per top-level
//                                   function and __janus_init_<stem>
//   janusc model.py -o lib.so --header model.h
//                                   also the C header of those
//                                   (HeaderWriter.cpp, docs/compiler.md)
//
// Later stages add their own --emit values as they come into existence; an
// unknown value is rejected by the option parser. Flag combinations that
// would be ignored are rejected (checkOptionCombinations).
//
//===----------------------------------------------------------------------===//

#include "HeaderWriter.h"
#include "MLIRGen/MLIRGen.h"
#include "Pipeline/Pipeline.h"
#include "Profile/Passes.h"
#include "janus/Frontend/ASTPrinter.h"
#include "janus/Frontend/Diagnostics.h"
#include "janus/Frontend/Parser.h"
#include "janus/Frontend/Sema.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

using namespace janus;

namespace {

enum class EmitAction { None, AST, Summary, Dyn, LLVMDialect, LLVM, Asm, Obj };

llvm::cl::OptionCategory janusCategory("janusc options");

llvm::cl::opt<std::string> inputFile(llvm::cl::Positional,
                                     llvm::cl::desc("<input .py file>"),
                                     llvm::cl::Required,
                                     llvm::cl::cat(janusCategory));

llvm::cl::opt<EmitAction> emitAction(
    "emit", llvm::cl::desc("Stage to print"), llvm::cl::init(EmitAction::None),
    llvm::cl::values(
        clEnumValN(EmitAction::AST, "ast", "the AST after Sema"),
        clEnumValN(EmitAction::Summary, "summary",
                   "a one-line summary of the program"),
        clEnumValN(EmitAction::Dyn, "dyn", "the dyn dialect (MLIRGen)"),
        clEnumValN(EmitAction::LLVMDialect, "llvm-dialect",
                   "the accurate path in the LLVM dialect"),
        clEnumValN(EmitAction::LLVM, "llvm", "the accurate path in LLVM IR"),
        clEnumValN(EmitAction::Asm, "asm", "host assembly"),
        clEnumValN(EmitAction::Obj, "obj", "a host object file (needs -o)")),
    llvm::cl::cat(janusCategory));

llvm::cl::opt<std::string> outputFile(
    "o",
    llvm::cl::desc("Output file; a .so without --emit links a shared library"),
    llvm::cl::init(""), llvm::cl::cat(janusCategory));

llvm::cl::opt<bool> compileOnly("c", llvm::cl::desc("Write an object file"),
                                llvm::cl::init(false),
                                llvm::cl::cat(janusCategory));

llvm::cl::opt<unsigned> optLevel("O",
                                 llvm::cl::desc("Optimisation level (0-3)"),
                                 llvm::cl::Prefix, llvm::cl::init(2),
                                 llvm::cl::cat(janusCategory));

llvm::cl::opt<std::string> headerFile(
    "header",
    llvm::cl::desc("Also write a C header declaring the module's C entry "
                   "points (docs/compiler.md)"),
    llvm::cl::init(""), llvm::cl::cat(janusCategory));

llvm::cl::opt<bool> profileGenerate(
    "profile-generate",
    llvm::cl::desc("Add profile probes (janus-insert-profile-probes); the "
                   "program writes its profile at exit to "
                   "$JANUS_PROFILE_FILE or janus-profile.json"),
    llvm::cl::init(false), llvm::cl::cat(janusCategory));

llvm::cl::opt<std::string> runtimeDir(
    "runtime-dir",
    llvm::cl::desc("Directory of libjanus_runtime.so for -o lib.so (default: "
                   "<janusc's dir>/../lib when it holds the runtime, else the "
                   "build tree's)"),
    llvm::cl::init(""), llvm::cl::cat(janusCategory));

/// Counts what a module defines and uses, for --emit=summary.
struct Summary {
  unsigned classes = 0, functions = 0, statements = 0, libraryCalls = 0;
  unsigned userCalls = 0;

  void visit(const StmtList &body);
  void visitStmt(const Stmt &s);
  void visitExpr(const Expr *e);
};

} // namespace

/// argv[0], for defaultRuntimeDir.
static const char *programName = "janusc";

/// The libjanus_runtime.so that `-o lib.so` links against when
/// --runtime-dir is not given: an installed janusc (PREFIX/bin) uses the
/// runtime installed with it in PREFIX/lib, wherever PREFIX was moved; a
/// janusc in the build tree uses the build tree's (JANUS_RUNTIME_DIR).
/// docs/install.md.
static std::string defaultRuntimeDir() {
  static int anchor;
  std::string exe = llvm::sys::fs::getMainExecutable(programName, &anchor);
  if (!exe.empty()) {
    llvm::SmallString<256> lib(
        llvm::sys::path::parent_path(llvm::sys::path::parent_path(exe)));
    llvm::sys::path::append(lib, "lib");
    llvm::SmallString<256> runtime(lib);
    llvm::sys::path::append(runtime, "libjanus_runtime.so");
    if (llvm::sys::fs::exists(runtime))
      return std::string(lib);
  }
  return JANUS_RUNTIME_DIR;
}

static bool readSource(const std::string &path, std::string &out,
                       std::string &error) {
  if (llvm::sys::fs::is_directory(path)) {
    error = "'" + path + "' is a directory";
    return false;
  }
  auto bufferOrErr =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!bufferOrErr) {
    error = "cannot open '" + path + "': " + bufferOrErr.getError().message();
    return false;
  }
  out = (*bufferOrErr)->getBuffer().str();
  return true;
}

/// Writes the C header (--header) of a module's C interface.
static bool writeHeader(llvm::StringRef path,
                        const codegen::CInterface &interface) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec) {
    llvm::errs() << "janusc: error: cannot write " << path << ": "
                 << ec.message() << "\n";
    return false;
  }
  writeCHeader(os, interface, llvm::sys::path::filename(inputFile));
  return true;
}

/// The name of an --emit stage, for diagnostics.
static llvm::StringRef stageName(EmitAction action) {
  switch (action) {
  case EmitAction::None:
    return "";
  case EmitAction::AST:
    return "ast";
  case EmitAction::Summary:
    return "summary";
  case EmitAction::Dyn:
    return "dyn";
  case EmitAction::LLVMDialect:
    return "llvm-dialect";
  case EmitAction::LLVM:
    return "llvm";
  case EmitAction::Asm:
    return "asm";
  case EmitAction::Obj:
    return "obj";
  }
  return "";
}

/// Rejects flag combinations that would otherwise be silently ignored
/// (docs/compiler.md, "Drivers"), and resolves -c into --emit=obj. False
/// after a `janusc: error:` diagnostic.
static bool checkOptionCombinations() {
  auto error = [](const llvm::Twine &message) {
    llvm::errs() << "janusc: error: " << message << "\n";
    return false;
  };
  // -c is the spelling of --emit=obj; another stage with it asks for two
  // different outputs (and would write, say, LLVM IR text into x.o).
  if (compileOnly && emitAction != EmitAction::None &&
      emitAction != EmitAction::Obj)
    return error("-c cannot be combined with --emit=" + stageName(emitAction) +
                 " (-c means --emit=obj)");
  if (compileOnly)
    emitAction = EmitAction::Obj;
  if (outputFile.getNumOccurrences() && outputFile.empty())
    return error("-o needs a file name ('-' for stdout)");
  if (headerFile.getNumOccurrences() && headerFile.empty())
    return error("--header needs a file name");
  bool beforeCodegen = emitAction == EmitAction::AST ||
                       emitAction == EmitAction::Summary ||
                       emitAction == EmitAction::Dyn;
  // The header declares the C entry points that the lowering generates.
  if (!headerFile.empty() && beforeCodegen)
    return error(
        "--header cannot be combined with --emit=" + stageName(emitAction) +
        " (the header describes generated code: use -o, -c or "
        "--emit=llvm-dialect or later)");
  // The probes are added to the dyn module, so they show from --emit=dyn
  // on; the AST, the summary and a front-end check have none.
  if (profileGenerate) {
    if (emitAction == EmitAction::AST || emitAction == EmitAction::Summary)
      return error("--profile-generate cannot be combined with --emit=" +
                   stageName(emitAction) +
                   " (probes are added to the dyn module: use --emit=dyn "
                   "or later)");
    if (emitAction == EmitAction::None && outputFile.empty())
      return error("--profile-generate needs an output: -o, -c or --emit");
  }
  // A shared library is linked by the C++ driver into a file.
  if (emitAction == EmitAction::None && outputFile == "-")
    return error("a shared library cannot be written to stdout (-o -)");
  return true;
}

/// Opens -o (stdout when it is absent or `-`) for a printed stage; null
/// after a diagnostic.
static std::unique_ptr<llvm::raw_fd_ostream> openOutput() {
  std::string path = outputFile.empty() ? "-" : outputFile.getValue();
  std::error_code ec;
  auto os = std::make_unique<llvm::raw_fd_ostream>(path, ec);
  if (ec) {
    llvm::errs() << "janusc: error: cannot write " << path << ": "
                 << ec.message() << "\n";
    return nullptr;
  }
  return os;
}

/// With --profile-generate, adds the profile probes to `dyn`; false after
/// a diagnostic.
static bool addProbesIfAsked(mlir::ModuleOp dyn) {
  if (!profileGenerate)
    return true;
  mlir::PassManager pm(dyn.getContext());
  pm.addPass(janus::passes::createInsertProfileProbesPass());
  return succeeded(pm.run(dyn));
}

/// The accurate path: MLIRGen, then codegen/Pipeline up to `action`
/// (LLVMDialect, LLVM, Asm, Obj, or None for a shared library).
static int compile(const Module &module, DiagnosticEngine &diags,
                   EmitAction action) {
  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> dyn = generateDyn(context, module, diags);
  if (!dyn || !addProbesIfAsked(*dyn))
    return 1;
  std::string stem = llvm::sys::path::stem(inputFile).str();
  // The same C names as the entry points the lowering generates.
  codegen::CInterface interface = codegen::collectCInterface(*dyn, stem);
  if (failed(janus::codegen::lowerDynToLLVMDialect(*dyn, stem)))
    return 1;
  if (!headerFile.empty() && !writeHeader(headerFile, interface))
    return 1;
  if (action == EmitAction::None && outputFile.empty())
    return 0; // --header alone
  std::string out = outputFile.empty() ? "-" : outputFile.getValue();
  auto fail = [](llvm::Error error) {
    llvm::errs() << "janusc: error: " << llvm::toString(std::move(error))
                 << "\n";
    return 1;
  };
  if (action == EmitAction::LLVMDialect) {
    std::error_code ec;
    llvm::raw_fd_ostream os(out, ec);
    if (ec)
      return fail(llvm::createStringError(ec, "cannot write " + out));
    dyn->print(os);
    os << "\n";
    return 0;
  }
  auto machine = janus::codegen::createHostTargetMachine(optLevel);
  if (!machine)
    return fail(machine.takeError());
  llvm::LLVMContext llvmContext;
  auto llvmModule =
      janus::codegen::translateToLLVMIR(*dyn, llvmContext, machine->get());
  if (!llvmModule)
    return 1;
  if (auto err =
          janus::codegen::optimizeLLVMIR(*llvmModule, optLevel, machine->get()))
    return fail(std::move(err));
  switch (action) {
  case EmitAction::LLVM: {
    std::error_code ec;
    llvm::raw_fd_ostream os(out, ec);
    if (ec)
      return fail(llvm::createStringError(ec, "cannot write " + out));
    llvmModule->print(os, nullptr);
    return 0;
  }
  case EmitAction::Asm:
    if (auto err = janus::codegen::emitAssembly(*llvmModule, **machine, out))
      return fail(std::move(err));
    return 0;
  case EmitAction::Obj:
    // Object code on a terminal is never wanted; `-o -` asks for it.
    if (outputFile.empty())
      return fail(llvm::createStringError("an object file needs -o"));
    if (auto err = janus::codegen::emitObjectFile(*llvmModule, **machine, out))
      return fail(std::move(err));
    return 0;
  default: {
    // Check that the library can be written before compiling into a
    // temporary object, so an unwritable -o names the user's path.
    {
      std::error_code ec;
      llvm::raw_fd_ostream probe(out, ec);
      if (ec)
        return fail(llvm::createStringError(ec, "cannot write " + out + ": " +
                                                    ec.message()));
    }
    llvm::SmallString<128> object;
    if (std::error_code ec = llvm::sys::fs::createTemporaryFile(
            llvm::sys::path::stem(out), "o", object))
      return fail(llvm::createStringError(
          ec, "cannot create a temporary object file: " + ec.message()));
    llvm::FileRemover removeObject(object);
    if (auto err =
            janus::codegen::emitObjectFile(*llvmModule, **machine, object))
      return fail(std::move(err));
    janus::codegen::LinkOptions options;
    options.runtimeDir = runtimeDir.getNumOccurrences()
                             ? std::string(runtimeDir)
                             : defaultRuntimeDir();
    llvm::Error err =
        janus::codegen::linkSharedLibrary({std::string(object)}, out, options);
    if (err)
      return fail(std::move(err));
    return 0;
  }
  }
}

int main(int argc, char **argv) {
  programName = argv[0];
  // --mlir-print-debuginfo and friends apply to --emit=dyn.
  mlir::registerAsmPrinterCLOptions();
  llvm::cl::HideUnrelatedOptions(janusCategory);
  llvm::cl::ParseCommandLineOptions(argc, argv,
                                    "janusc: the Janus Python compiler\n");

  if (optLevel > 3) {
    llvm::errs() << "janusc: error: invalid optimisation level '-O" << optLevel
                 << "' (expected -O0 to -O3)\n";
    return 1;
  }
  if (!checkOptionCombinations())
    return 1;

  std::string source, readError;
  if (!readSource(inputFile, source, readError)) {
    llvm::errs() << "janusc: error: " << readError << '\n';
    return 1;
  }

  DiagnosticEngine diags(inputFile, source);
  std::unique_ptr<Module> module = parseModule(source, diags);
  if (!diags.hasErrors())
    runSema(*module, diags);
  if (diags.hasErrors())
    return 1;

  switch (emitAction) {
  case EmitAction::None:
    // Without -o or --header, janusc only checks the program (front end).
    if (!outputFile.empty() || !headerFile.empty())
      return compile(*module, diags, EmitAction::None);
    break;
  case EmitAction::LLVMDialect:
  case EmitAction::LLVM:
  case EmitAction::Asm:
  case EmitAction::Obj:
    return compile(*module, diags, emitAction);
  case EmitAction::AST: {
    std::unique_ptr<llvm::raw_fd_ostream> os = openOutput();
    if (!os)
      return 1;
    printAST(*module, *os);
    break;
  }
  case EmitAction::Summary: {
    std::unique_ptr<llvm::raw_fd_ostream> os = openOutput();
    if (!os)
      return 1;
    Summary summary;
    summary.visit(module->body);
    // Calls whose callee Sema resolved to a library entry are counted
    // apart from the rest (user functions, methods and calls through values,
    // which are dispatched at run time).
    *os << inputFile << ": classes " << summary.classes << ", functions "
        << summary.functions << ", statements " << summary.statements
        << ", library calls " << summary.libraryCalls << ", other calls "
        << summary.userCalls << "\n";
    break;
  }
  case EmitAction::Dyn: {
    mlir::MLIRContext context;
    mlir::OwningOpRef<mlir::ModuleOp> dyn =
        generateDyn(context, *module, diags);
    if (!dyn || !addProbesIfAsked(*dyn))
      return 1;
    std::unique_ptr<llvm::raw_fd_ostream> os = openOutput();
    if (!os)
      return 1;
    dyn->print(*os);
    *os << "\n";
    break;
  }
  }
  return 0;
}

//===----------------------------------------------------------------------===//
// Summary walk
//===----------------------------------------------------------------------===//

void Summary::visit(const StmtList &body) {
  for (const StmtPtr &s : body)
    visitStmt(*s);
}

void Summary::visitStmt(const Stmt &s) {
  ++statements;
  if (auto *fn = llvm::dyn_cast<FunctionDef>(&s)) {
    ++functions;
    for (const Param &p : fn->params)
      visitExpr(p.defaultValue.get());
    visit(fn->body);
  } else if (auto *cls = llvm::dyn_cast<ClassDef>(&s)) {
    ++classes;
    visit(cls->body);
  } else if (auto *es = llvm::dyn_cast<ExprStmt>(&s)) {
    visitExpr(es->value.get());
  } else if (auto *as = llvm::dyn_cast<AssignStmt>(&s)) {
    for (const ExprPtr &t : as->targets)
      visitExpr(t.get());
    visitExpr(as->value.get());
  } else if (auto *aug = llvm::dyn_cast<AugAssignStmt>(&s)) {
    visitExpr(aug->target.get());
    visitExpr(aug->value.get());
  } else if (auto *ret = llvm::dyn_cast<ReturnStmt>(&s)) {
    visitExpr(ret->value.get());
  } else if (auto *ifs = llvm::dyn_cast<IfStmt>(&s)) {
    visitExpr(ifs->test.get());
    visit(ifs->body);
    visit(ifs->orelse);
  } else if (auto *ws = llvm::dyn_cast<WhileStmt>(&s)) {
    visitExpr(ws->test.get());
    visit(ws->body);
  } else if (auto *fs = llvm::dyn_cast<ForStmt>(&s)) {
    visitExpr(fs->target.get());
    visitExpr(fs->iter.get());
    visit(fs->body);
  } else if (auto *as = llvm::dyn_cast<AssertStmt>(&s)) {
    visitExpr(as->test.get());
    visitExpr(as->msg.get());
  } else if (auto *ds = llvm::dyn_cast<DelStmt>(&s)) {
    for (const ExprPtr &t : ds->targets)
      visitExpr(t.get());
  } else if (auto *with = llvm::dyn_cast<WithStmt>(&s)) {
    visitExpr(with->context.get());
    visit(with->body);
  }
}

void Summary::visitExpr(const Expr *e) {
  if (!e)
    return;
  if (auto *call = llvm::dyn_cast<CallExpr>(e)) {
    if (call->libraryCallee)
      ++libraryCalls;
    else
      ++userCalls;
  }
  // The walk does not modify the AST; forEachChild takes a mutable node
  // because Sema uses the same traversal to annotate it.
  forEachChild(const_cast<Expr &>(*e), [&](Expr *child) { visitExpr(child); });
}
