//===- DynOps.td - The dyn dialect: Python semantics on boxed values ------===//
//
// `dyn` is what MLIRGen produces from a Janus Python module: one op per
// Python-level operation on boxed values (`!dyn.value`), in func.func bodies
// whose control flow is an unstructured CFG (cf.br / cf.cond_br). Nothing is
// typed or specialised here; the generic lowering (DynToLLVM) turns every op
// into calls of the runtime's execution ABI (runtime/include/janus/
// janus_exec.h), and the speculation passes refine it using a profile.
//
// Conventions every pass and the lowering rely on (checked by the verifier of
// func.func-level invariants in DynOps.cpp, `dyn.verify_invariants`):
//  * A `!dyn.value` result is an owned reference. It is used only inside the
//    block that defines it; values that must survive a branch go through a
//    local slot (dyn.store_local / dyn.load_local). That keeps reference
//    counting and error cleanup local to a block.
//  * Operands are borrowed: no op consumes a reference.
//  * Any op marked `Fallible` may raise a Python exception; the lowering
//    branches to the function's unwind path, which records the op's
//    location in the traceback.
//  * A branch from a loop's test into the loop's body (the has_item branch
//    of a `for`, the branches of a `while` condition that continue the
//    loop) carries `dyn.loop_body = N : i32`, N the index of the body among
//    its successors. Passes use it to tell the test from the body
//    (janus-insert-profile-probes counts iterations there).
//  * Names are never empty. An attribute, method or class name (get_attr,
//    set_attr, call_method, super_attr, make_class) is a Python identifier,
//    as the lexer's NAME token guarantees for MLIRGen's output; a local
//    slot's name (load_local, store_local, del_local, local_cell) is any
//    non-empty string, since MLIRGen's hidden slots (`$t.0`, `$comp.1.x`,
//    `$Net.x`) are deliberately not identifiers.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_DIALECT_DYN_OPS
#define JANUS_DIALECT_DYN_OPS

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/CallInterfaces.td"

//===----------------------------------------------------------------------===//
// Dialect and type
//===----------------------------------------------------------------------===//

def Dyn_Dialect : Dialect {
  let name = "dyn";
  let cppNamespace = "::janus::dyn";
  let summary = "Python-level semantics of Janus Python on boxed values";
  let description = [{
    The dynamic dialect models a Janus Python program exactly as CPython runs
    it: every value is a boxed, reference-counted `!dyn.value` (None, bool,
    int, float, str, containers, functions, classes, instances, tensors), and
    every operation dispatches on the run-time types of its operands. It is
    the input of the accurate path (lowered to runtime calls) and of the
    speculation passes.
  }];
  let useDefaultTypePrinterParser = 1;
  let extraClassDeclaration = [{
    void registerTypes();
  }];
}

class Dyn_Type<string name, string typeMnemonic> :
    TypeDef<Dyn_Dialect, name> {
  let mnemonic = typeMnemonic;
}

def Dyn_ValueType : Dyn_Type<"Value", "value"> {
  let summary = "a boxed Python value";
  let description = [{
    A reference-counted handle to any Python value of the subset. An SSA
    value of this type owns one reference.
  }];
}

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Dyn_BinaryKind : I32EnumAttr<"BinaryKind", "Python binary operator", [
  I32EnumAttrCase<"Add", 0, "add">, I32EnumAttrCase<"Sub", 1, "sub">,
  I32EnumAttrCase<"Mul", 2, "mul">, I32EnumAttrCase<"Truediv", 3, "truediv">,
  I32EnumAttrCase<"Floordiv", 4, "floordiv">, I32EnumAttrCase<"Mod", 5, "mod">,
  I32EnumAttrCase<"Pow", 6, "pow">, I32EnumAttrCase<"Matmul", 7, "matmul">]> {
  let cppNamespace = "::janus::dyn";
}

def Dyn_UnaryKind : I32EnumAttr<"UnaryKind", "Python unary operator", [
  I32EnumAttrCase<"Neg", 0, "neg">, I32EnumAttrCase<"Pos", 1, "pos">,
  I32EnumAttrCase<"Not", 2, "not">]> {
  let cppNamespace = "::janus::dyn";
}

