// dyn.make_class and dyn.super_attr (FunctionsToLLVM.cpp) become calls of
// janus_rt_make_class and janus_rt_super_attr (runtime/include/janus/
// janus_exec.h). A janus_rt_value argument is passed as its two i64 words
// (kind, bits), as for every runtime call; an error result (kind 255,
// JANUS_RT_ERROR_KIND) branches to the unwind path.
// --cse merges the lowering's repeated constants and word extractions, so
// the checks can follow each value from where it is built to its use.
// RUN: janus-opt --convert-dyn-to-llvm --cse %s | FileCheck %s --check-prefixes=DECL,CHECK

// DECL-DAG: llvm.func @janus_rt_make_class(!llvm.ptr, i64, i64, i64) -> !llvm.struct<(i64, i64)>
// DECL-DAG: llvm.func @janus_rt_super_attr(!llvm.ptr, i64, i64, i64, i64) -> !llvm.struct<(i64, i64)>
// The class names are NUL-terminated C strings; their sizes are passed
// apart (4 for "Base", 3 for "Net").
// DECL-DAG: llvm.mlir.global private unnamed_addr constant @[[BASE:.*]]("Base\00")
// DECL-DAG: llvm.mlir.global private unnamed_addr constant @[[NET:.*]]("Net\00")
// super_attr's name travels in its janus_rt_site (name, size 8, no
// keyword names), like a method call's.
// DECL-DAG: llvm.mlir.global private unnamed_addr constant @[[INIT:.*]]("__init__\00")
// DECL-DAG: llvm.mlir.global internal @[[SITE:__janus.site.[0-9]+]]() {{.*}} : !llvm.struct<(ptr, i64, ptr, i64, array<4 x ptr>)> {
// DECL-DAG: llvm.mlir.addressof @[[INIT]]
// DECL-DAG: llvm.mlir.constant(8 : i64)

// CHECK-LABEL: llvm.func internal @classes
func.func @classes(%base: !dyn.value) -> !dyn.value {
  // Without a base, the base argument is an unbound value (kind 254,
  // JANUS_RT_UNBOUND_KIND, bits 0).
  // CHECK: %[[UKIND:.*]] = llvm.mlir.constant(254 : i64) : i64
  // CHECK-NEXT: %[[UBITS:.*]] = llvm.mlir.constant(0 : i64) : i64
  // CHECK-NEXT: %[[UNDEF:.*]] = llvm.mlir.undef
  // CHECK-NEXT: %[[U0:.*]] = llvm.insertvalue %[[UKIND]], %[[UNDEF]][0]
  // CHECK-NEXT: %[[UNBOUND:.*]] = llvm.insertvalue %[[UBITS]], %[[U0]][1]
  // CHECK-NEXT: %[[BNAME:.*]] = llvm.mlir.addressof @[[BASE]]
  // CHECK-NEXT: %[[BSIZE:.*]] = llvm.mlir.constant(4 : i64) : i64
  // CHECK-NEXT: %[[UK:.*]] = llvm.extractvalue %[[UNBOUND]][0]
  // CHECK-NEXT: %[[UB:.*]] = llvm.extractvalue %[[UNBOUND]][1]
  // CHECK-NEXT: %[[B:.*]] = llvm.call @janus_rt_make_class(%[[BNAME]], %[[BSIZE]], %[[UK]], %[[UB]])
  // CHECK-NEXT: %[[BKIND:.*]] = llvm.extractvalue %[[B]][0]
  // CHECK-NEXT: %[[ERR:.*]] = llvm.mlir.constant(255 : i64)
  // CHECK-NEXT: %[[FAILED:.*]] = llvm.icmp "eq" %[[BKIND]], %[[ERR]]
  // CHECK-NEXT: llvm.cond_br %[[FAILED]] {{.*}}, ^[[UNWIND:bb[0-9]+]], ^
  %b = dyn.make_class "Base"()
  // With a base, the base value's words.
  // CHECK: %[[NNAME:.*]] = llvm.mlir.addressof @[[NET]]
  // CHECK-NEXT: %[[NSIZE:.*]] = llvm.mlir.constant(3 : i64) : i64
  // CHECK-NEXT: %[[AK:.*]] = llvm.extractvalue %arg0[0]
  // CHECK-NEXT: %[[AB:.*]] = llvm.extractvalue %arg0[1]
  // CHECK-NEXT: %[[N:.*]] = llvm.call @janus_rt_make_class(%[[NNAME]], %[[NSIZE]], %[[AK]], %[[AB]])
  // CHECK-NEXT: %[[NKIND:.*]] = llvm.extractvalue %[[N]][0]
  // CHECK-NEXT: llvm.icmp "eq" %[[NKIND]], %[[ERR]]
  // CHECK-NEXT: llvm.cond_br
  %n = dyn.make_class "Net"(%base)
  // The site, then cls (Net) and self (the Base class object here), each
  // as (kind, bits); the kinds were extracted for the error checks above.
  // CHECK: %[[S:.*]] = llvm.mlir.addressof @[[SITE]]
  // CHECK-NEXT: %[[NBITS:.*]] = llvm.extractvalue %[[N]][1]
  // CHECK-NEXT: %[[BBITS:.*]] = llvm.extractvalue %[[B]][1]
  // CHECK-NEXT: %[[M:.*]] = llvm.call @janus_rt_super_attr(%[[S]], %[[NKIND]], %[[NBITS]], %[[BKIND]], %[[BBITS]])
  // CHECK-NEXT: %[[MKIND:.*]] = llvm.extractvalue %[[M]][0]
  // CHECK-NEXT: llvm.icmp "eq" %[[MKIND]], %[[ERR]]
  // CHECK-NEXT: llvm.cond_br
  // The first op's unwind block records its location in the traceback.
  // CHECK: ^[[UNWIND]]:
  // CHECK-NEXT: %[[LOC:.*]] = llvm.mlir.addressof @__janus.loc.{{[0-9]+}}
  // CHECK-NEXT: llvm.call @janus_rt_traceback_add(%[[LOC]])
  %m = dyn.super_attr %n, %b "__init__"
  return %m : !dyn.value
}
