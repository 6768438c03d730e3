//===- Passes.td - Passes that prepare profiles ---------------------------===//
//
// Declares janus-insert-profile-probes; the registration is generated
// (GEN_PASS_DECL / GEN_PASS_DEF / GEN_PASS_REGISTRATION).
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_PASSES_PROFILE_PASSES
#define JANUS_PASSES_PROFILE_PASSES

include "mlir/Pass/PassBase.td"

def InsertProfileProbesPass
    : Pass<"janus-insert-profile-probes", "::mlir::ModuleOp"> {
  let summary = "Adds profile probes (dyn.probe_*) to a dyn module";
  let description = [{
    Instruments the accurate path for `janus run --profile-out` and
    `janusc --profile-generate`. For every func.func with a body it adds:
    a dyn.probe_value for each Python parameter at entry ("arg NAME"), after
    every call ("call") and every dyn.get_attr ("attr NAME") and
    dyn.get_item ("item"); a dyn.probe_call before every dyn.call (the
    callee) and dyn.call_method (the receiver and method name); a
    dyn.probe_attrs before every dyn.get_attr and dyn.set_attr ("attrs
    NAME"); a dyn.probe_branch before every cf.cond_br on a truth test
    (not on the has_item of dyn.iter_next: loops are counted instead); and
    per loop a dyn.probe_loop_enter on each edge into its header and a
    dyn.probe_loop_iter where its body starts.

    Site keys are "FILE:LINE:COL WHAT" from the op's location (FILE without
    its directory), so they survive unrelated edits elsewhere in the file
    and do not depend on the order of passes. Keys that would repeat (two
    calls at one location) get " #2", " #3" in program order.

    Assumes a module as MLIRGen emits it: loops are natural loops whose
    header is entered by a cf.br, and the branches from a loop's test into
    its body carry `dyn.loop_body` (the successor index of the body); a loop
    without such a branch (`while True:`) counts runs of its header.
    Guarantees: only probe ops are added (the module computes the same
    values); the probes neither fail nor own references.

    ```mlir
    func.func @f(%x: !dyn.value) -> !dyn.value attributes {dyn.params = ["x"]} {
      %0 = dyn.call %x()
      return %0 : !dyn.value
    }
    ```
    becomes
    ```mlir
    func.func @f(%x: !dyn.value) -> !dyn.value attributes {dyn.params = ["x"]} {
      dyn.probe_value %x "m.py:1:1 arg x"
      dyn.probe_call %x "m.py:2:10 call target"
      %0 = dyn.call %x()
      dyn.probe_value %0 "m.py:2:10 call"
      return %0 : !dyn.value
    }
    ```
  }];
  let dependentDialects = ["::janus::dyn::DynDialect"];
}

#endif // JANUS_PASSES_PROFILE_PASSES