def Dyn_CompareKind : I32EnumAttr<"CompareKind", "Python comparison", [
  I32EnumAttrCase<"Eq", 0, "eq">, I32EnumAttrCase<"Ne", 1, "ne">,
  I32EnumAttrCase<"Lt", 2, "lt">, I32EnumAttrCase<"Le", 3, "le">,
  I32EnumAttrCase<"Gt", 4, "gt">, I32EnumAttrCase<"Ge", 5, "ge">,
  I32EnumAttrCase<"In", 6, "in">, I32EnumAttrCase<"NotIn", 7, "not_in">]> {
  let cppNamespace = "::janus::dyn";
}

//===----------------------------------------------------------------------===//
// Base op classes
//===----------------------------------------------------------------------===//

class Dyn_Op<string mnemonic, list<Trait> traits = []> :
    Op<Dyn_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def Dyn_NoneOp : Dyn_Op<"none"> {
  let summary = "the None value";
  let description = [{
    ```mlir
    %0 = dyn.none
    ```
  }];
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "attr-dict";
}

def Dyn_EllipsisOp : Dyn_Op<"ellipsis"> {
  let summary = "the Ellipsis value (`...`)";
  let description = [{
    ```mlir
    %0 = dyn.ellipsis
    ```
  }];
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "attr-dict";
}

def Dyn_ConstantOp : Dyn_Op<"constant"> {
  let summary = "a bool, int, float or str literal";
  let description = [{
    Boxes a literal. The attribute's type says which Python type: `i1` is a
    bool, `i64` an int, `f64` a float, a string attribute a str.

    ```mlir
    %0 = dyn.constant 42 : i64
    %1 = dyn.constant 2.5 : f64
    %2 = dyn.constant true
    %3 = dyn.constant "hello"
    ```
  }];
  let arguments = (ins AnyAttrOf<[BoolAttr, I64Attr, F64Attr, StrAttr]>:$value);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$value attr-dict";
}

//===----------------------------------------------------------------------===//
// Operators and truth
//===----------------------------------------------------------------------===//

def Dyn_BinaryOp : Dyn_Op<"binary"> {
  let summary = "a Python binary operator (`a + b`, `a @ b`, ...)";
  let description = [{
    `inplace` is the augmented form (`a += b`): it calls `__iadd__` where the
    type has one (tensors update in place, lists extend) and falls back to
    the plain operator otherwise, exactly as CPython.

    ```mlir
    %2 = dyn.binary add %0, %1
    %3 = dyn.binary floordiv inplace %2, %1
    ```
  }];
  let arguments = (ins Dyn_BinaryKind:$kind, UnitAttr:$inplace,
                       Dyn_ValueType:$lhs, Dyn_ValueType:$rhs);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$kind (`inplace` $inplace^)? $lhs `,` $rhs attr-dict";
}

def Dyn_UnaryOp : Dyn_Op<"unary"> {
  let summary = "a Python unary operator (`-a`, `+a`, `not a`)";
  let description = [{
    ```mlir
    %1 = dyn.unary neg %0
    %2 = dyn.unary not %0
    ```
  }];
  let arguments = (ins Dyn_UnaryKind:$kind, Dyn_ValueType:$operand);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$kind $operand attr-dict";
}

def Dyn_CompareOp : Dyn_Op<"compare"> {
  let summary = "one Python comparison (`a < b`, `a in b`, ...)";
  let description = [{
    The result is a value, not an i1: comparing tensors gives a tensor.
    Chained comparisons are a CFG of these ops built by MLIRGen.

    ```mlir
    %2 = dyn.compare lt %0, %1
    %3 = dyn.compare not_in %0, %1
    ```
  }];
  let arguments = (ins Dyn_CompareKind:$kind, Dyn_ValueType:$lhs, Dyn_ValueType:$rhs);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$kind $lhs `,` $rhs attr-dict";
}

