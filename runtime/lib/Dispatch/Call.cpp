//===- Call.cpp - Binding and calling library entries at run time ---------===//
//
// bindAndCall turns a call's arguments (positionals, then keyword values
// named by kwnames) into the slot layout of Dispatch.h and calls the
// implementation. The common shape -- positionals only, no `*args` -- is
// bound by a direct copy without building a sig::Binding, because it is on
// the path of every op an application calls through the C API; everything
// else goes through the shared CPython binder so the errors are CPython's.
//
// Library callables are ordinary function values (Kind::Function) whose
// native function is a trampoline taking the entry as user data, so the
// value layer calls them like any other builtin; calls with keywords go
// through callWithKeywords, which recognises the trampoline, and also binds
// keywords for compiled Python functions (FunctionObject::kwFn), their
// bound methods and classes (whose __init__ receives the keywords). An
// nn.Module instance called with keywords runs its forward with them, as
// PyTorch's Module.__call__(*input, **kwargs) does (the pylib's __call__
// passes positionals only).
//
//===----------------------------------------------------------------------===//

#include "Dispatch/Dispatch.h"

using namespace janus;
using namespace janus::rt;

namespace {

/// Slots for up to this many arguments live on the stack.
constexpr size_t InlineSlots = 16;

bool isPositional(const sig::Param &p) {
  return p.kind == sig::Param::PositionalOnly ||
         p.kind == sig::Param::PositionalOrKeyword;
}

/// Fills slot `1 + i` (after self) for parameter i that was not passed.
void fillDefault(const LibEntryInfo &entry, size_t i, Value &slot,
                 uint64_t &present, uint32_t slotIndex) {
  const sig::Param &p = entry.params[i];
  if (p.kind == sig::Param::VarPositional)
    slot = makeTuple({});
  else if (p.kind == sig::Param::VarKeyword)
    slot = makeDict();
  else if (p.hasDefaultValue())
    slot = entry.defaults[i];
  else
    present &= ~(uint64_t(1) << slotIndex);
}

Status callImpl(const LibEntryInfo &entry, Value *slots, uint32_t count,
                uint64_t present, Value &out) {
  LibArgs args;
  args.slots = slots;
  args.count = count;
  args.presentMask = present;
  Value result;
  JANUS_RETURN_IF_ERROR(entry.impl(args, result));
  out = std::move(result);
  return okStatus();
}

Status libraryTrampoline(void *userData, const Value *args, size_t nargs,
                         Value &out) {
  const auto &entry = *static_cast<const LibEntryInfo *>(userData);
  if (!entry.hasSelf)
    return bindAndCall(entry, nullptr, args, nargs, {}, out);
  // A bound method passes self first; an unbound one must be given it.
  if (nargs == 0)
    return typeError("unbound method " + entry.qualifiedName +
                     "() needs an argument");
  return bindAndCall(entry, &args[0], args + 1, nargs - 1, {}, out);
}

/// Whether `method` is the `__call__` of the registered torch.nn.Module
/// (the pylib's, which passes its positionals on to forward).
bool isModuleCall(const Value &method) {
  const Value *module = registeredLibraryValue("torch.nn.Module");
  if (!module || module->kind() != Kind::Class)
    return false;
  const Value *call = module->as<ClassObject>()->lookup("__call__");
  return call && call->is(method);
}

} // namespace

Status janus::rt::bindAndCall(const LibEntryInfo &entry, const Value *self,
                              const Value *args, size_t npos,
                              const std::vector<std::string> &kwnames,
                              Value &out) {
  if (!entry.impl)
    return Status(ErrorCode::NotImplementedError,
                  entry.qualifiedName +
                      " is not implemented natively by the Janus runtime");
  if (entry.hasSelf && !self)
    return Status(ErrorCode::InvalidArgument,
                  entry.qualifiedName + " needs a receiver");
  const size_t numParams = entry.params.size();
  const uint32_t offset = entry.hasSelf ? 1 : 0;
  const uint32_t count = static_cast<uint32_t>(numParams + offset);
  Value inlineSlots[InlineSlots];
  std::vector<Value> heapSlots;
  Value *slots = inlineSlots;
  if (count > InlineSlots) {
    heapSlots.resize(count);
    slots = heapSlots.data();
  }
  uint64_t present = ~uint64_t(0);
  if (self)
    slots[0] = *self;

  // Fast path: positionals only, each landing on a positional parameter.
  bool simple = kwnames.empty() && npos <= numParams;
  for (size_t i = 0; simple && i < npos; ++i)
    simple = isPositional(entry.params[i]);
  if (simple) {
    for (size_t i = 0; i < numParams; ++i) {
      uint32_t slot = static_cast<uint32_t>(i + offset);
      if (i < npos)
        slots[slot] = args[i];
      else if (!entry.params[i].isOptional() &&
               entry.params[i].kind != sig::Param::VarPositional &&
               entry.params[i].kind != sig::Param::VarKeyword) {
        simple = false; // a required argument is missing: let the binder say
        break;
      } else
        fillDefault(entry, i, slots[slot], present, slot);
    }
    if (simple)
      return callImpl(entry, slots, count, present, out);
    present = ~uint64_t(0);
  }

  sig::Binding binding;
  if (std::string err =
          sig::bindCall(entry.qualifiedName, entry.params,
                        static_cast<unsigned>(npos), kwnames, &binding);
      !err.empty())
    return typeError(err);
  for (size_t i = 0; i < numParams; ++i) {
    uint32_t slot = static_cast<uint32_t>(i + offset);
    const sig::Param &p = entry.params[i];
    if (p.kind == sig::Param::VarPositional) {
      std::vector<Value> extra;
      for (int32_t a : binding.extraPositional)
        extra.push_back(args[a]);
      slots[slot] = makeTuple(std::move(extra));
    } else if (p.kind == sig::Param::VarKeyword) {
      Value dict = makeDict();
      for (int32_t a : binding.extraKeywords)
        JANUS_RETURN_IF_ERROR(
            setItem(dict, makeStr(kwnames[a - npos]), args[a]));
      slots[slot] = std::move(dict);
    } else if (binding.source[i] != sig::Binding::Unbound) {
      slots[slot] = args[binding.source[i]];
    } else {
      fillDefault(entry, i, slots[slot], present, slot);
    }
  }
  return callImpl(entry, slots, count, present, out);
}

