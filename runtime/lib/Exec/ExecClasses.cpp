//===- ExecClasses.cpp - Classes, super() and attributes ------------------===//
//
// janus_rt_make_class builds a user class (Objects.h's ClassObject) with an
// optional base, which may itself be a compiled class: attribute lookup
// walks the base chain. Methods are set on the class with janus_rt_set_attr
// and bound to instances when read. janus_rt_super_attr looks a name up
// from the base of the class whose method is running, as zero-argument
// super() does; a class without a base gets object's (only __init__, which
// accepts no further arguments).
//
// Attribute reads on instances use the site's cache: the instance shape
// and slot index of the last hit, packed in one word and checked against
// the attribute's name before use (a shape's address may be reused once its
// class is gone). Everything else goes to Ops.h's getAttr/setAttr and
// Dispatch's getMember (tensor attributes, bound library methods).
//
//===----------------------------------------------------------------------===//

#include "Exec/ExecInternal.h"

#include "Dispatch/TorchOps.h"

using namespace janus;
using namespace janus::rt;
using namespace janus::rt::exec;

namespace {

/// object.__init__ bound to an instance: super().__init__() in a class
/// without a base.
Status objectInit(void *, const Value *args, size_t nargs, Value &out) {
  if (nargs != 1)
    return typeError("object.__init__() takes exactly one argument (the "
                     "instance to initialize)");
  out = Value();
  return okStatus();
}

constexpr uint64_t SlotBits = 16;
constexpr uint64_t SlotMask = (uint64_t(1) << SlotBits) - 1;

/// The slot of `name` in `inst`, through the site's cache; -1 if absent.
int instanceSlot(SiteData &data, const InstanceObject *inst) {
  uint64_t packed = data.attrSlot.load(std::memory_order_relaxed);
  auto *shape = reinterpret_cast<const AttrShape *>(packed >> SlotBits);
  auto slot = static_cast<size_t>(packed & SlotMask);
  if (shape == inst->shape && slot < inst->slots.size() &&
      shape->attributeNames()[slot] == data.name)
    return static_cast<int>(slot);
  int found = inst->shape->slotOf(data.name);
  if (found >= 0 && static_cast<uint64_t>(found) < SlotMask)
    data.attrSlot.store((reinterpret_cast<uint64_t>(inst->shape) << SlotBits) |
                            static_cast<uint64_t>(found),
                        std::memory_order_relaxed);
  return found;
}

Status setMember(SiteData &data, const Value &obj, const Value &value) {
  if (obj.kind() == Kind::Instance) {
    auto *inst = obj.as<InstanceObject>();
    int slot = instanceSlot(data, inst);
    if (slot >= 0) {
      inst->slots[slot] = value;
      return okStatus();
    }
    return setAttr(obj, data.name, value);
  }
  if (obj.kind() == Kind::Tensor) {
    const LibEntryInfo *entry =
        LibraryTable::get().lookupMember(LibReceiver::Tensor, data.name);
    if (entry && entry->kind == LibEntryKind::Attribute)
      return setTensorAttribute(obj, entry->id, value);
  }
  return setAttr(obj, data.name, value);
}

} // namespace

extern "C" {

janus_rt_value janus_rt_make_class(const char *name, int64_t size,
                                   janus_rt_value base) {
  return guard([&] {
    Value baseClass;
    if (!isUnbound(base)) {
      Borrowed b(base);
      if (b->kind() != Kind::Class && !b->isNone())
        return fail(
            typeError(std::string("a class base must be a class, not '") +
                      typeName(*b) + "'"));
      baseClass = *b;
    }
    return give(makeClass(std::string_view(name, static_cast<size_t>(size)),
                          std::move(baseClass)));
  });
}

janus_rt_value janus_rt_super_attr(janus_rt_site *site, janus_rt_value cls,
                                   janus_rt_value self) {
  return guard([&] {
    Borrowed c(cls), s(self);
    SiteData &data = siteData(site);
    if (c->kind() != Kind::Class)
      return fail(typeError("super(type, obj): obj must be an instance or "
                            "subtype of type"));
    const Value &base = c->as<ClassObject>()->base;
    const Value *attr = base.kind() == Kind::Class
                            ? base.as<ClassObject>()->lookup(data.name)
                            : nullptr;
    if (!attr) {
      if (data.name == "__init__")
        return give(Value::adopt(new BoundMethodObject(
            *s, makeFunction("object.__init__", objectInit))));
      return fail(
          Status(ErrorCode::AttributeError,
                 "'super' object has no attribute '" + data.name + "'"));
    }
    if (attr->kind() == Kind::Function)
      return give(Value::adopt(new BoundMethodObject(*s, *attr)));
    return give(*attr);
  });
}

janus_rt_value janus_rt_get_attr(janus_rt_site *site, janus_rt_value obj) {
  return guard([&] {
    Borrowed o(obj);
    SiteData &data = siteData(site);
    if (o->kind() == Kind::Instance) {
      const auto *inst = o->as<InstanceObject>();
      int slot = instanceSlot(data, inst);
      if (slot >= 0)
        return give(inst->slots[slot]);
      // A library function stored on the class is a builtin: not bound.
      if (const Value *attr = inst->classObject()->lookup(data.name);
          attr && libraryEntryOf(*attr))
        return give(*attr);
    }
    Value out;
    return produce(getMember(*o, data.name, out), out);
  });
}

int32_t janus_rt_set_attr(janus_rt_site *site, janus_rt_value obj,
                          janus_rt_value value) {
  return guard([&]() -> int32_t {
    Borrowed o(obj), v(value);
    Status status = setMember(siteData(site), *o, *v);
    return status.ok() ? 0 : failInt(std::move(status));
  });
}

} // extern "C"