def Dyn_IsOp : Dyn_Op<"is", [Pure]> {
  let summary = "object identity (`a is b`)";
  let description = [{
    ```mlir
    %2 = dyn.is %0, %1
    ```
  }];
  let arguments = (ins Dyn_ValueType:$lhs, Dyn_ValueType:$rhs);
  let results = (outs I1:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict";
}

def Dyn_TruthOp : Dyn_Op<"truth"> {
  let summary = "Python truth test (`bool(x)`) as an i1 for branching";
  let description = [{
    Fails like CPython for values without a truth value (a tensor with more
    than one element).

    ```mlir
    %1 = dyn.truth %0
    cf.cond_br %1, ^then, ^else
    ```
  }];
  let arguments = (ins Dyn_ValueType:$operand);
  let results = (outs I1:$result);
  let assemblyFormat = "$operand attr-dict";
}

def Dyn_FromBoolOp : Dyn_Op<"from_bool"> {
  let summary = "boxes an i1 as True or False";
  let description = [{
    ```mlir
    %1 = dyn.from_bool %0
    ```
  }];
  let arguments = (ins I1:$operand);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$operand attr-dict";
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

def Dyn_CallOp : Dyn_Op<"call"> {
  let summary = "calls a callable value";
  let description = [{
    `callee(*args)`; the last `kwnames.size()` arguments are passed by
    keyword under those names.

    ```mlir
    %r = dyn.call %f(%a, %b) {kwnames = ["dim"]}
    ```
  }];
  let arguments = (ins Dyn_ValueType:$callee, Variadic<Dyn_ValueType>:$args,
                       DefaultValuedAttr<StrArrayAttr, "{}">:$kwnames);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$callee `(` $args `)` attr-dict";
  let hasVerifier = 1;
}

def Dyn_CallMethodOp : Dyn_Op<"call_method"> {
  let summary = "calls a method by name (`obj.name(args)`)";
  let description = [{
    Equivalent to `dyn.get_attr` then `dyn.call`, without creating the bound
    method object. Works for user classes, tensors, lists, dicts and str.

    ```mlir
    %r = dyn.call_method %x "view"(%a, %b)
    ```
  }];
  let arguments = (ins Dyn_ValueType:$receiver, StrAttr:$name,
                       Variadic<Dyn_ValueType>:$args,
                       DefaultValuedAttr<StrArrayAttr, "{}">:$kwnames);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$receiver $name `(` $args `)` attr-dict";
  let hasVerifier = 1;
}

def Dyn_CallLibraryOp : Dyn_Op<"call_library"> {
  let summary = "calls a library function or class by qualified name";
  let description = [{
    `name` is a row of the library table (runtime/include/janus/Library.def)
    as Sema resolved it, e.g. `torch.matmul`, `print`, `math.sqrt`; the
    runtime binds the arguments against the row's signature.

    ```mlir
    %r = dyn.call_library "torch.zeros"(%n, %m) {kwnames = []}
    ```
  }];
  let arguments = (ins StrAttr:$name, Variadic<Dyn_ValueType>:$args,
                       DefaultValuedAttr<StrArrayAttr, "{}">:$kwnames);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$name `(` $args `)` attr-dict";
  let hasVerifier = 1;
}

def Dyn_LibraryValueOp : Dyn_Op<"library_value"> {
  let summary = "a library function, class or constant as a value";
  let description = [{
    `torch.float32`, `math.pi`, `F.relu` used as a value, `nn.Module` as a
    base class.

    ```mlir
    %0 = dyn.library_value "torch.float32"
    ```
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$name attr-dict";
}

def Dyn_CallDirectOp : Dyn_Op<"call_direct",
    [CallOpInterface, DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "calls a module function directly with bound arguments";
  let description = [{
    Used when the callee is known at compile time and the arguments are
    already bound to its parameters in order (defaults filled in by the
    caller). The callee takes and returns `!dyn.value`s.

    ```mlir
    %r = dyn.call_direct @helper(%a, %b)
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$callee, Variadic<Dyn_ValueType>:$args,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$callee `(` $args `)` attr-dict";
  let extraClassDeclaration = [{
    ::mlir::CallInterfaceCallable getCallableForCallee() {
      return getCalleeAttr();
    }
    void setCalleeFromCallable(::mlir::CallInterfaceCallable callee) {
      (*this)->setAttr("callee", (
                                     ::llvm::cast<::mlir::SymbolRefAttr>(callee)));
    }
    ::mlir::Operation::operand_range getArgOperands() { return getArgs(); }
    ::mlir::MutableOperandRange getArgOperandsMutable() {
      return getArgsMutable();
    }
  }];
}

//===----------------------------------------------------------------------===//
// Functions and classes
//===----------------------------------------------------------------------===//

def Dyn_MakeFunctionOp : Dyn_Op<"make_function",
    [AttrSizedOperandSegments,
     DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "creates a function object for a func.func";
  let description = [{
    `callee` is a func.func taking one `!dyn.value` per Python parameter
    followed by one per captured cell, and carrying `dyn.params` (parameter
    names) and `dyn.num_positional`. `defaults` are the default values of
    the parameters listed in `default_params` (indices), evaluated where the
    `def`/`lambda` runs, as in Python. `captures` are cells of the enclosing
    function (see dyn.local_cell) that a lambda reads.

    ```mlir
    %f = dyn.make_function @scale "scale" defaults(%two) [1] captures()
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$callee, StrAttr:$name,
                       Variadic<Dyn_ValueType>:$defaults,
                       DenseI64ArrayAttr:$default_params,
                       Variadic<Dyn_ValueType>:$captures);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = [{
    $callee $name `defaults` `(` $defaults `)` $default_params
    `captures` `(` $captures `)` attr-dict
  }];
  let hasVerifier = 1;
}

def Dyn_MakeClassOp : Dyn_Op<"make_class"> {
  let summary = "creates a user class object";
  let description = [{
    A class named `name` with an optional base class. Methods and class
    attributes are added afterwards with dyn.set_attr on the class.

    ```mlir
    %c = dyn.make_class "Net"(%base)
    %d = dyn.make_class "Point"()
    ```
  }];
  let arguments = (ins StrAttr:$name, Optional<Dyn_ValueType>:$base);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$name `(` ($base^)? `)` attr-dict";
  let hasVerifier = 1;
}

def Dyn_SuperAttrOp : Dyn_Op<"super_attr"> {
  let summary = "`super().name` inside a method of `cls`";
  let description = [{
    Looks `name` up starting after `cls` in the class chain of `self`'s
    class and binds it to `self`.

    ```mlir
    %m = dyn.super_attr %cls, %self "__init__"
    ```
  }];
  let arguments = (ins Dyn_ValueType:$cls, Dyn_ValueType:$self, StrAttr:$name);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$cls `,` $self $name attr-dict";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Attributes and items
//===----------------------------------------------------------------------===//

def Dyn_GetAttrOp : Dyn_Op<"get_attr"> {
  let summary = "`obj.name`";
  let description = [{
    ```mlir
    %1 = dyn.get_attr %0 "weight"
    ```
  }];
  let arguments = (ins Dyn_ValueType:$object, StrAttr:$name);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$object $name attr-dict";
  let hasVerifier = 1;
}

def Dyn_SetAttrOp : Dyn_Op<"set_attr"> {
  let summary = "`obj.name = value`";
  let description = [{
    ```mlir
    dyn.set_attr %0 "weight" = %1
    ```
  }];
  let arguments = (ins Dyn_ValueType:$object, StrAttr:$name, Dyn_ValueType:$value);
  let assemblyFormat = "$object $name `=` $value attr-dict";
  let hasVerifier = 1;
}

def Dyn_GetItemOp : Dyn_Op<"get_item"> {
  let summary = "`obj[key]`";
  let description = [{
    ```mlir
    %2 = dyn.get_item %0[%1]
    ```
  }];
  let arguments = (ins Dyn_ValueType:$object, Dyn_ValueType:$key);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$object `[` $key `]` attr-dict";
}

def Dyn_SetItemOp : Dyn_Op<"set_item"> {
  let summary = "`obj[key] = value`";
  let description = [{
    ```mlir
    dyn.set_item %0[%1] = %2
    ```
  }];
  let arguments = (ins Dyn_ValueType:$object, Dyn_ValueType:$key, Dyn_ValueType:$value);
  let assemblyFormat = "$object `[` $key `]` `=` $value attr-dict";
}

def Dyn_DelItemOp : Dyn_Op<"del_item"> {
  let summary = "`del obj[key]`";
  let description = [{
    ```mlir
    dyn.del_item %0[%1]
    ```
  }];
  let arguments = (ins Dyn_ValueType:$object, Dyn_ValueType:$key);
  let assemblyFormat = "$object `[` $key `]` attr-dict";
}

def Dyn_MakeSliceOp : Dyn_Op<"make_slice"> {
  let summary = "a slice object `lower:upper:step` (absent parts are None)";
  let description = [{
    ```mlir
    %s = dyn.make_slice %lo, %none, %none
    ```
  }];
  let arguments = (ins Dyn_ValueType:$lower, Dyn_ValueType:$upper, Dyn_ValueType:$step);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$lower `,` $upper `,` $step attr-dict";
}

//===----------------------------------------------------------------------===//
// Containers
//===----------------------------------------------------------------------===//

def Dyn_MakeTupleOp : Dyn_Op<"make_tuple"> {
  let summary = "a tuple of the operands";
  let description = [{
    ```mlir
    %t = dyn.make_tuple(%0, %1)
    ```
  }];
  let arguments = (ins Variadic<Dyn_ValueType>:$items);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "`(` $items `)` attr-dict";
}

def Dyn_MakeListOp : Dyn_Op<"make_list"> {
  let summary = "a new list of the operands";
  let description = [{
    ```mlir
    %l = dyn.make_list(%0, %1)
    ```
  }];
  let arguments = (ins Variadic<Dyn_ValueType>:$items);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "`(` $items `)` attr-dict";
}

def Dyn_MakeDictOp : Dyn_Op<"make_dict"> {
  let summary = "a new dict from alternating keys and values";
  let description = [{
    Keys are hashed (and may fail: an unhashable key) in order.

    ```mlir
    %d = dyn.make_dict(%k0, %v0, %k1, %v1)
    ```
  }];
  let arguments = (ins Variadic<Dyn_ValueType>:$keysAndValues);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "`(` $keysAndValues `)` attr-dict";
  let hasVerifier = 1;
}

def Dyn_ListAppendOp : Dyn_Op<"list_append"> {
  let summary = "appends to a list built by a comprehension";
  let description = [{
    ```mlir
    dyn.list_append %l, %x
    ```
  }];
  let arguments = (ins Dyn_ValueType:$list, Dyn_ValueType:$item);
  let assemblyFormat = "$list `,` $item attr-dict";
}

def Dyn_UnpackOp : Dyn_Op<"unpack"> {
  let summary = "unpacks an iterable into exactly N values (`a, b = x`)";
  let description = [{
    The number of results is the expected count; fails with CPython's
    ValueError when the iterable has another length.

    ```mlir
    %a, %b = dyn.unpack %0 : !dyn.value, !dyn.value
    ```
  }];
  let arguments = (ins Dyn_ValueType:$operand);
  let results = (outs Variadic<Dyn_ValueType>:$results);
  let assemblyFormat = "$operand attr-dict `:` type($results)";
}

//===----------------------------------------------------------------------===//
// Iteration
//===----------------------------------------------------------------------===//

def Dyn_GetIterOp : Dyn_Op<"get_iter"> {
  let summary = "`iter(x)` for a `for` loop or comprehension";
  let description = [{
    ```mlir
    %it = dyn.get_iter %0
    ```
  }];
  let arguments = (ins Dyn_ValueType:$iterable);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$iterable attr-dict";
}

def Dyn_IterNextOp : Dyn_Op<"iter_next"> {
  let summary = "advances an iterator";
  let description = [{
    `has_item` is false once the iterator is exhausted; `item` is then None.

    ```mlir
    %more, %x = dyn.iter_next %it
    cf.cond_br %more, ^body, ^exit
    ```
  }];
  let arguments = (ins Dyn_ValueType:$iterator);
  let results = (outs I1:$has_item, Dyn_ValueType:$item);
  let assemblyFormat = "$iterator attr-dict";
}

//===----------------------------------------------------------------------===//
// Variables
//===----------------------------------------------------------------------===//

def Dyn_GlobalOp : Dyn_Op<"global", [Symbol]> {
  let summary = "a module-level variable";
  let description = [{
    Declares a global of the module, unbound until stored. Functions and
    classes defined at module level are globals too.

    ```mlir
    dyn.global @model
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name);
  let assemblyFormat = "$sym_name attr-dict";
}

def Dyn_LoadGlobalOp : Dyn_Op<"load_global",
    [DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "reads a global (NameError when unbound)";
  let description = [{
    ```mlir
    %0 = dyn.load_global @model
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$global);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$global attr-dict";
}

def Dyn_StoreGlobalOp : Dyn_Op<"store_global",
    [DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "assigns a global";
  let description = [{
    ```mlir
    dyn.store_global @model = %0
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$global, Dyn_ValueType:$value);
  let assemblyFormat = "$global `=` $value attr-dict";
}

def Dyn_DelGlobalOp : Dyn_Op<"del_global",
    [DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "`del x` of a global (NameError when unbound)";
  let description = [{
    ```mlir
    dyn.del_global @model
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$global);
  let assemblyFormat = "$global attr-dict";
}

def Dyn_LoadLocalOp : Dyn_Op<"load_local"> {
  let summary = "reads a local variable (UnboundLocalError when unbound)";
  let description = [{
    Locals are named slots of the enclosing function; a local that a lambda
    captures holds a cell (see dyn.local_cell) and is read through it.

    ```mlir
    %0 = dyn.load_local "x"
    ```
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$name attr-dict";
  let hasVerifier = 1;
}

def Dyn_StoreLocalOp : Dyn_Op<"store_local"> {
  let summary = "assigns a local variable";
  let description = [{
    ```mlir
    dyn.store_local "x" = %0
    ```
  }];
  let arguments = (ins StrAttr:$name, Dyn_ValueType:$value);
  let assemblyFormat = "$name `=` $value attr-dict";
  let hasVerifier = 1;
}

def Dyn_DelLocalOp : Dyn_Op<"del_local"> {
  let summary = "`del x` of a local (UnboundLocalError when unbound)";
  let description = [{
    ```mlir
    dyn.del_local "x"
    ```
  }];
  let arguments = (ins StrAttr:$name);
  let assemblyFormat = "$name attr-dict";
  let hasVerifier = 1;
}

def Dyn_LocalCellOp : Dyn_Op<"local_cell"> {
  let summary = "the cell behind a captured local, to pass to a lambda";
  let description = [{
    A function whose local `x` is read by a lambda lists `x` in its
    `dyn.cells` attribute; that local then lives in a cell, and this op
    yields the cell itself for dyn.make_function's captures. Inside the
    lambda the captured names are its `dyn.free_vars`, read with
    dyn.load_local.

    ```mlir
    %c = dyn.local_cell "scale"
    ```
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$name attr-dict";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Strings, assertions, context managers
//===----------------------------------------------------------------------===//

def Dyn_FormatOp : Dyn_Op<"format"> {
  let summary = "one f-string field: `format(conv(x), spec)`";
  let description = [{
    `conversion` is "", "s", "r" or "a" (`!r`...); `spec` the format spec.

    ```mlir
    %s = dyn.format %x "r" ".3f"
    ```
  }];
  let arguments = (ins Dyn_ValueType:$operand, StrAttr:$conversion, StrAttr:$spec);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$operand $conversion $spec attr-dict";
  let hasVerifier = 1;
}

def Dyn_JoinStringsOp : Dyn_Op<"join_strings"> {
  let summary = "concatenates str values (the parts of an f-string)";
  let description = [{
    ```mlir
    %s = dyn.join_strings(%a, %b, %c)
    ```
  }];
  let arguments = (ins Variadic<Dyn_ValueType>:$parts);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "`(` $parts `)` attr-dict";
}

def Dyn_AssertFailOp : Dyn_Op<"assert_fail", [Terminator]> {
  let summary = "raises AssertionError (with an optional message value)";
  let description = [{
    ```mlir
    ^fail:
      dyn.assert_fail(%msg)
    ```
  }];
  let arguments = (ins Optional<Dyn_ValueType>:$message);
  let assemblyFormat = "`(` ($message^)? `)` attr-dict";
}

def Dyn_EnterOp : Dyn_Op<"enter"> {
  let summary = "enters a context manager (`with ctx [as x]:`)";
  let description = [{
    Calls `ctx.__enter__()`; the only context manager of the subset is
    `torch.no_grad()`. If the body raises, the runtime's unwind restores
    the grad mode recorded here.

    ```mlir
    %x = dyn.enter %ctx
    ```
  }];
  let arguments = (ins Dyn_ValueType:$context);
  let results = (outs Dyn_ValueType:$result);
  let assemblyFormat = "$context attr-dict";
}

def Dyn_ExitOp : Dyn_Op<"exit"> {
  let summary = "leaves a context manager (`ctx.__exit__(None, None, None)`)";
  let description = [{
    ```mlir
    dyn.exit %ctx
    ```
  }];
  let arguments = (ins Dyn_ValueType:$context);
  let assemblyFormat = "$context attr-dict";
}

//===----------------------------------------------------------------------===//
// Profile probes
//===----------------------------------------------------------------------===//
//
// janus-insert-profile-probes (passes/Profile) adds these to a module built
// for profiling (`janus run --profile-out`, `janusc --profile-generate`);
// MLIRGen never emits them. Each records one observation into the
// process's profile under `site`, the site's stable key: the source
// location of the probed construct as "FILE:LINE:COL", a space, and what is
// probed ("call", "arg x", "branch", "loop", ...). None of them fails,
// consumes a reference or changes a value; removing every probe gives back
// the module it was added to.

class Dyn_ProbeOp<string mnemonic, list<Trait> traits = []> :
    Dyn_Op<mnemonic, traits> {
  let hasVerifier = 1;
}

def Dyn_ProbeValueOp : Dyn_ProbeOp<"probe_value"> {
  let summary = "records the type of a value (dtype and shape of a tensor)";
  let description = [{
    Records `type(value).__name__`, and for a tensor its dtype and shape,
    under `site`. Used for function arguments at entry, call results,
    attribute loads and item loads.

    ```mlir
    %r = dyn.call %f(%x)
    dyn.probe_value %r "model.py:12:9 call"
    ```
  }];
  let arguments = (ins Dyn_ValueType:$value, StrAttr:$site);
  let assemblyFormat = "$value $site attr-dict";
}

def Dyn_ProbeBranchOp : Dyn_ProbeOp<"probe_branch"> {
  let summary = "records which way a conditional branch goes";
  let description = [{
    Placed right before the `cf.cond_br` on `condition`: counts how often
    the condition was true (taken) and false.

    ```mlir
    %c = dyn.truth %v
    dyn.probe_branch %c "model.py:5:8 branch"
    cf.cond_br %c, ^then, ^else
    ```
  }];
  let arguments = (ins I1:$condition, StrAttr:$site);
  let assemblyFormat = "$condition $site attr-dict";
}

def Dyn_ProbeCallOp : Dyn_ProbeOp<"probe_call"> {
  let summary = "records the target of a call";
  let description = [{
    Without `method`, `callee` is the value being called and the target is
    its qualified name (a function or bound method), `class NAME` (a class)
    or its type's name. With `method`, `callee` is the receiver of a method
    call and the target is `TYPE.method`.

    ```mlir
    dyn.probe_call %f "model.py:8:4 call target"
    dyn.probe_call %self "model.py:9:4 call target" method "forward"
    ```
  }];
  let arguments = (ins Dyn_ValueType:$callee, StrAttr:$site,
                       OptionalAttr<StrAttr>:$method);
  let assemblyFormat = "$callee $site (`method` $method^)? attr-dict";
}

def Dyn_ProbeAttrsOp : Dyn_ProbeOp<"probe_attrs"> {
  let summary = "records the class and attribute names of a receiver";
  let description = [{
    Placed before a `dyn.get_attr` / `dyn.set_attr` on `object`: records
    the object's type name and, for an instance of a user class, the names
    of its instance attributes in the order it gained them.

    ```mlir
    dyn.probe_attrs %self "model.py:4:8 attrs weight"
    %w = dyn.get_attr %self "weight"
    ```
  }];
  let arguments = (ins Dyn_ValueType:$object, StrAttr:$site);
  let assemblyFormat = "$object $site attr-dict";
}

def Dyn_ProbeLoopEnterOp : Dyn_ProbeOp<"probe_loop_enter"> {
  let summary = "starts counting the iterations of one entry of a loop";
  let description = [{
    On each edge that enters the loop's header from outside the loop. The
    function's frame holds one iteration counter per loop site (-1 until
    the loop is first entered): this op records the counter of the previous
    entry as one trip count, if there was one, and sets it to zero. When
    the function returns or unwinds, every counter of a loop that was
    entered is recorded too, so each entry is recorded exactly once however
    the loop was left (its test, `break`, `return`, an exception), and
    recursion and nesting count separately.

    ```mlir
    dyn.probe_loop_enter "model.py:7:4 loop"
    cf.br ^header
    ```
  }];
  let arguments = (ins StrAttr:$site);
  let assemblyFormat = "$site attr-dict";
}

def Dyn_ProbeLoopIterOp : Dyn_ProbeOp<"probe_loop_iter"> {
  let summary = "counts one iteration of a loop";
  let description = [{
    First op of the block where the loop's body starts (for a `while True:`
    loop, of its header): adds one to the iteration counter of `site`.

    ```mlir
    ^body:
      dyn.probe_loop_iter "model.py:7:4 loop"
    ```
  }];
  let arguments = (ins StrAttr:$site);
  let assemblyFormat = "$site attr-dict";
}

#endif // JANUS_DIALECT_DYN_OPS
