// The lowering refuses IR that breaks the conventions it relies on.
// RUN: janus-opt --convert-dyn-to-llvm --split-input-file --verify-diagnostics %s

func.func @crosses(%a: !dyn.value) -> !dyn.value {
  %0 = dyn.binary add %a, %a
  cf.br ^next
^next:
  // expected-error @+1 {{uses a !dyn.value defined in another block}}
  return %0 : !dyn.value
}

// -----

// expected-error @+1 {{has a !dyn.value block argument}}
func.func @block_argument(%a: !dyn.value) -> !dyn.value {
  cf.br ^next(%a : !dyn.value)
^next(%v: !dyn.value):
  return %v : !dyn.value
}
