//===- MLIRGenModule.cpp - Module layout, functions and classes -----------===//
//
// The top of MLIRGen: the builtin.module with its `dyn.global`s, the module
// code in `@__janus_init`, one func.func per `def` (its defaults evaluated
// and its function object built where the `def` runs), classes built from
// the values their bodies bind, and the checks the generated module must
// pass before anyone else sees it (verifyDynModule).
//
// Symbols: `@__janus_init`; a module-level `def f` is `@"f.def"` (its
// global is `@f`, and globals and functions share the module's symbol
// table); methods are `@"Net.forward"`; lambdas `@"f.<lambda>.0"`. A name
// that is taken already gets `.1`, `.2`, ... (a function redefined).
//
//===----------------------------------------------------------------------===//

#include "MLIRGenImpl.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Transforms/RegionUtils.h"

using namespace janus;
using namespace janus::mlirgen;
using namespace mlir;

void janus::loadDynDialects(MLIRContext &context) {
  context.loadDialect<dyn::DynDialect, func::FuncDialect,
                      cf::ControlFlowDialect>();
}

OwningOpRef<ModuleOp> janus::generateDyn(MLIRContext &context,
                                         const Module &module,
                                         DiagnosticEngine &diags) {
  loadDynDialects(context);
  MLIRGen gen(context, diags, module.fileName);
  OwningOpRef<ModuleOp> result = gen.run(module);
  if (!result || diags.hasErrors())
    return nullptr;
  if (failed(verifyDynModule(*result, diags)))
    return nullptr;
  return result;
}

MLIRGen::MLIRGen(MLIRContext &context, DiagnosticEngine &diags,
                 const std::string &fileName)
    : context(context), diags(diags), builder(&context),
      file(StringAttr::get(&context, fileName)),
      valueTy(dyn::ValueType::get(&context)) {}

Location MLIRGen::loc(SourceLoc l) {
  if (!l.isValid())
    l = stmtLoc;
  if (!l.isValid())
    l = SourceLoc{1, 1};
  return FileLineColLoc::get(file, l.line, l.col);
}

void MLIRGen::error(SourceLoc l, const std::string &message) {
  diags.error(l.isValid() ? l : stmtLoc, message);
  failed = true;
}

//===----------------------------------------------------------------------===//
// The module
//===----------------------------------------------------------------------===//

OwningOpRef<ModuleOp> MLIRGen::run(const Module &ast) {
  OwningOpRef<ModuleOp> owned = ModuleOp::create(loc(SourceLoc{1, 1}));
  module = *owned;
  module->setAttr("dyn.source_file", file);
  symbols.insert("__janus_init");
  declareGlobal("__name__", SourceLoc{1, 1});

  // @__janus_init(%name): stores __name__, then runs the module body.
  builder.setInsertionPointToEnd(module.getBody());
  Location l = loc(SourceLoc{1, 1});
  auto init =
      func::FuncOp::create(builder, l, "__janus_init",
                           builder.getFunctionType({valueTy}, {valueTy}));
  init->setAttr("dyn.qualname", builder.getStringAttr("<module>"));
  functions.push_back(std::make_unique<FunctionState>());
  FunctionState *state = functions.back().get();
  state->op = init;
  state->qualname = "";
  Block *entry = init.addEntryBlock();
  builder.setInsertionPointToStart(entry);
  dyn::StoreGlobalOp::create(builder, l, "__name__", entry->getArgument(0));

  scopes.push_back(std::make_unique<Scope>(Scope::ModuleScope, nullptr, state));
  fn = state;
  scope = scopes.back().get();
  genStmts(ast.body);
  SourceLoc end{1, 1};
  if (!ast.body.empty())
    end = ast.body.back()->getRange().end;
  finishFunction(*state, end);
  if (failed)
    return nullptr;
  return owned;
}

void MLIRGen::declareGlobal(llvm::StringRef name, SourceLoc l) {
  if (!globals.insert(name).second)
    return;
  if (symbols.contains(name)) {
    error(l, "the name '" + name.str() +
                 "' is reserved by Janus; choose another name");
    return;
  }
  symbols.insert(name);
  OpBuilder::InsertionGuard guard(builder);
  if (lastGlobal)
    builder.setInsertionPointAfter(lastGlobal);
  else
    builder.setInsertionPointToStart(module.getBody());
  lastGlobal = dyn::GlobalOp::create(builder, loc(l), name).getOperation();
}

