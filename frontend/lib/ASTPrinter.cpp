//===- ASTPrinter.cpp - Stable, readable AST dump -------------------------===//
//
// One node per line, two spaces of indentation per level:
//
//   FunctionDef forward <7:5> method-of=Net
//     Param self <7:17>
//     body:
//       Return <8:9>
//         Call <8:16> library=torch.relu
//
// Scalar fields follow the node name; child lists that can be confused with
// each other get a label line (`test:`, `body:`, `orelse:`, ...). Sema's
// annotations (bindings, qualified names, library callees) are printed too so
// that lit tests can check resolution. Floats print in shortest round-trip
// form and strings with C escapes, so the dump does not depend on the
// platform.
//
//===----------------------------------------------------------------------===//

#include "janus/Frontend/ASTPrinter.h"
#include "janus/Frontend/Library.h"

#include <fmt/format.h>

namespace janus {
namespace {

const char *bindingName(NameBinding b) {
  switch (b) {
  case NameBinding::Unresolved:
    return "unresolved";
  case NameBinding::Local:
    return "local";
  case NameBinding::Enclosing:
    return "enclosing";
  case NameBinding::Global:
    return "global";
  case NameBinding::Builtin:
    return "builtin";
  case NameBinding::Module:
    return "module";
  case NameBinding::Library:
    return "library";
  }
  return "unresolved";
}

std::string quote(llvm::StringRef s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      if (c < 0x20 || c == 0x7f)
        out += fmt::format("\\x{:02x}", c);
      else
        out.push_back(static_cast<char>(c));
    }
  }
  return out + "\"";
}

/// Python's repr of a float: shortest round-trip digits, and a ".0" suffix
/// when the digits alone would read as an int ("2.0", not "2").
std::string pythonFloatRepr(double v) {
  std::string s = fmt::format("{}", v);
  if (s.find_first_of(".eEn") == std::string::npos)
    s += ".0";
  return s;
}

class ASTPrinter {
public:
  explicit ASTPrinter(llvm::raw_ostream &os) : os(os) {}

  void printModule(const Module &m) {
    os << "Module " << m.fileName << '\n';
    ++depth;
    printStmts(m.body);
    --depth;
  }

private:
  llvm::raw_ostream &os;
  unsigned depth = 0;

  void indent() {
    for (unsigned i = 0; i < depth; ++i)
      os << "  ";
  }
  static std::string loc(const Node &n) {
    return fmt::format("<{}:{}>", n.getLoc().line, n.getLoc().col);
  }
  static std::string loc(SourceLoc l) {
    return fmt::format("<{}:{}>", l.line, l.col);
  }
  /// Starts a node line: indentation, kind name, then `rest` and location.
  void line(llvm::StringRef kind, const Node &n, const std::string &rest = "") {
    indent();
    os << kind;
    if (!rest.empty())
      os << ' ' << rest;
    os << ' ' << loc(n) << '\n';
  }
  void label(llvm::StringRef text) {
    indent();
    os << text << ":\n";
  }
  /// Prints `children` under a label; nothing when empty.
  void labelled(llvm::StringRef text, const StmtList &children) {
    if (children.empty())
      return;
    label(text);
    ++depth;
    printStmts(children);
    --depth;
  }
  void labelled(llvm::StringRef text, const Expr *child) {
    if (!child)
      return;
    label(text);
    ++depth;
    printExpr(*child);
    --depth;
  }
  void children(const ExprList &list) {
    for (const ExprPtr &e : list)
      printExpr(*e);
  }

  void printStmts(const StmtList &list) {
    for (const StmtPtr &s : list)
      printStmt(*s);
  }
  void printParams(const std::vector<Param> &params);
  void printGenerators(const std::vector<Comprehension> &gens);
  void printStmt(const Stmt &s);
  void printExpr(const Expr &e);
};

