// A small module as MLIRGen would emit it for
//
//   def scale(x, factor=2):
//       return x * factor
//   print(scale(21))
//
// used by the translation and execution tests of test/Codegen.
module attributes {dyn.source_file = "demo.py"} {
  dyn.global @__name__
  dyn.global @scale

  func.func @scale.1(%x: !dyn.value, %factor: !dyn.value) -> !dyn.value
      attributes {dyn.params = ["x", "factor"], dyn.num_positional = 2 : i64,
                  dyn.qualname = "scale"} {
    dyn.store_local "x" = %x loc("demo.py":1:1)
    dyn.store_local "factor" = %factor loc("demo.py":1:1)
    %0 = dyn.load_local "x" loc("demo.py":2:12)
    %1 = dyn.load_local "factor" loc("demo.py":2:16)
    %2 = dyn.binary mul %0, %1 loc("demo.py":2:14)
    return %2 : !dyn.value loc("demo.py":2:5)
  }

  func.func @__janus_init(%name: !dyn.value) -> !dyn.value {
    dyn.store_global @__name__ = %name loc("demo.py":1:1)
    %two = dyn.constant 2 : i64 loc("demo.py":1:24)
    %f = dyn.make_function @scale.1 "scale" defaults(%two) [1] captures() loc("demo.py":1:1)
    dyn.store_global @scale = %f loc("demo.py":1:1)
    %g = dyn.load_global @scale loc("demo.py":3:7)
    %a = dyn.constant 21 : i64 loc("demo.py":3:13)
    %r = dyn.call %g(%a) loc("demo.py":3:7)
    %p = dyn.call_library "print"(%r) loc("demo.py":3:1)
    %none = dyn.none loc("demo.py":3:1)
    return %none : !dyn.value loc("demo.py":3:1)
  }
}
