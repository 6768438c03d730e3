//===- ExecSlots.cpp - Locals, globals, cells, strings, with, assert ------===//
//
// Slots are janus_rt_value words owned by generated code (a frame's locals,
// a module's globals); an empty one has kind JANUS_RT_UNBOUND_KIND. Reading
// an empty slot is CPython 3.11's NameError ("name 'x' is not defined") for
// a global and UnboundLocalError ("cannot access local variable 'x' where
// it is not associated with a value") for a local. A local that a lambda
// captures lives in a cell (Objects.h's CellObject) stored in its slot;
// is_cell reads and writes through it (2: a free variable, whose unbound
// read is NameError "cannot access free variable ...").
// janus_rt_global_lookup reads a module's global by name (the body of the
// exported __janus_global_<module>).
//
// Also here: f-string pieces (format with a conversion, then joining),
// `assert`, and `with` (__enter__ / __exit__(None, None, None), which is
// how torch.no_grad() and user context managers run).
//
//===----------------------------------------------------------------------===//

#include "Exec/ExecInternal.h"

#include "Dispatch/BuiltinsUtil.h"

#include <cstring>

using namespace janus;
using namespace janus::rt;
using namespace janus::rt::exec;

namespace {

Status unboundError(const char *name, bool isGlobal, bool isFree = false) {
  std::string n = name ? name : "?";
  if (isFree)
    return Status(ErrorCode::NameError,
                  "cannot access free variable '" + n +
                      "' where it is not associated with a value in "
                      "enclosing scope");
  if (isGlobal)
    return Status(ErrorCode::NameError, "name '" + n + "' is not defined");
  return Status(ErrorCode::UnboundLocalError,
                "cannot access local variable '" + n +
                    "' where it is not associated with a value");
}

/// The cell in a slot, or null when the slot holds none.
CellObject *cellIn(const janus_rt_value *slot) {
  if (slot->kind != JANUS_VALUE_CELL)
    return nullptr;
  return reinterpret_cast<CellObject *>(static_cast<uintptr_t>(slot->bits));
}

/// receiver.<name>(*args) for the context-manager protocol; `missing` says
/// whether the receiver lacked the method.
Status callSpecial(const Value &receiver, const char *name, const Value *args,
                   size_t nargs, Value &out, bool &missing) {
  missing = false;
  Value method;
  if (receiver.kind() == Kind::Instance) {
    if (!getAttr(receiver, name, method).ok()) {
      missing = true;
      return okStatus();
    }
  } else {
    missing = true;
    return okStatus();
  }
  return call(method, args, nargs, out);
}

} // namespace

extern "C" {

janus_rt_value janus_rt_load_slot(const janus_rt_value *slot, const char *name,
                                  int32_t is_global, int32_t is_cell) {
  if (is_cell) {
    if (CellObject *cell = cellIn(slot)) {
      if (!cell->bound)
        return fail(unboundError(name, false, is_cell == 2));
      return guard([&] { return give(cell->value); });
    }
  }
  if (isUnbound(*slot))
    return fail(unboundError(name, is_global != 0));
  janus_rt_retain(*slot);
  return *slot;
}

janus_rt_value janus_rt_global_lookup(const char *const *names,
                                      janus_rt_value *const *slots, int64_t n,
                                      const char *name) {
  if (name)
    for (int64_t i = 0; i < n; ++i)
      if (std::strcmp(names[i], name) == 0) {
        janus_rt_retain(*slots[i]);
        return *slots[i];
      }
  return janus_rt_value{JANUS_RT_UNBOUND_KIND, 0};
}

void janus_rt_store_slot(janus_rt_value *slot, janus_rt_value value,
                         int32_t is_cell) {
  janus_rt_retain(value);
  if (is_cell) {
    if (CellObject *cell = cellIn(slot)) {
      cell->value = adopt(value);
      cell->bound = true;
      return;
    }
  }
  janus_rt_value old = *slot;
  *slot = value;
  janus_rt_release(old);
}

int32_t janus_rt_del_slot(janus_rt_value *slot, const char *name,
                          int32_t is_global, int32_t is_cell) {
  if (is_cell) {
    if (CellObject *cell = cellIn(slot)) {
      if (!cell->bound)
        return failInt(unboundError(name, false, is_cell == 2));
      Value old = std::move(cell->value);
      cell->value = Value();
      cell->bound = false;
      return 0;
    }
  }
  if (isUnbound(*slot))
    return failInt(unboundError(name, is_global != 0));
  janus_rt_value old = *slot;
  *slot = unboundValue();
  janus_rt_release(old);
  return 0;
}

janus_rt_value janus_rt_cell_new(void) {
  return guard([] { return give(Value::adopt(new CellObject())); });
}

janus_rt_value janus_rt_format(janus_rt_value v, int32_t conversion,
                               const char *spec, int64_t spec_size) {
  return guard([&] {
    Borrowed value(v);
    Value converted;
    switch (conversion) {
    case 0:
      converted = *value;
      break;
    case 's':
    case 'r': {
      std::string text;
      if (Status status = conversion == 's' ? strChecked(*value, text)
                                            : reprChecked(*value, text);
          !status.ok())
        return fail(std::move(status));
      converted = makeStr(text);
      break;
    }
    case 'a':
      converted = makeStr(value->kind() == Kind::Str
                              ? asciiStr(value->as<StrObject>()->text)
                              : repr(*value));
      break;
    default:
      return fail(valueError("Unknown conversion specifier " +
                             std::string(1, static_cast<char>(conversion))));
    }
    std::string text;
    std::string_view formatSpec =
        spec ? std::string_view(spec, static_cast<size_t>(spec_size))
             : std::string_view();
    if (Status status = formatValue(converted, formatSpec, text); !status.ok())
      return fail(std::move(status));
    return give(makeStr(text));
  });
}

janus_rt_value janus_rt_join_strings(const janus_rt_value *parts, int64_t n) {
  return guard([&] {
    std::string text;
    for (int64_t i = 0; i < n; ++i) {
      Borrowed part(parts[i]);
      if (part->kind() != Kind::Str)
        return fail(typeError(std::string("sequence item ") +
                              std::to_string(i) + ": expected str instance, " +
                              typeName(*part) + " found"));
      text += part->as<StrObject>()->text;
    }
    return give(makeStr(text));
  });
}

void janus_rt_assert_fail(janus_rt_value message) {
  guard([&] {
    std::string text;
    if (!isUnbound(message) && !isError(message)) {
      Borrowed m(message);
      text = str(*m);
    }
    setPending(Status(ErrorCode::AssertionError, std::move(text)));
    return 0;
  });
}

janus_rt_value janus_rt_enter(janus_rt_value context) {
  return guard([&] {
    Borrowed ctx(context);
    Value out;
    bool missing = false;
    Status status = callSpecial(*ctx, "__enter__", &*ctx, 0, out, missing);
    if (missing)
      return fail(typeError(std::string("'") + typeName(*ctx) +
                            "' object does not support the context manager "
                            "protocol"));
    return produce(std::move(status), out);
  });
}

int32_t janus_rt_exit(janus_rt_value context) {
  return guard([&] {
    Borrowed ctx(context);
    Value none[3];
    Value out;
    bool missing = false;
    Status status = callSpecial(*ctx, "__exit__", none, 3, out, missing);
    if (missing)
      return failInt(typeError(std::string("'") + typeName(*ctx) +
                               "' object does not support the context "
                               "manager protocol"));
    return status.ok() ? 0 : failInt(std::move(status));
  });
}

} // extern "C"
