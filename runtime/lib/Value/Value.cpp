//===- Value.cpp - Lifetime, construction, type names and truth -----------===//
//
// The parts of the value model every other file relies on: the object
// header's constructor/destructor (which keep the live-object counter),
// destruction by kind (objects have no vtable: the kind tag says which
// layout to delete), the constructors of Ops.h, type(v).__name__ and
// bool(v). Also the weak default tensor hooks, replaced by the tensor
// library's definitions when it is linked in.
//
//===----------------------------------------------------------------------===//

#include "Value/Ops.h"

#include "Tensor/Tensor.h"

namespace janus::rt {

namespace {
std::atomic<int64_t> liveObjects{0};
} // namespace

// No TensorImpl can exist without the tensor library, whose strong
// definitions replace these; until then a tensor Value is never made.
__attribute__((weak)) void retainTensor(TensorImpl *) {}
__attribute__((weak)) void releaseTensor(TensorImpl *) {}

Object::Object(Kind kind) : objKind(kind) {
  liveObjects.fetch_add(1, std::memory_order_relaxed);
}

Object::~Object() { liveObjects.fetch_sub(1, std::memory_order_relaxed); }

int64_t liveObjectCount() { return liveObjects.load(std::memory_order_relaxed); }

void Object::destroy(Object *object) {
  switch (object->kind()) {
  case Kind::Str:
    delete static_cast<StrObject *>(object);
    return;
  case Kind::Tuple:
    delete static_cast<TupleObject *>(object);
    return;
  case Kind::List:
    delete static_cast<ListObject *>(object);
    return;
  case Kind::Dict:
    delete static_cast<DictObject *>(object);
    return;
  case Kind::Range:
    delete static_cast<RangeObject *>(object);
    return;
  case Kind::Function:
    delete static_cast<FunctionObject *>(object);
    return;
  case Kind::BoundMethod:
    delete static_cast<BoundMethodObject *>(object);
    return;
  case Kind::Class:
    delete static_cast<ClassObject *>(object);
    return;
  case Kind::Instance:
    delete static_cast<InstanceObject *>(object);
    return;
  case Kind::Iterator:
    delete static_cast<IteratorObject *>(object);
    return;
  case Kind::DictView:
    delete static_cast<DictViewObject *>(object);
    return;
  case Kind::Slice:
    delete static_cast<SliceObject *>(object);
    return;
  case Kind::Cell:
    delete static_cast<CellObject *>(object);
    return;
  case Kind::Ellipsis:
  case Kind::None:
  case Kind::Bool:
  case Kind::Int:
  case Kind::Float:
  case Kind::Tensor:
  case Kind::DType:
    break; // not heap objects
  }
}

Value makeStr(std::string_view text) {
  return Value::adopt(new StrObject(text));
}
Value makeTuple(std::vector<Value> items) {
  return Value::adopt(new TupleObject(std::move(items)));
}
Value makeList(std::vector<Value> items) {
  return Value::adopt(new ListObject(std::move(items)));
}
Value makeDict() { return Value::adopt(new DictObject()); }

Status makeRange(int64_t start, int64_t stop, int64_t step, Value &out) {
  if (step == 0)
    return valueError("range() arg 3 must not be zero");
  out = Value::adopt(new RangeObject(start, stop, step));
  return okStatus();
}

Value makeFunction(std::string_view name, NativeFunction fn, void *userData,
                   void (*destroyUserData)(void *)) {
  return Value::adopt(new FunctionObject(name, fn, userData, destroyUserData));
}

Value makeClass(std::string_view name, Value base) {
  return Value::adopt(new ClassObject(name, std::move(base)));
}

Value makeSlice(Value start, Value stop, Value step) {
  return Value::adopt(
      new SliceObject(std::move(start), std::move(stop), std::move(step)));
}

Value makeInstance(const Value &cls) {
  return Value::adopt(new InstanceObject(cls));
}

int64_t RangeObject::length() const {
  // Computed in 128 bits: stop - start can overflow int64.
  __int128 lo = start, hi = stop, st = step;
  if (st > 0)
    return lo < hi ? static_cast<int64_t>((hi - lo - 1) / st + 1) : 0;
  return lo > hi ? static_cast<int64_t>((lo - hi - 1) / -st + 1) : 0;
}

const char *typeName(const Value &v) {
  switch (v.kind()) {
  case Kind::None:
    return "NoneType";
  case Kind::Bool:
    return "bool";
  case Kind::Int:
    return "int";
  case Kind::Float:
    return "float";
  case Kind::Tensor:
    return "Tensor";
  case Kind::DType:
    return "dtype";
  case Kind::Str:
    return "str";
  case Kind::Tuple:
    switch (v.as<TupleObject>()->flavor) {
    case TupleFlavor::Plain:
      break;
    case TupleFlavor::TorchSize:
      return "Size";
    case TupleFlavor::ReturnTypesMax:
      return "max";
    case TupleFlavor::ReturnTypesMin:
      return "min";
    case TupleFlavor::TorchDevice:
      return "device";
    case TupleFlavor::GradFn:
      return v.as<TupleObject>()->items[0].as<StrObject>()->text.c_str();
    }
    return "tuple";
  case Kind::List:
    return "list";
  case Kind::Dict:
    return "dict";
  case Kind::Range:
    return "range";
  case Kind::Function:
    return v.as<FunctionObject>()->kwFn ? "function"
                                        : "builtin_function_or_method";
  case Kind::BoundMethod:
    return "method";
  case Kind::Class:
    return "type";
  case Kind::Instance:
    return v.as<InstanceObject>()->classObject()->name.c_str();
  case Kind::Iterator:
    return v.as<IteratorObject>()->typeName;
  case Kind::DictView:
    switch (v.as<DictViewObject>()->part) {
    case DictViewObject::Part::Keys:
      return "dict_keys";
    case DictViewObject::Part::Values:
      return "dict_values";
    case DictViewObject::Part::Items:
      return "dict_items";
    }
    break;
  case Kind::Slice:
    return "slice";
  case Kind::Ellipsis:
    return "ellipsis";
  case Kind::Cell:
    return "cell";
  }
  return "object";
}

Status truth(const Value &v, bool &out) {
  switch (v.kind()) {
  case Kind::None:
    out = false;
    break;
  case Kind::Bool:
  case Kind::Int:
    out = v.asInt() != 0;
    break;
  case Kind::Float:
    out = v.asFloat() != 0.0; // NaN is true
    break;
  case Kind::Str:
    out = !v.as<StrObject>()->text.empty();
    break;
  case Kind::Tuple:
    out = !v.as<TupleObject>()->items.empty();
    break;
  case Kind::List:
    out = !v.as<ListObject>()->items.empty();
    break;
  case Kind::Dict:
    out = v.as<DictObject>()->size() != 0;
    break;
  case Kind::DictView:
    out = v.as<DictViewObject>()->dictObject()->size() != 0;
    break;
  case Kind::Range:
    out = v.as<RangeObject>()->length() != 0;
    break;
  case Kind::Tensor: {
    // Tensor.__bool__: the one element's truth, else ambiguous.
    int64_t n = v.tensor()->numel();
    if (n != 1)
      return Status(ErrorCode::RuntimeError,
                    n == 0 ? "Boolean value of Tensor with no values is "
                             "ambiguous"
                           : "Boolean value of Tensor with more than one "
                             "value is ambiguous");
    retainTensor(v.tensor());
    Tensor t(v.tensor());
    out = isFloating(t.dtype()) ? itemDouble(t) != 0.0 : itemInt(t) != 0;
    break;
  }
  case Kind::Instance: {
    // CPython's order: the class's __bool__ (which must return a bool),
    // else __len__ != 0, else true.
    const ClassObject *cls = v.as<InstanceObject>()->classObject();
    if (const Value *method = cls->lookup("__bool__")) {
      Value result;
      JANUS_RETURN_IF_ERROR(call(*method, &v, 1, result));
      if (result.kind() != Kind::Bool)
        return typeError(std::string("__bool__ should return bool, returned ") +
                         typeName(result));
      out = result.asBool();
      break;
    }
    if (cls->lookup("__len__")) {
      int64_t n;
      JANUS_RETURN_IF_ERROR(length(v, n));
      out = n != 0;
      break;
    }
    out = true;
    break;
  }
  case Kind::Function:
  case Kind::BoundMethod:
  case Kind::Class:
  case Kind::DType:
  case Kind::Iterator:
  case Kind::Slice:
  case Kind::Ellipsis:
  case Kind::Cell:
    out = true;
    break;
  }
  return okStatus();
}

} // namespace janus::rt