void ASTPrinter::printParams(const std::vector<Param> &params) {
  for (const Param &p : params) {
    indent();
    os << "Param " << p.name;
    if (p.kind == Param::KeywordOnly)
      os << " kwonly";
    os << ' ' << loc(p.range.begin) << '\n';
    if (p.defaultValue) {
      ++depth;
      labelled("default", p.defaultValue.get());
      --depth;
    }
  }
}

void ASTPrinter::printGenerators(const std::vector<Comprehension> &gens) {
  for (const Comprehension &c : gens) {
    indent();
    os << "For " << loc(c.range.begin) << '\n';
    ++depth;
    labelled("target", c.target.get());
    labelled("iter", c.iter.get());
    for (const ExprPtr &cond : c.ifs)
      labelled("if", cond.get());
    --depth;
  }
}

void ASTPrinter::printStmt(const Stmt &s) {
  switch (s.getKind()) {
  case Node::ExprStmtKind:
    line("ExprStmt", s);
    ++depth;
    printExpr(*llvm::cast<ExprStmt>(s).value);
    --depth;
    return;
  case Node::AssignKind: {
    auto &a = llvm::cast<AssignStmt>(s);
    line("Assign", s);
    ++depth;
    label("targets");
    ++depth;
    children(a.targets);
    --depth;
    labelled("value", a.value.get());
    --depth;
    return;
  }
  case Node::AugAssignKind: {
    auto &a = llvm::cast<AugAssignStmt>(s);
    line("AugAssign", s, std::string(spelling(a.op)) + "=");
    ++depth;
    printExpr(*a.target);
    printExpr(*a.value);
    --depth;
    return;
  }
  case Node::ReturnKind: {
    line("Return", s);
    ++depth;
    if (auto *v = llvm::cast<ReturnStmt>(s).value.get())
      printExpr(*v);
    --depth;
    return;
  }
  case Node::PassKind:
    line("Pass", s);
    return;
  case Node::BreakKind:
    line("Break", s);
    return;
  case Node::ContinueKind:
    line("Continue", s);
    return;
  case Node::IfKind: {
    auto &i = llvm::cast<IfStmt>(s);
    line("If", s);
    ++depth;
    labelled("test", i.test.get());
    labelled("body", i.body);
    labelled("orelse", i.orelse);
    --depth;
    return;
  }
  case Node::WhileKind: {
    auto &w = llvm::cast<WhileStmt>(s);
    line("While", s);
    ++depth;
    labelled("test", w.test.get());
    labelled("body", w.body);
    --depth;
    return;
  }
  case Node::ForKind: {
    auto &f = llvm::cast<ForStmt>(s);
    line("For", s);
    ++depth;
    labelled("target", f.target.get());
    labelled("iter", f.iter.get());
    labelled("body", f.body);
    --depth;
    return;
  }
  case Node::GlobalKind: {
    std::string names;
    for (const std::string &n : llvm::cast<GlobalStmt>(s).names)
      names += (names.empty() ? "" : ", ") + n;
    line("Global", s, names);
    return;
  }
  case Node::AssertKind: {
    auto &a = llvm::cast<AssertStmt>(s);
    line("Assert", s);
    ++depth;
    labelled("test", a.test.get());
    labelled("msg", a.msg.get());
    --depth;
    return;
  }
  case Node::DelKind:
    line("Del", s);
    ++depth;
    children(llvm::cast<DelStmt>(s).targets);
    --depth;
    return;
  case Node::WithKind: {
    auto &w = llvm::cast<WithStmt>(s);
    line("With", s);
    ++depth;
    labelled("context", w.context.get());
    labelled("as", w.target.get());
    labelled("body", w.body);
    --depth;
    return;
  }
  case Node::FunctionDefKind: {
    auto &f = llvm::cast<FunctionDef>(s);
    std::string rest = f.name;
    if (f.enclosingClass)
      rest += " method-of=" + f.enclosingClass->name;
    line("FunctionDef", s, rest);
    ++depth;
    printParams(f.params);
    if (!f.locals.empty()) {
      indent();
      os << "locals:";
      for (const std::string &l : f.locals)
        os << ' ' << l;
      os << '\n';
    }
    if (!f.globals.empty()) {
      indent();
      os << "globals:";
      for (const std::string &g : f.globals)
        os << ' ' << g;
      os << '\n';
    }
    labelled("body", f.body);
    --depth;
    return;
  }
  case Node::ClassDefKind: {
    auto &c = llvm::cast<ClassDef>(s);
    line("ClassDef", s, c.name);
    ++depth;
    if (!c.bases.empty()) {
      label("bases");
      ++depth;
      children(c.bases);
      --depth;
    }
    labelled("body", c.body);
    --depth;
    return;
  }
  case Node::ImportKind:
  case Node::ImportFromKind: {
    const std::vector<ImportAlias> *names;
    if (auto *imp = llvm::dyn_cast<ImportStmt>(&s)) {
      line("Import", s);
      names = &imp->names;
    } else {
      auto &from = llvm::cast<ImportFromStmt>(s);
      line("ImportFrom", s, from.module);
      names = &from.names;
    }
    ++depth;
    for (const ImportAlias &a : *names) {
      indent();
      os << "alias " << a.name;
      if (!a.asName.empty())
        os << " as " << a.asName;
      os << ' ' << loc(a.range.begin) << '\n';
    }
    --depth;
    return;
  }
  default:
    line("<unknown statement>", s);
    return;
  }
}