Value janus::rt::makeLibraryFunction(const LibEntryInfo &entry) {
  return makeFunction(entry.qualifiedName, libraryTrampoline,
                      const_cast<LibEntryInfo *>(&entry));
}

Value janus::rt::makeLibraryMethod(const LibEntryInfo &entry, Value self) {
  Value function = makeFunction(entry.qualifiedName, libraryTrampoline,
                                const_cast<LibEntryInfo *>(&entry));
  return Value::adopt(
      new BoundMethodObject(std::move(self), std::move(function)));
}

const LibEntryInfo *janus::rt::libraryEntryOf(const Value &fn) {
  const Value *f = &fn;
  if (fn.kind() == Kind::BoundMethod)
    f = &fn.as<BoundMethodObject>()->function;
  if (f->kind() != Kind::Function)
    return nullptr;
  const auto *object = f->as<FunctionObject>();
  if (object->fn != libraryTrampoline)
    return nullptr;
  return static_cast<const LibEntryInfo *>(object->userData);
}

Status janus::rt::callWithKeywords(const Value &fn, const Value *args,
                                   size_t npos,
                                   const std::vector<std::string> &kwnames,
                                   Value &out) {
  if (kwnames.empty())
    return call(fn, args, npos, out);
  if (const LibEntryInfo *entry = libraryEntryOf(fn)) {
    const Value *self = fn.kind() == Kind::BoundMethod
                            ? &fn.as<BoundMethodObject>()->self
                            : nullptr;
    return bindAndCall(*entry, self, args, npos, kwnames, out);
  }
  const size_t nargs = npos + kwnames.size();
  switch (fn.kind()) {
  case Kind::Function:
    if (const auto *f = fn.as<FunctionObject>(); f->kwFn) {
      Value result;
      JANUS_RETURN_IF_ERROR(f->kwFn(f->userData, args, npos, kwnames, result));
      out = std::move(result);
      return okStatus();
    }
    break;
  case Kind::BoundMethod: {
    // self first, then the call's own arguments (keywords still last).
    const auto *m = fn.as<BoundMethodObject>();
    std::vector<Value> all = prependSelf(m->self, args, nargs);
    return callWithKeywords(m->function, all.data(), npos + 1, kwnames, out);
  }
  case Kind::Class: {
    const auto *cls = fn.as<ClassObject>();
    const Value *init = cls->lookup("__init__");
    if (!init)
      return typeError(cls->name + "() takes no arguments");
    Value instance = makeInstance(fn);
    std::vector<Value> all = prependSelf(instance, args, nargs);
    Value result;
    JANUS_RETURN_IF_ERROR(
        callWithKeywords(*init, all.data(), npos + 1, kwnames, result));
    if (!result.isNone())
      return typeError(std::string("__init__() should return None, not '") +
                       typeName(result) + "'");
    out = std::move(instance);
    return okStatus();
  }
  case Kind::Instance:
    if (const Value *method =
            fn.as<InstanceObject>()->classObject()->lookup("__call__")) {
      if (isModuleCall(*method)) {
        // PyTorch's Module.__call__(*input, **kwargs) runs
        // forward(*input, **kwargs); the pylib's __call__ cannot take
        // **kwargs, so a call with keywords goes to forward directly.
        Value forward;
        JANUS_RETURN_IF_ERROR(getMember(fn, "forward", forward));
        return callWithKeywords(forward, args, npos, kwnames, out);
      }
      std::vector<Value> all = prependSelf(fn, args, nargs);
      return callWithKeywords(*method, all.data(), npos + 1, kwnames, out);
    }
    [[fallthrough]];
  default:
    return typeError(std::string("'") + typeName(fn) +
                     "' object is not callable");
  }
  return typeError(std::string(typeName(fn)) +
                   "() got an unexpected keyword argument '" + kwnames[0] +
                   "'");
}
