// Each verifier of the dyn dialect rejects its malformed op with its message.
// RUN: janus-opt %s -split-input-file -verify-diagnostics

func.func @too_many_keywords(%f: !dyn.value, %a: !dyn.value) {
  // expected-error @+1 {{has 2 keyword names for 1 arguments}}
  %0 = dyn.call %f(%a) {kwnames = ["x", "y"]}
  return
}

// -----

func.func @repeated_keyword(%x: !dyn.value, %a: !dyn.value) {
  // expected-error @+1 {{passes keyword 'dim' twice}}
  %0 = dyn.call_method %x "sum"(%a, %a) {kwnames = ["dim", "dim"]}
  return
}

// -----

func.func @empty_library_name(%a: !dyn.value) {
  // expected-error @+1 {{needs a library name}}
  %0 = dyn.call_library ""(%a)
  return
}

// -----

func.func @odd_dict(%a: !dyn.value) {
  // expected-error @+1 {{needs alternating keys and values, got 1 operands}}
  %0 = dyn.make_dict(%a)
  return
}

// -----

func.func @bad_conversion(%a: !dyn.value) {
  // expected-error @+1 {{conversion must be "", "s", "r" or "a"}}
  %0 = dyn.format %a "x" ""
  return
}

// -----

func.func @bad_int_width() {
  // expected-error @+1 {{attribute 'value' failed to satisfy constraint: bool attribute or 64-bit signless integer attribute}}
  %0 = dyn.constant 3 : i32
  return
}

// -----

func.func @unknown_global() {
  // expected-error @+1 {{refers to unknown global @nowhere}}
  %0 = dyn.load_global @nowhere
  return
}

// -----

func.func @not_a_global() {
  // expected-error @+1 {{expects @not_a_global to be a global}}
  %0 = dyn.load_global @not_a_global
  return
}

// -----

func.func @callee(%a: !dyn.value) -> !dyn.value attributes {dyn.params = ["a"]} {
  return %a : !dyn.value
}
func.func @wrong_arity(%a: !dyn.value) {
  // expected-error @+1 {{passes 2 arguments to @callee}}
  %0 = dyn.call_direct @callee(%a, %a)
  return
}

// -----

func.func @no_params(%a: !dyn.value) -> !dyn.value {
  return %a : !dyn.value
}
func.func @function_without_params() {
  // expected-error @+1 {{expects @no_params to carry a 'dyn.params' attribute}}
  %0 = dyn.make_function @no_params "f" defaults() [] captures()
  return
}

// -----

func.func @f(%a: !dyn.value, %b: !dyn.value) -> !dyn.value attributes {dyn.params = ["a", "b"]} {
  return %a : !dyn.value
}
func.func @defaults_mismatch(%d: !dyn.value) {
  // expected-error @+1 {{has 1 defaults for 2 parameter indices}}
  %0 = dyn.make_function @f "f" defaults(%d) [0, 1] captures()
  return
}

// -----

func.func @g(%a: !dyn.value, %b: !dyn.value) -> !dyn.value attributes {dyn.params = ["a", "b"]} {
  return %a : !dyn.value
}
func.func @defaults_not_increasing(%d: !dyn.value) {
  // expected-error @+1 {{parameter indices must increase}}
  %0 = dyn.make_function @g "g" defaults(%d, %d) [1, 1] captures()
  return
}

// -----

func.func @h(%a: !dyn.value) -> !dyn.value attributes {dyn.params = ["a"]} {
  return %a : !dyn.value
}
func.func @default_out_of_range(%d: !dyn.value) {
  // expected-error @+1 {{default for parameter 3 of 1}}
  %0 = dyn.make_function @h "h" defaults(%d) [3] captures()
  return
}

// -----

func.func @probe_without_site(%x: !dyn.value) {
  // expected-error @+1 {{needs a non-empty site key}}
  dyn.probe_value %x ""
  return
}

// -----

func.func @probe_empty_method(%x: !dyn.value) {
  // expected-error @+1 {{needs a non-empty method name}}
  dyn.probe_call %x "m.py:1:1 call target" method ""
  return
}

// -----

func.func @loop_iter_without_enter() {
  // expected-error @+1 {{has no dyn.probe_loop_enter "m.py:2:4 loop" in its function}}
  dyn.probe_loop_iter "m.py:2:4 loop"
  return
}

// -----

// Names: attribute, method and class names are Python identifiers (the
// lexer's NAME token); a local slot name is any non-empty string.