std::string MLIRGen::uniqueSymbol(const std::string &base) {
  std::string name = base;
  for (unsigned i = 1; symbols.contains(name); ++i)
    name = base + "." + std::to_string(i);
  symbols.insert(name);
  return name;
}

//===----------------------------------------------------------------------===//
// Functions
//===----------------------------------------------------------------------===//

FunctionState *MLIRGen::beginFunction(const std::string &symbol,
                                      const std::string &qualname,
                                      const std::vector<Param> &params,
                                      llvm::ArrayRef<std::string> freeVars,
                                      SourceLoc l) {
  builder.setInsertionPointToEnd(module.getBody());
  SmallVector<Type> inputs(params.size() + freeVars.size(), valueTy);
  auto op = func::FuncOp::create(builder, loc(l), symbol,
                                 builder.getFunctionType(inputs, {valueTy}));
  SmallVector<Attribute> names;
  int64_t numPositional = 0;
  for (const Param &p : params) {
    names.push_back(builder.getStringAttr(p.name));
    if (p.kind == Param::Positional)
      ++numPositional;
  }
  op->setAttr("dyn.params", builder.getArrayAttr(names));
  op->setAttr("dyn.num_positional", builder.getI64IntegerAttr(numPositional));
  op->setAttr("dyn.qualname", builder.getStringAttr(qualname));
  if (!freeVars.empty()) {
    SmallVector<Attribute> free;
    for (const std::string &name : freeVars)
      free.push_back(builder.getStringAttr(name));
    op->setAttr("dyn.free_vars", builder.getArrayAttr(free));
  }

  functions.push_back(std::make_unique<FunctionState>());
  FunctionState *state = functions.back().get();
  state->op = op;
  state->qualname = qualname;
  for (const std::string &name : freeVars)
    state->freeVars.insert(name);
  fn = state;
  Block *entry = op.addEntryBlock();
  builder.setInsertionPointToStart(entry);
  // The parameters go to their slots; the trailing captured cells are the
  // free variables' slots themselves (the lowering binds them by position).
  for (size_t i = 0; i < params.size(); ++i)
    storeLocal(params[i].name, entry->getArgument(i),
               loc(params[i].range.begin));
  return state;
}

void MLIRGen::finishFunction(FunctionState &state, SourceLoc end) {
  Location l = loc(end);
  Block *current = builder.getInsertionBlock();
  if (current &&
      (current->empty() || !current->back().hasTrait<OpTrait::IsTerminator>()))
    func::ReturnOp::create(builder, l, ValueRange{none(l)});
  Region &body = state.op.getBody();
  // Blocks never entered only exist after an error; keep the IR whole.
  for (Block *block : state.pending)
    if (!block->getParent())
      body.push_back(block);
  state.pending.clear();
  if (failed)
    return;
  IRRewriter rewriter(&context);
  (void)eraseUnreachableBlocks(rewriter, body);
  if (!state.cells.empty()) {
    SmallVector<Attribute> cells;
    for (const std::string &name : state.cells)
      cells.push_back(builder.getStringAttr(name));
    state.op->setAttr("dyn.cells", builder.getArrayAttr(cells));
  }
}

bool MLIRGen::genDefaults(const std::vector<Param> &params,
                          SmallVectorImpl<Value> &values,
                          SmallVectorImpl<int64_t> &indices) {
  SmallVector<Expr *> exprs;
  for (size_t i = 0; i < params.size(); ++i)
    if (params[i].defaultValue) {
      exprs.push_back(params[i].defaultValue.get());
      indices.push_back(static_cast<int64_t>(i));
    }
  return genOperands(exprs, values);
}

Value MLIRGen::genFunctionDef(FunctionDef &def, const std::string &qualname) {
  // Defaults are evaluated where the `def` runs, before the function exists.
  SmallVector<Value> defaults;
  SmallVector<int64_t> indices;
  if (!genDefaults(def.params, defaults, indices))
    return nullptr;
  std::string symbol =
      uniqueSymbol(def.enclosingClass ? qualname : qualname + ".def");
  {
    FunctionContextGuard guard(*this);
    FunctionState *state =
        beginFunction(symbol, qualname, def.params, {}, def.getLoc());
    if (def.enclosingClass && !def.params.empty()) {
      state->className = def.enclosingClass->name;
      state->selfName = def.params.front().name;
    }
    scopes.push_back(
        std::make_unique<Scope>(Scope::FunctionScope, nullptr, state));
    scope = scopes.back().get();
    for (const std::string &name : def.locals)
      scope->slots[name] = name;
    genStmts(def.body);
    finishFunction(*state, def.getRange().end);
  }
  return dyn::MakeFunctionOp::create(builder, loc(def.getLoc()), valueTy,
                                     symbol, def.name, defaults, indices,
                                     ValueRange{});
}

