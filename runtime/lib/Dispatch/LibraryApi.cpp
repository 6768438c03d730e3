//===- LibraryApi.cpp - The library through the C API and by name ---------===//
//
// janus_library_lookup, janus_value_get_attr and janus_value_call_kw (see
// janus.h), and getMember, which resolves `obj.name` for built-in receivers
// through the dispatch table: a method row gives a bound library method, an
// attribute row is evaluated on the spot. Instances fall back to the value
// layer's getAttr. Also the registry of Janus-Python implementations of
// library rows (the compiled pylib), which lookups by name consult before
// the native table.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Autograd.h"
#include "Dispatch/Dispatch.h"
#include "Value/CApiHandles.h"

#include <deque>
#include <mutex>
#include <new>

using namespace janus;
using namespace janus::rt;

namespace {

std::optional<LibReceiver> receiverOf(const Value &v) {
  switch (v.kind()) {
  case Kind::List:
    return LibReceiver::List;
  case Kind::Dict:
    return LibReceiver::Dict;
  case Kind::Str:
    return LibReceiver::Str;
  case Kind::Tensor:
    return LibReceiver::Tensor;
  default:
    return std::nullopt;
  }
}

/// Name -> registered value. Values are never freed or moved (a deque of
/// them), so lookups may hand out pointers that callers cache.
struct Registry {
  std::mutex mutex;
  std::deque<Value> values;
  std::unordered_map<std::string, const Value *> byName;

  static Registry &get() {
    static Registry *registry = new Registry(); // never destroyed
    return *registry;
  }
};

template <typename Body> janus_status_t guarded(Body &&body) {
  try {
    return body().release();
  } catch (const std::bad_alloc &) {
    return Status(ErrorCode::MemoryError, "").release();
  }
}

janus_status_t invalid(const char *message) {
  return Status(ErrorCode::InvalidArgument, message).release();
}

} // namespace

Status janus::rt::getMember(const Value &obj, std::string_view name,
                            Value &out) {
  if (std::optional<LibReceiver> receiver = receiverOf(obj)) {
    const LibEntryInfo *entry =
        LibraryTable::get().lookupMember(*receiver, name);
    if (entry && entry->kind == LibEntryKind::Method) {
      out = makeLibraryMethod(*entry, obj);
      return okStatus();
    }
    if (entry && entry->kind == LibEntryKind::Attribute)
      return bindAndCall(*entry, &obj, nullptr, 0, {}, out);
    return Status(ErrorCode::AttributeError, std::string("'") + typeName(obj) +
                                                 "' object has no attribute '" +
                                                 std::string(name) + "'");
  }
  return getAttr(obj, name, out);
}

void janus::rt::registerLibraryValue(std::string_view qualifiedName,
                                     Value value) {
  Registry &registry = Registry::get();
  std::lock_guard<std::mutex> lock(registry.mutex);
  registry.values.push_back(std::move(value));
  registry.byName[std::string(qualifiedName)] = &registry.values.back();
}

const Value *janus::rt::registeredLibraryValue(std::string_view qualifiedName) {
  Registry &registry = Registry::get();
  std::lock_guard<std::mutex> lock(registry.mutex);
  if (registry.byName.empty())
    return nullptr;
  auto it = registry.byName.find(std::string(qualifiedName));
  return it == registry.byName.end() ? nullptr : it->second;
}

Status janus::rt::lookupLibraryValue(std::string_view qualifiedName,
                                     Value &out) {
  if (const Value *registered = registeredLibraryValue(qualifiedName)) {
    out = *registered;
    return okStatus();
  }
  const LibEntryInfo *entry = LibraryTable::get().lookup(qualifiedName);
  if (!entry)
    return Status(ErrorCode::AttributeError, "the Janus library has no '" +
                                                 std::string(qualifiedName) +
                                                 "'");
  if (entry->kind == LibEntryKind::Constant) {
    if (!entry->impl && entry->constant.isNone())
      return Status(ErrorCode::NotImplementedError,
                    entry->qualifiedName +
                        " is not implemented natively by the Janus runtime");
    out = entry->constant;
    return okStatus();
  }
  out = makeLibraryFunction(*entry);
  return okStatus();
}

extern "C" {

janus_status_t janus_library_lookup(const char *qualified_name,
                                    janus_value_t *out_value) {
  if (!qualified_name || !out_value)
    return invalid("qualified_name and out_value must not be NULL");
  return guarded([&] {
    Value v;
    JANUS_RETURN_IF_ERROR(lookupLibraryValue(qualified_name, v));
    *out_value = newValueHandle(std::move(v));
    return okStatus();
  });
}

janus_status_t janus_value_get_attr(janus_value_t obj, const char *name,
                                    janus_value_t *out_value) {
  if (!obj || !name || !out_value)
    return invalid("obj, name and out_value must not be NULL");
  return guarded([&] {
    Value v;
    JANUS_RETURN_IF_ERROR(getMember(obj->value, name, v));
    *out_value = newValueHandle(std::move(v));
    return okStatus();
  });
}

janus_status_t janus_value_call_kw(janus_value_t fn, const janus_value_t *args,
                                   size_t nargs, const char *const *kwnames,
                                   size_t nkwargs, janus_value_t *out_result) {
  if (!fn || !out_result || (nargs && !args) || (nkwargs && !kwnames))
    return invalid("fn, out_result, args and kwnames must not be NULL");
  if (nkwargs > nargs)
    return invalid("nkwargs must not exceed nargs");
  for (size_t i = 0; i < nargs; ++i)
    if (!args[i])
      return invalid("arguments must not be NULL");
  for (size_t i = 0; i < nkwargs; ++i)
    if (!kwnames[i])
      return invalid("keyword names must not be NULL");
  return guarded([&] {
    // Small calls (the common case) keep their arguments on the stack.
    constexpr size_t InlineArgs = 8;
    Value inlineValues[InlineArgs];
    std::vector<Value> heapValues;
    Value *values = inlineValues;
    if (nargs > InlineArgs) {
      heapValues.resize(nargs);
      values = heapValues.data();
    }
    for (size_t i = 0; i < nargs; ++i)
      values[i] = args[i]->value;
    std::vector<std::string> names(kwnames, kwnames + nkwargs);
    Value result;
    JANUS_RETURN_IF_ERROR(
        callWithKeywords(fn->value, values, nargs - nkwargs, names, result));
    *out_result = newValueHandle(std::move(result));
    return okStatus();
  });
}

void janus_set_grad_enabled(bool enabled, bool *out_previous) {
  if (out_previous)
    *out_previous = isGradEnabled();
  setGradEnabled(enabled);
}

bool janus_is_grad_enabled(void) { return isGradEnabled(); }

} // extern "C"
