//===- Instance.cpp - Shapes, attributes, and calls -----------------------===//
//
// Attribute access on user-class instances and classes, and calling the
// callables the runtime knows: built-in functions, bound methods, classes
// (which make an instance and run __init__ when the class has one) and
// instances whose class has __call__. An instance attribute lives in a
// slot found through the instance's AttrShape; a miss falls back to the
// class chain, and a function found there is bound to the instance, as
// Python's descriptor protocol does for plain functions.
//
//===----------------------------------------------------------------------===//

#include "Value/Ops.h"

namespace janus::rt {

int AttrShape::slotOf(std::string_view name) const {
  // Few attributes: a linear scan beats hashing the name.
  if (names.size() <= 8) {
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == name)
        return static_cast<int>(i);
    return -1;
  }
  auto it = slots.find(std::string(name));
  return it == slots.end() ? -1 : it->second;
}

AttrShape *AttrShape::withAttribute(std::string_view name) {
  std::string key(name);
  auto it = transitions.find(key);
  if (it != transitions.end())
    return it->second.get();
  auto next = std::make_unique<AttrShape>();
  next->names = names;
  next->names.push_back(key);
  next->slots = slots;
  next->slots.emplace(key, static_cast<int>(names.size()));
  AttrShape *result = next.get();
  transitions.emplace(std::move(key), std::move(next));
  return result;
}

const Value *ClassObject::lookup(std::string_view attr) const {
  for (const ClassObject *cls = this; cls;
       cls = cls->base.kind() == Kind::Class ? cls->base.as<ClassObject>()
                                             : nullptr) {
    auto it = cls->attributes.find(std::string(attr));
    if (it != cls->attributes.end())
      return &it->second;
  }
  return nullptr;
}

namespace {

Status noAttribute(const Value &obj, std::string_view name) {
  std::string message =
      obj.kind() == Kind::Class
          ? "type object '" + obj.as<ClassObject>()->name + "'"
          : std::string("'") + typeName(obj) + "' object";
  message += " has no attribute '";
  message += name;
  message += "'";
  return Status(ErrorCode::AttributeError, std::move(message));
}

} // namespace

Status getAttr(const Value &obj, std::string_view name, Value &out) {
  if (obj.kind() == Kind::Instance) {
    const auto *inst = obj.as<InstanceObject>();
    int slot = inst->shape->slotOf(name);
    if (slot >= 0) {
      out = inst->slots[slot];
      return okStatus();
    }
    if (const Value *attr = inst->classObject()->lookup(name)) {
      out = attr->kind() == Kind::Function
                ? Value::adopt(new BoundMethodObject(obj, *attr))
                : *attr;
      return okStatus();
    }
    if (name == "__dict__") {
      // A snapshot (CPython's is live) of the attributes in the order they
      // were first assigned, which is all the pylib's Module._sync needs.
      Value dict = makeDict();
      const std::vector<std::string> &names = inst->shape->attributeNames();
      for (size_t i = 0; i < names.size(); ++i)
        JANUS_RETURN_IF_ERROR(setItem(dict, makeStr(names[i]), inst->slots[i]));
      out = std::move(dict);
      return okStatus();
    }
  } else if (obj.kind() == Kind::Class) {
    if (const Value *attr = obj.as<ClassObject>()->lookup(name)) {
      out = *attr;
      return okStatus();
    }
  }
  return noAttribute(obj, name);
}

Status setAttr(const Value &obj, std::string_view name, Value value) {
  if (obj.kind() == Kind::Instance) {
    auto *inst = obj.as<InstanceObject>();
    int slot = inst->shape->slotOf(name);
    if (slot >= 0) {
      inst->slots[slot] = std::move(value);
    } else {
      inst->shape = inst->shape->withAttribute(name);
      inst->slots.push_back(std::move(value));
    }
    return okStatus();
  }
  if (obj.kind() == Kind::Class) {
    obj.as<ClassObject>()->attributes[std::string(name)] = std::move(value);
    return okStatus();
  }
  return noAttribute(obj, name);
}

std::vector<Value> prependSelf(const Value &self, const Value *args,
                               size_t nargs) {
  std::vector<Value> all;
  all.reserve(nargs + 1);
  all.push_back(self);
  all.insert(all.end(), args, args + nargs);
  return all;
}

Status call(const Value &fn, const Value *args, size_t nargs, Value &out) {
  switch (fn.kind()) {
  case Kind::Function: {
    const auto *f = fn.as<FunctionObject>();
    Value result;
    JANUS_RETURN_IF_ERROR(f->fn(f->userData, args, nargs, result));
    out = std::move(result);
    return okStatus();
  }
  case Kind::BoundMethod: {
    const auto *m = fn.as<BoundMethodObject>();
    std::vector<Value> all = prependSelf(m->self, args, nargs);
    return call(m->function, all.data(), all.size(), out);
  }
  case Kind::Class: {
    Value instance = makeInstance(fn);
    const Value *init = fn.as<ClassObject>()->lookup("__init__");
    if (!init) {
      if (nargs != 0)
        return typeError(fn.as<ClassObject>()->name + "() takes no arguments");
    } else {
      std::vector<Value> all = prependSelf(instance, args, nargs);
      Value result;
      JANUS_RETURN_IF_ERROR(call(*init, all.data(), all.size(), result));
      if (!result.isNone())
        return typeError(std::string("__init__() should return None, not '") +
                         typeName(result) + "'");
    }
    out = std::move(instance);
    return okStatus();
  }
  case Kind::Instance:
    // An instance whose class defines __call__ (nn.Module's runs forward).
    if (const Value *method =
            fn.as<InstanceObject>()->classObject()->lookup("__call__")) {
      std::vector<Value> all = prependSelf(fn, args, nargs);
      return call(*method, all.data(), all.size(), out);
    }
    [[fallthrough]];
  default:
    return typeError(std::string("'") + typeName(fn) +
                     "' object is not callable");
  }
}

} // namespace janus::rt
