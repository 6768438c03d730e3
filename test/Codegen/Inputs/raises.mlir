// def half(x):
//     return x / 0
// half(1)          # ZeroDivisionError, two frames in the traceback
module attributes {dyn.source_file = "raises.py"} {
  dyn.global @half
  func.func @half.1(%x: !dyn.value) -> !dyn.value
      attributes {dyn.params = ["x"], dyn.num_positional = 1 : i64,
                  dyn.qualname = "half"} {
    dyn.store_local "x" = %x loc("raises.py":1:1)
    %0 = dyn.load_local "x" loc("raises.py":2:12)
    %1 = dyn.constant 0 : i64 loc("raises.py":2:16)
    %2 = dyn.binary truediv %0, %1 loc("raises.py":2:14)
    return %2 : !dyn.value loc("raises.py":2:5)
  }
  func.func @__janus_init(%name: !dyn.value) -> !dyn.value {
    %f = dyn.make_function @half.1 "half" defaults() [] captures() loc("raises.py":1:1)
    dyn.store_global @half = %f loc("raises.py":1:1)
    %g = dyn.load_global @half loc("raises.py":3:1)
    %a = dyn.constant 1 : i64 loc("raises.py":3:6)
    %r = dyn.call %g(%a) loc("raises.py":3:1)
    %none = dyn.none loc("raises.py":3:1)
    return %none : !dyn.value loc("raises.py":3:1)
  }
}
