//===- MLIRGenCall.cpp - Calls, f-strings and container literals ----------===//
//
// A call becomes one of four ops, by what Sema resolved its callee to:
//   - a library row (a builtin such as print/len/range, `torch.zeros`,
//     `nn.Linear`, `F.relu`): dyn.call_library "qualified.name";
//   - `obj.m(...)` on a value: dyn.call_method, which does not build the
//     bound method;
//   - `super().m(...)` in a method of C: dyn.super_attr on the class (read
//     from the global C) and the method's first parameter, then dyn.call;
//   - anything else (a user function or class through its global, a
//     callable local): dyn.call on the callee's value.
// Keyword arguments follow the positional ones and are named by `kwnames`.
// F-strings are dyn.format per field and dyn.join_strings of the parts.
//
//===----------------------------------------------------------------------===//

#include "MLIRGenImpl.h"

#include "janus/Frontend/Library.h"

using namespace janus;
using namespace janus::mlirgen;
using namespace mlir;

/// `super().name(...)`: the callee of such a call.
static bool isSuperCall(AttributeExpr &attr) {
  auto *inner = llvm::dyn_cast<CallExpr>(attr.base.get());
  if (!inner || !inner->args.empty() || !inner->keywords.empty())
    return false;
  auto *name = llvm::dyn_cast<NameExpr>(inner->callee.get());
  return name && name->name == "super" && name->binding == NameBinding::Builtin;
}

Value MLIRGen::genCall(CallExpr &call) {
  Location l = loc(call.getLoc());
  SmallVector<std::string> names;
  for (const Keyword &k : call.keywords)
    names.push_back(k.name);
  ArrayAttr kwnames = builder.getStrArrayAttr(
      SmallVector<StringRef>(names.begin(), names.end()));
  // Evaluates the arguments after the values already in `values` (the
  // callee or receiver), keeping those alive.
  SmallVector<Expr *> argExprs;
  for (const ExprPtr &arg : call.args)
    argExprs.push_back(arg.get());
  for (const Keyword &k : call.keywords)
    argExprs.push_back(k.value.get());
  auto genArgs = [&](SmallVectorImpl<Value> &values) {
    return genOperands(argExprs, values);
  };

  if (call.libraryCallee) {
    SmallVector<Value> args;
    if (!genArgs(args))
      return nullptr;
    return dyn::CallLibraryOp::create(builder, l, valueTy,
                                      call.libraryCallee->qualifiedName(), args,
                                      kwnames);
  }
  if (auto *attr = llvm::dyn_cast<AttributeExpr>(call.callee.get())) {
    if (isSuperCall(*attr)) {
      if (fn->className.empty()) {
        error(call.getLoc(), "'super()' is only supported directly inside a "
                             "method body");
        return nullptr;
      }
      declareGlobal(fn->className, call.getLoc());
      Value cls = dyn::LoadGlobalOp::create(builder, l, valueTy, fn->className);
      Value self = loadLocal(fn->selfName, l);
      SmallVector<Value> values{dyn::SuperAttrOp::create(
          builder, loc(attr->attrLoc), valueTy, cls, self, attr->attr)};
      if (!genArgs(values))
        return nullptr;
      return dyn::CallOp::create(builder, l, valueTy, values[0],
                                 ValueRange(values).drop_front(), kwnames);
    }
    if (attr->qualifiedName.empty()) {
      SmallVector<Value> values{genExpr(attr->base.get())};
      if (!values[0] || !genArgs(values))
        return nullptr;
      return dyn::CallMethodOp::create(
          builder, l, valueTy, values[0], attr->attr,
          ValueRange(values).drop_front(), kwnames);
    }
  }
  SmallVector<Value> values{genExpr(call.callee.get())};
  if (!values[0] || !genArgs(values))
    return nullptr;
  return dyn::CallOp::create(builder, l, valueTy, values[0],
                             ValueRange(values).drop_front(), kwnames);
}

Value MLIRGen::genFString(FString &f) {
  Location l = loc(f.getLoc());
  SmallVector<Value> parts;
  for (FString::Part &part : f.parts) {
    if (!part.expr) {
      if (!part.text.empty())
        parts.push_back(constantStr(part.text, l));
      continue;
    }
    Value v = genExprKeeping(part.expr.get(), parts);
    if (!v)
      return nullptr;
    std::string conversion =
        part.conversion ? std::string(1, part.conversion) : "";
    // CPython reports a formatting error at the whole f-string.
    parts.push_back(dyn::FormatOp::create(builder, l,
                                          valueTy, v, conversion,
                                          part.formatSpec));
  }
  if (parts.empty())
    return constantStr("", l);
  if (parts.size() == 1 && f.parts.size() == 1 && !f.parts.front().expr)
    return parts.front();
  return dyn::JoinStringsOp::create(builder, l, valueTy, parts);
}

Value MLIRGen::genContainer(Expr &e) {
  Location l = loc(e.getLoc());
  SmallVector<Expr *> exprs;
  if (auto *list = llvm::dyn_cast<ListExpr>(&e)) {
    for (const ExprPtr &elt : list->elts)
      exprs.push_back(elt.get());
  } else if (auto *tuple = llvm::dyn_cast<TupleExpr>(&e)) {
    for (const ExprPtr &elt : tuple->elts)
      exprs.push_back(elt.get());
  } else {
    auto &dict = llvm::cast<DictExpr>(e);
    for (size_t i = 0; i < dict.keys.size(); ++i) {
      if (!dict.keys[i] || i >= dict.values.size()) {
        error(e.getLoc(), "MLIRGen cannot generate this dict display");
        return nullptr;
      }
      exprs.push_back(dict.keys[i].get());
      exprs.push_back(dict.values[i].get());
    }
  }
  SmallVector<Value> values;
  if (!genOperands(exprs, values))
    return nullptr;
  if (llvm::isa<ListExpr>(&e))
    return dyn::MakeListOp::create(builder, l, valueTy, values);
  if (llvm::isa<TupleExpr>(&e))
    return dyn::MakeTupleOp::create(builder, l, valueTy, values);
  return dyn::MakeDictOp::create(builder, l, valueTy, values);
}