void ASTPrinter::printExpr(const Expr &e) {
  switch (e.getKind()) {
  case Node::IntLitKind:
    line("IntLit", e, std::to_string(llvm::cast<IntLit>(e).value));
    return;
  case Node::FloatLitKind:
    line("FloatLit", e, pythonFloatRepr(llvm::cast<FloatLit>(e).value));
    return;
  case Node::BoolLitKind:
    line("BoolLit", e, llvm::cast<BoolLit>(e).value ? "True" : "False");
    return;
  case Node::NoneLitKind:
    line("NoneLit", e);
    return;
  case Node::EllipsisLitKind:
    line("EllipsisLit", e);
    return;
  case Node::StrLitKind:
    line("StrLit", e, quote(llvm::cast<StrLit>(e).value));
    return;
  case Node::FStringKind: {
    line("FString", e);
    ++depth;
    for (const FString::Part &p : llvm::cast<FString>(e).parts) {
      indent();
      if (!p.expr) {
        os << "text " << quote(p.text) << '\n';
        continue;
      }
      os << "field";
      if (p.conversion)
        os << " !" << p.conversion;
      if (!p.formatSpec.empty())
        os << " spec=" << quote(p.formatSpec);
      os << '\n';
      ++depth;
      printExpr(*p.expr);
      --depth;
    }
    --depth;
    return;
  }
  case Node::NameKind: {
    auto &n = llvm::cast<NameExpr>(e);
    std::string rest = n.name;
    if (n.binding != NameBinding::Unresolved)
      rest += fmt::format(" binding={}", bindingName(n.binding));
    if (!n.qualifiedName.empty())
      rest += " -> " + n.qualifiedName;
    line("Name", e, rest);
    return;
  }
  case Node::AttributeKind: {
    auto &a = llvm::cast<AttributeExpr>(e);
    std::string rest = a.attr;
    if (!a.qualifiedName.empty())
      rest += " -> " + a.qualifiedName;
    line("Attribute", e, rest);
    ++depth;
    printExpr(*a.base);
    --depth;
    return;
  }
  case Node::SubscriptKind: {
    auto &sub = llvm::cast<SubscriptExpr>(e);
    line("Subscript", e);
    ++depth;
    printExpr(*sub.base);
    labelled("index", sub.index.get());
    --depth;
    return;
  }
  case Node::SliceKind: {
    auto &sl = llvm::cast<SliceExpr>(e);
    line("Slice", e);
    ++depth;
    labelled("lower", sl.lower.get());
    labelled("upper", sl.upper.get());
    labelled("step", sl.step.get());
    --depth;
    return;
  }
  case Node::CallKind: {
    auto &c = llvm::cast<CallExpr>(e);
    std::string rest;
    if (c.libraryCallee)
      rest = "library=" + c.libraryCallee->qualifiedName();
    line("Call", e, rest);
    ++depth;
    labelled("callee", c.callee.get());
    if (!c.args.empty()) {
      label("args");
      ++depth;
      children(c.args);
      --depth;
    }
    for (const Keyword &k : c.keywords) {
      indent();
      os << "keyword " << k.name << ' ' << loc(k.nameLoc) << '\n';
      ++depth;
      printExpr(*k.value);
      --depth;
    }
    --depth;
    return;
  }
  case Node::UnaryKind: {
    auto &u = llvm::cast<UnaryExpr>(e);
    line("Unary", e, spelling(u.op));
    ++depth;
    printExpr(*u.operand);
    --depth;
    return;
  }
  case Node::BinaryKind: {
    auto &b = llvm::cast<BinaryExpr>(e);
    line("Binary", e, spelling(b.op));
    ++depth;
    printExpr(*b.lhs);
    printExpr(*b.rhs);
    --depth;
    return;
  }
  case Node::BoolOpKind: {
    auto &b = llvm::cast<BoolOpExpr>(e);
    line("BoolOp", e, spelling(b.op));
    ++depth;
    children(b.values);
    --depth;
    return;
  }
  case Node::CompareKind: {
    auto &c = llvm::cast<CompareExpr>(e);
    std::string ops;
    for (CmpOp op : c.ops)
      ops += (ops.empty() ? "" : ", ") + std::string(spelling(op));
    line("Compare", e, ops);
    ++depth;
    printExpr(*c.left);
    children(c.comparators);
    --depth;
    return;
  }
  case Node::IfExpKind: {
    auto &i = llvm::cast<IfExpExpr>(e);
    line("IfExp", e);
    ++depth;
    labelled("test", i.test.get());
    labelled("body", i.body.get());
    labelled("orelse", i.orelse.get());
    --depth;
    return;
  }
  case Node::LambdaKind: {
    auto &l = llvm::cast<LambdaExpr>(e);
    line("Lambda", e);
    ++depth;
    printParams(l.params);
    labelled("body", l.body.get());
    --depth;
    return;
  }
  case Node::ListKind:
    line("List", e);
    ++depth;
    children(llvm::cast<ListExpr>(e).elts);
    --depth;
    return;
  case Node::TupleKind:
    line("Tuple", e);
    ++depth;
    children(llvm::cast<TupleExpr>(e).elts);
    --depth;
    return;
  case Node::DictKind: {
    auto &d = llvm::cast<DictExpr>(e);
    line("Dict", e);
    ++depth;
    for (size_t i = 0; i < d.keys.size(); ++i) {
      labelled("key", d.keys[i].get());
      labelled("value", d.values[i].get());
    }
    --depth;
    return;
  }
  case Node::ListCompKind: {
    auto &c = llvm::cast<ListCompExpr>(e);
    line("ListComp", e);
    ++depth;
    labelled("elt", c.elt.get());
    printGenerators(c.generators);
    --depth;
    return;
  }
  case Node::DictCompKind: {
    auto &c = llvm::cast<DictCompExpr>(e);
    line("DictComp", e);
    ++depth;
    labelled("key", c.key.get());
    labelled("value", c.value.get());
    printGenerators(c.generators);
    --depth;
    return;
  }
  case Node::GeneratorKind: {
    auto &c = llvm::cast<GeneratorExpr>(e);
    line("Generator", e);
    ++depth;
    labelled("elt", c.elt.get());
    printGenerators(c.generators);
    --depth;
    return;
  }
  default:
    line("<unknown expression>", e);
    return;
  }
}

} // namespace

void printAST(const Module &module, llvm::raw_ostream &os) {
  ASTPrinter(os).printModule(module);
}

} // namespace janus