func.func @empty_method(%x: !dyn.value) {
  // expected-error @+1 {{needs a non-empty method name}}
  %0 = dyn.call_method %x ""(%x)
  return
}

// -----

func.func @method_not_identifier(%x: !dyn.value) {
  // expected-error @+1 {{method name 'view(' is not a Python identifier}}
  %0 = dyn.call_method %x "view("(%x)
  return
}

// -----

func.func @empty_get_attr(%x: !dyn.value) {
  // expected-error @+1 {{needs a non-empty attribute name}}
  %0 = dyn.get_attr %x ""
  return
}

// -----

func.func @get_attr_starts_with_digit(%x: !dyn.value) {
  // expected-error @+1 {{attribute name '0weight' is not a Python identifier}}
  %0 = dyn.get_attr %x "0weight"
  return
}

// -----

func.func @empty_set_attr(%x: !dyn.value) {
  // expected-error @+1 {{needs a non-empty attribute name}}
  dyn.set_attr %x "" = %x
  return
}

// -----

func.func @set_attr_dotted(%x: !dyn.value) {
  // A dotted name is two attribute accesses, never one name.
  // expected-error @+1 {{attribute name 'fc.weight' is not a Python identifier}}
  dyn.set_attr %x "fc.weight" = %x
  return
}

// -----

func.func @super_attr_not_identifier(%c: !dyn.value, %s: !dyn.value) {
  // expected-error @+1 {{attribute name 'a b' is not a Python identifier}}
  %0 = dyn.super_attr %c, %s "a b"
  return
}

// -----

func.func @empty_class_name() {
  // expected-error @+1 {{needs a non-empty class name}}
  %0 = dyn.make_class ""()
  return
}

// -----

func.func @empty_load_local() {
  // expected-error @+1 {{needs a non-empty local name}}
  %0 = dyn.load_local ""
  return
}

// -----

func.func @empty_store_local(%x: !dyn.value) {
  // expected-error @+1 {{needs a non-empty local name}}
  dyn.store_local "" = %x
  return
}

// -----

func.func @empty_del_local() {
  // expected-error @+1 {{needs a non-empty local name}}
  dyn.del_local ""
  return
}

// -----

func.func @empty_local_cell() {
  // expected-error @+1 {{needs a non-empty local name}}
  %0 = dyn.local_cell ""
  return
}

// -----

// Non-identifiers that are valid names: a non-ASCII identifier (the lexer
// checked it is XID), a dunder name, and MLIRGen's hidden slots.
func.func @valid_names(%x: !dyn.value) {
  %0 = dyn.get_attr %x "café"
  %1 = dyn.call_method %x "__init__"(%x)
  %2 = dyn.make_class "_Private"()
  dyn.store_local "$comp.0.x" = %x
  %3 = dyn.load_local "$t.1"
  return
}

// -----

// Symbol uses of the other global ops.

func.func @store_unknown_global(%x: !dyn.value) {
  // expected-error @+1 {{refers to unknown global @nowhere}}
  dyn.store_global @nowhere = %x
  return
}

// -----

func.func @store_not_a_global(%x: !dyn.value) {
  // expected-error @+1 {{expects @store_not_a_global to be a global}}
  dyn.store_global @store_not_a_global = %x
  return
}

// -----

func.func @del_unknown_global() {
  // expected-error @+1 {{refers to unknown global @nowhere}}
  dyn.del_global @nowhere
  return
}

// -----

func.func @del_not_a_global() {
  // expected-error @+1 {{expects @del_not_a_global to be a global}}
  dyn.del_global @del_not_a_global
  return
}

// -----

// Each probe kind needs its site key.

func.func @branch_probe_without_site(%c: i1) {
  // expected-error @+1 {{needs a non-empty site key}}
  dyn.probe_branch %c ""
  return
}

// -----

func.func @attrs_probe_without_site(%x: !dyn.value) {
  // expected-error @+1 {{needs a non-empty site key}}
  dyn.probe_attrs %x ""
  return
}

// -----

func.func @call_probe_without_site(%f: !dyn.value) {
  // expected-error @+1 {{needs a non-empty site key}}
  dyn.probe_call %f ""
  return
}

// -----

// A loop's iteration counter lives in its function's frame.
// expected-error @+1 {{must be inside a func.func}}
dyn.probe_loop_enter "m.py:2:4 loop"

// -----

// expected-error @+1 {{must be inside a func.func}}
dyn.probe_loop_iter "m.py:2:4 loop"
