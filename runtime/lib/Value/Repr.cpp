//===- Repr.cpp - repr() and str() exactly as CPython prints them ---------===//
//
// Scalars go through the formatting library (Format/PyFormat.h), which
// reproduces CPython's float and str repr byte for byte; containers add
// CPython's punctuation ("(1,)", "{'a': 1}", "range(0, 5)") and its guard
// against self-reference ("[[...]]", "{1: {...}}"), kept per thread like
// Py_ReprEnter. Objects without a value repr print as CPython's default
// ("<__main__.Foo object at 0x...>", "<class '__main__.Foo'>"). Tensors
// print as PyTorch does (Tensor/Print.h). An instance of a user class
// prints through its class's __repr__ (and str() through __str__, else
// __repr__), which must return a str. repr()/str() return plain text for
// their many callers that build messages; a method's error is kept per
// thread instead, and reprChecked/strChecked (print, str(), f-strings)
// return it. After one error no further user method runs, as CPython
// stops at the first.
//
//===----------------------------------------------------------------------===//

#include "Value/Ops.h"

#include "Autograd/Autograd.h"
#include "Format/PyFormat.h"
#include "Tensor/Print.h"
#include "Tensor/Tensor.h"

#include <algorithm>
#include <cstdio>

namespace janus::rt {

namespace {

/// The containers whose repr is being built on this thread.
thread_local std::vector<const Object *> reprStack;

/// Marks a container as being printed for as long as it lives.
class ReprGuard {
public:
  explicit ReprGuard(const Object *object) : object(object) {
    recursive = std::find(reprStack.begin(), reprStack.end(), object) !=
                reprStack.end();
    if (!recursive)
      reprStack.push_back(object);
  }
  ~ReprGuard() {
    if (!recursive)
      reprStack.pop_back();
  }
  bool isRecursive() const { return recursive; }

private:
  const Object *object;
  bool recursive;
};

std::string address(const void *p) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%p", p);
  return buffer;
}

/// The first error a user __repr__/__str__ raised since the innermost
/// reprChecked/strChecked began on this thread, and how many of those are
/// running. Outside them an error only empties the method's text: the
/// plain repr()/str() build messages, and must leave no state behind.
thread_local Status userTextError;
thread_local int checkedDepth = 0;

/// self.__repr__() or self.__str__() (`name`): its text, or "" with the
/// error kept in userTextError.
std::string userText(const Value &method, const Value &self, const char *name) {
  if (checkedDepth > 0 && !userTextError.ok())
    return "";
  Value result;
  Status status = call(method, &self, 1, result);
  if (status.ok() && result.kind() != Kind::Str)
    status = typeError(std::string(name) + " returned non-string (type " +
                       typeName(result) + ")");
  if (!status.ok()) {
    if (checkedDepth > 0)
      userTextError = std::move(status);
    return "";
  }
  return result.as<StrObject>()->text;
}

/// Runs `text` (repr or str) with its own userTextError, restoring the
/// enclosing one (a user __repr__ may itself format values).
template <typename Fn>
Status checkedText(const Value &v, Fn text, std::string &out) {
  Status outer = std::move(userTextError);
  userTextError = okStatus();
  ++checkedDepth;
  std::string result = text(v);
  --checkedDepth;
  Status status = std::move(userTextError);
  userTextError = std::move(outer);
  if (status.ok())
    out = std::move(result);
  return status;
}

void appendItems(std::string &out, const std::vector<Value> &items) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i)
      out += ", ";
    out += repr(items[i]);
  }
}

} // namespace

