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
