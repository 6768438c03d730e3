//===- Objects.h - Layouts of the heap values -----------------------------===//
//
// The heap Objects behind non-inline Values: str, tuple, list, dict, range,
// built-in function, bound method, user class, instance, iterator, dict
// view, slice and cell.
// Compiled code
// and the runtime's own operations (Ops.h) use these layouts directly, so
// they are plain structs with a few helpers, not an abstraction layer.
//
// Instances store attributes the way fast JavaScript engines do: each
// instance points to a AttrShape (the ordered attribute names it has, shared by
// every instance that gained the same attributes in the same order) and
// keeps the values in a vector of slots. A hot `self.x` is then a shape
// compare plus a vector index, which the speculative path can cache per
// site; the AttrShape tree is owned by the class and lives as long as it.
//
// Reference cycles (a list that contains itself, an instance that stores
// itself) are not collected; the subset's models do not build them.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_VALUE_OBJECTS_H
#define JANUS_RUNTIME_VALUE_OBJECTS_H

#include "Value/Value.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace janus::rt {

struct StrObject : Object {
  explicit StrObject(std::string_view text) : Object(Kind::Str), text(text) {}
  std::string text; // UTF-8
};

/// What a tuple stands for. torch's tuple subclasses and a few torch objects
/// without a kind of their own are tuples that print differently:
/// torch.Size ("torch.Size([2, 3])"), torch.return_types.max/min (the
/// (values, indices) pair), a torch.device (items: the type, 'cpu') and a
/// grad_fn node (items: its name and the node's address, for the repr).
enum class TupleFlavor : uint8_t {
  Plain,
  TorchSize,
  ReturnTypesMax,
  ReturnTypesMin,
  TorchDevice,
  GradFn,
};

struct TupleObject : Object {
  explicit TupleObject(std::vector<Value> items,
                       TupleFlavor flavor = TupleFlavor::Plain)
      : Object(Kind::Tuple), items(std::move(items)), flavor(flavor) {}
  std::vector<Value> items; // never changes after construction
  TupleFlavor flavor;
};

struct ListObject : Object {
  explicit ListObject(std::vector<Value> items)
      : Object(Kind::List), items(std::move(items)) {}
  std::vector<Value> items;
};

/// An insertion-ordered hash map, laid out like CPython's compact dict: the
/// entries in insertion order plus an open-addressing index into them.
class DictObject : public Object {
public:
  struct Entry {
    int64_t hash;
    Value key;
    Value value;
    bool live;
  };

  DictObject() : Object(Kind::Dict) {}

  /// Number of keys.
  size_t size() const { return used; }
  /// Sets `found` to the value for `key`, or to null when absent. Fails
  /// only when `key` is unhashable.
  Status find(const Value &key, const Value *&found) const;
  /// d[key] = value. Fails only when `key` is unhashable.
  Status set(const Value &key, Value value);
  /// del d[key]; `removed` says whether it was there.
  Status remove(const Value &key, bool &removed);
  /// d.clear(): no keys left.
  void clear();
  /// All entries in insertion order, removed ones included (live == false).
  const std::vector<Entry> &entries() const { return table; }

private:
  /// The slot in `index` for `key`: the one holding it or the empty one
  /// where it would go.
  size_t probe(int64_t hash, const Value &key) const;
  void rebuildIndex(size_t capacity);

  std::vector<Entry> table;
  std::vector<int32_t> index; // -1 empty; -2 removed; else into `table`
  size_t used = 0;
  size_t filled = 0; // index slots that are not empty
};

struct RangeObject : Object {
  RangeObject(int64_t start, int64_t stop, int64_t step)
      : Object(Kind::Range), start(start), stop(stop), step(step) {}
  int64_t length() const;
  int64_t start, stop, step;
};

/// A built-in callable: a C++ function plus the data it closes over.
using NativeFunction = Status (*)(void *userData, const Value *args,
                                  size_t nargs, Value &result);

/// The same with keyword arguments: the `kwnames.size()` values after the
/// `npos` positionals are passed by keyword.
using NativeKwFunction = Status (*)(void *userData, const Value *args,
                                    size_t npos,
                                    const std::vector<std::string> &kwnames,
                                    Value &result);

struct FunctionObject : Object {
  FunctionObject(std::string_view name, NativeFunction fn, void *userData,
                 void (*destroyUserData)(void *))
      : Object(Kind::Function), name(name), fn(fn), userData(userData),
        destroyUserData(destroyUserData) {}
  ~FunctionObject() {
    if (destroyUserData)
      destroyUserData(userData);
  }
  std::string name;
  NativeFunction fn;
  void *userData;
  void (*destroyUserData)(void *);
  /// Set for functions compiled from Python (janus_exec.h's
  /// janus_rt_make_function): their keyword entry point. They print as
  /// Python functions ("<function f at 0x...>", type name "function").
  NativeKwFunction kwFn = nullptr;
};

/// `obj.method` for a function found on obj's class: calling it passes
/// `self` first.
struct BoundMethodObject : Object {
  BoundMethodObject(Value self, Value function)
      : Object(Kind::BoundMethod), self(std::move(self)),
        function(std::move(function)) {}
  Value self;
  Value function;
};