std::string repr(const Value &v) {
  switch (v.kind()) {
  case Kind::None:
    return strNone();
  case Kind::Bool:
    return strBool(v.asBool());
  case Kind::Int:
    return strInt(v.asInt());
  case Kind::Float:
    return reprFloat(v.asFloat());
  case Kind::Str:
    return reprStr(v.as<StrObject>()->text);
  case Kind::Tensor: {
    // torch's repr, with requires_grad=True or grad_fn=<...> after the data.
    retainTensor(v.tensor());
    Tensor t(v.tensor());
    TensorReprSuffix suffix;
    suffix.RequiresGrad = requiresGrad(t);
    if (const char *name = gradFnName(t))
      suffix.GradFnName = name;
    // Parameter.__repr__: 'Parameter containing:\n' + Tensor.__repr__.
    if (v.tensor()->isParameter())
      return "Parameter containing:\n" + formatTensor(t, suffix);
    return formatTensor(t, suffix);
  }
  case Kind::DType:
    return std::string("torch.") +
           dtypePythonName(static_cast<DType>(v.dtypeCode()));
  case Kind::List: {
    ReprGuard guard(v.object());
    if (guard.isRecursive())
      return "[...]";
    std::string out = "[";
    appendItems(out, v.as<ListObject>()->items);
    return out + "]";
  }
  case Kind::Tuple: {
    ReprGuard guard(v.object());
    if (guard.isRecursive())
      return "(...)";
    const auto *tuple = v.as<TupleObject>();
    const auto &items = tuple->items;
    switch (tuple->flavor) {
    case TupleFlavor::Plain:
      break;
    case TupleFlavor::TorchSize: {
      std::string out = "torch.Size([";
      appendItems(out, items);
      return out + "])";
    }
    case TupleFlavor::ReturnTypesMax:
    case TupleFlavor::ReturnTypesMin:
      return std::string("torch.return_types.") +
             (tuple->flavor == TupleFlavor::ReturnTypesMax ? "max" : "min") +
             "(\nvalues=" + repr(items[0]) + ",\nindices=" + repr(items[1]) +
             ")";
    case TupleFlavor::TorchDevice:
      return "device(type=" + repr(items[0]) + ")";
    case TupleFlavor::GradFn:
      return "<" + str(items[0]) + " object at " + str(items[1]) + ">";
    }
    std::string out = "(";
    appendItems(out, items);
    return out + (items.size() == 1 ? ",)" : ")");
  }
  case Kind::Dict: {
    ReprGuard guard(v.object());
    if (guard.isRecursive())
      return "{...}";
    std::string out = "{";
    bool first = true;
    for (const auto &e : v.as<DictObject>()->entries()) {
      if (!e.live)
        continue;
      if (!first)
        out += ", ";
      first = false;
      out += repr(e.key);
      out += ": ";
      out += repr(e.value);
    }
    return out + "}";
  }
  case Kind::Range: {
    const auto *r = v.as<RangeObject>();
    std::string out = "range(" + strInt(r->start) + ", " + strInt(r->stop);
    if (r->step != 1)
      out += ", " + strInt(r->step);
    return out + ")";
  }
  case Kind::Function:
    if (v.as<FunctionObject>()->kwFn)
      return "<function " + v.as<FunctionObject>()->name + " at " +
             address(v.object()) + ">";
    return "<built-in function " + v.as<FunctionObject>()->name + ">";
  case Kind::BoundMethod: {
    const auto *m = v.as<BoundMethodObject>();
    std::string name = m->function.kind() == Kind::Function
                           ? m->function.as<FunctionObject>()->name
                           : repr(m->function);
    return "<bound method " + name + " of " + repr(m->self) + ">";
  }
  case Kind::Class:
    return "<class '__main__." + v.as<ClassObject>()->name + "'>";
  case Kind::Instance:
    if (const Value *method =
            v.as<InstanceObject>()->classObject()->lookup("__repr__"))
      return userText(*method, v, "__repr__");
    return "<__main__." + v.as<InstanceObject>()->classObject()->name +
           " object at " + address(v.object()) + ">";
  case Kind::Iterator:
    return std::string("<") + typeName(v) + " object at " +
           address(v.object()) + ">";
  case Kind::DictView: {
    // dict_keys([1, 2]): the items as a list would print.
    ReprGuard guard(v.object());
    if (guard.isRecursive())
      return "...";
    std::vector<Value> items;
    if (!collectItems(v, items).ok())
      return "<dict view>";
    std::string out = std::string(typeName(v)) + "([";
    appendItems(out, items);
    return out + "])";
  }
  case Kind::Slice: {
    const auto *s = v.as<SliceObject>();
    return "slice(" + repr(s->start) + ", " + repr(s->stop) + ", " +
           repr(s->step) + ")";
  }
  case Kind::Ellipsis:
    return "Ellipsis";
  case Kind::Cell:
    return "<cell at " + address(v.object()) + ">";
  }
  return "<object>";
}

std::string str(const Value &v) {
  if (v.kind() == Kind::Str)
    return v.as<StrObject>()->text;
  if (v.kind() == Kind::Tuple &&
      v.as<TupleObject>()->flavor == TupleFlavor::TorchDevice)
    return str(v.as<TupleObject>()->items[0]); // print(x.device): cpu
  if (v.kind() == Kind::Instance)
    if (const Value *method =
            v.as<InstanceObject>()->classObject()->lookup("__str__"))
      return userText(*method, v, "__str__");
  return repr(v);
}

Status reprChecked(const Value &v, std::string &out) {
  return checkedText(
      v, [](const Value &x) { return repr(x); }, out);
}

Status strChecked(const Value &v, std::string &out) {
  return checkedText(
      v, [](const Value &x) { return str(x); }, out);
}

} // namespace janus::rt