//===----------------------------------------------------------------------===//
// Classes
//===----------------------------------------------------------------------===//

void MLIRGen::genClassDef(ClassDef &cls) {
  // The body runs first and binds its names in hidden locals ("$Net.x");
  // then the class is created from them, as CPython calls type() with the
  // namespace the body filled.
  scopes.push_back(std::make_unique<Scope>(Scope::ClassScope, scope, fn));
  Scope *classScope = scopes.back().get();
  classScope->className = cls.name;
  Scope *outer = scope;
  scope = classScope;
  for (const StmtPtr &s : cls.body) {
    stmtLoc = s->getLoc();
    if (auto *def = llvm::dyn_cast<FunctionDef>(s.get())) {
      Value f = genFunctionDef(*def, cls.name + "." + def->name);
      if (!f)
        continue;
      std::string slot = "$" + cls.name + "." + def->name;
      if (!classScope->slots.count(def->name))
        classScope->classNames.push_back(def->name);
      classScope->slots[def->name] = slot;
      storeLocal(slot, f, loc(def->getLoc()));
    } else if (llvm::isa<AssignStmt>(s.get()) || llvm::isa<PassStmt>(s.get())) {
      genStmt(*s);
    } else if (auto *es = llvm::dyn_cast<ExprStmt>(s.get());
               es && llvm::isa<StrLit>(es->value.get())) {
      continue; // A docstring.
    } else {
      error(s->getLoc(), "MLIRGen cannot generate this statement in a class "
                         "body");
    }
  }
  scope = outer;

  Location l = loc(cls.getLoc());
  stmtLoc = cls.getLoc();
  Value base;
  if (!cls.bases.empty()) {
    auto *name = llvm::dyn_cast<NameExpr>(cls.bases.front().get());
    bool isObject =
        name && name->binding == NameBinding::Builtin && name->name == "object";
    if (!isObject && !(base = genExpr(cls.bases.front().get())))
      return;
  }
  Value classValue =
      dyn::MakeClassOp::create(builder, l, valueTy, cls.name, base);
  for (const std::string &name : classScope->classNames) {
    Value v = loadLocal(classScope->slots[name], l);
    dyn::SetAttrOp::create(builder, l, classValue, name, v);
  }
  declareGlobal(cls.name, cls.getLoc());
  dyn::StoreGlobalOp::create(builder, l, cls.name, classValue);
}

//===----------------------------------------------------------------------===//
// Verification
//===----------------------------------------------------------------------===//

static SourceLoc sourceLocOf(Location l) {
  if (auto fileLoc = llvm::dyn_cast<FileLineColLoc>(l))
    return SourceLoc{fileLoc.getLine(), fileLoc.getColumn()};
  return SourceLoc{1, 1};
}

LogicalResult janus::verifyDynModule(ModuleOp module, DiagnosticEngine &diags) {
  bool ok = true;
  auto report = [&](Location l, const std::string &message) {
    diags.error(sourceLocOf(l),
                "internal error: the generated dyn IR is invalid: " + message);
    ok = false;
  };
  {
    ScopedDiagnosticHandler handler(
        module.getContext(), [&](Diagnostic &d) -> LogicalResult {
          if (d.getSeverity() == DiagnosticSeverity::Error)
            report(d.getLocation(), d.str());
          return success();
        });
    if (failed(mlir::verify(module)))
      ok = false;
    for (auto f : module.getOps<func::FuncOp>())
      if (failed(dyn::verifyBlockLocalValues(f)))
        ok = false;
  }
  module.walk([&](Operation *op) {
    if (!llvm::isa<FileLineColLoc>(op->getLoc()))
      report(op->getLoc(), "'" + op->getName().getStringRef().str() +
                               "' has no file:line:col location");
  });
  return success(ok);
}