/// The attribute names an instance has, in the order it gained them. Shapes
/// form a tree rooted at the class; adding attribute `n` to an instance of
/// shape S moves it to S.withAttribute(n), which is shared.
class AttrShape {
public:
  /// The slot holding `name`, or -1.
  int slotOf(std::string_view name) const;
  size_t slotCount() const { return names.size(); }
  const std::vector<std::string> &attributeNames() const { return names; }
  /// This shape plus `name` in a new last slot (created once, then reused).
  AttrShape *withAttribute(std::string_view name);

private:
  std::vector<std::string> names;
  std::unordered_map<std::string, int> slots;
  std::unordered_map<std::string, std::unique_ptr<AttrShape>> transitions;
};

/// A user class: a name, an optional base, class attributes (methods and
/// class variables) and the root of its instances' shape tree.
struct ClassObject : Object {
  ClassObject(std::string_view name, Value base)
      : Object(Kind::Class), name(name), base(std::move(base)),
        rootAttrShape(std::make_unique<AttrShape>()) {}
  /// Looks `name` up here, then in the bases; null when absent.
  const Value *lookup(std::string_view name) const;

  std::string name;
  Value base; // a Class, or None
  std::unordered_map<std::string, Value> attributes;
  std::unique_ptr<AttrShape> rootAttrShape;
};

struct InstanceObject : Object {
  explicit InstanceObject(Value cls)
      : Object(Kind::Instance), cls(std::move(cls)),
        shape(this->cls.as<ClassObject>()->rootAttrShape.get()) {}
  ClassObject *classObject() const { return cls.as<ClassObject>(); }

  Value cls;
  AttrShape *shape;
  std::vector<Value> slots; // slots[i] holds shape->attributeNames()[i]
};

/// A lazy iterator, as CPython's iter(x), enumerate, zip and reversed
/// return: it holds its source and a position, and yields one item per
/// iterNext (Ops.h). One layout serves every iterator type; `source` says
/// which fields are used. Sequences are read at each step (not copied), so a
/// list that grows while it is iterated is seen growing, as in CPython.
struct IteratorObject : Object {
  enum class Source : uint8_t {
    List,        // `base` a list, `index` the next position
    Tuple,       // `base` a tuple
    Str,         // `base` a str, `index` the next byte offset
    Range,       // `base` a range, `index` the next position
    Dict,        // `base` a dict, `index` the next entry of entries();
                 // yields keys, values or items as `dictPart` says
    ReversedSeq, // `base` a list/tuple/str/range, `index` one past the next
                 // position (a byte offset for str), counting down
    ReversedDict, // `base` a dict, `index` one past the next entry; as Dict
    Enumerate,   // `base` an iterator, `index` the next count
    Zip,         // `parts` the iterators, `strict` zip(strict=True)
  };

  IteratorObject(Source source, const char *typeName, Value base)
      : Object(Kind::Iterator), source(source), typeName(typeName),
        base(std::move(base)) {}

  Source source;
  /// type(it).__name__: "list_iterator", "enumerate", "zip", ...
  const char *typeName;
  Value base;
  std::vector<Value> parts;
  int64_t index = 0;
  bool strict = false;
  /// For Dict and ReversedDict: 0 keys, 1 values, 2 (key, value) items.
  uint8_t dictPart = 0;
  /// For Dict and ReversedDict: the dict's size when iteration began (-1
  /// once a change was reported), and how many items are still to come;
  /// a dict that changes while iterated is a RuntimeError, as in CPython.
  int64_t dictSizeSeen = 0;
  int64_t dictItemsLeft = 0;
  /// Set once it has yielded its last item: an exhausted iterator stays
  /// exhausted even if its source grows later.
  bool exhausted = false;
};

/// d.keys(), d.values() or d.items(): a live view of the dict (it sees later
/// changes), iterable, sized, and printed as CPython prints it
/// ("dict_keys([1, 2])").
struct DictViewObject : Object {
  enum class Part : uint8_t { Keys, Values, Items };
  DictViewObject(Value dict, Part part)
      : Object(Kind::DictView), dict(std::move(dict)), part(part) {}
  const DictObject *dictObject() const { return dict.as<DictObject>(); }
  Value dict;
  Part part;
};

/// slice(start, stop, step): each part None or a value (an int for lists,
/// tuples, strs and tensors).
struct SliceObject : Object {
  SliceObject(Value start, Value stop, Value step)
      : Object(Kind::Slice), start(std::move(start)), stop(std::move(stop)),
        step(std::move(step)) {}
  Value start, stop, step;
};

/// A local variable shared between a function and the lambdas that
/// capture it (Python's cell). Only compiled code sees cells: it stores one
/// in the local's slot and reads and writes the variable through it.
struct CellObject : Object {
  CellObject() : Object(Kind::Cell) {}
  Value value;
  bool bound = false;
};

} // namespace janus::rt

#endif // JANUS_RUNTIME_VALUE_OBJECTS_H
