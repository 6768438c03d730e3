//===- RuntimeABI.cpp - janus_exec.h as seen from the LLVM dialect --------===//
//
// The table of janus_rt_* signatures and the builders of calls, inline
// values and module data that every conversion file of DynToLLVM uses.
//
//===----------------------------------------------------------------------===//

#include "RuntimeABI.h"

#include "llvm/Support/ErrorHandling.h"

using namespace mlir;
using namespace janus::codegen;

namespace {
/// One janus_exec.h function. `signature` is "R:PPP": R the result and P
/// the parameters, `v` a janus_rt_value, `p` a pointer, `l` an int64_t,
/// `i` an int32_t/uint32_t and `0` (result only) void.
struct RuntimeFunction {
  const char *name;
  const char *signature;
};
} // namespace

static const RuntimeFunction runtimeFunctions[] = {
    {"janus_rt_retain", "0:v"},         {"janus_rt_release", "0:v"},
    {"janus_rt_const_str", "v:ppl"},    {"janus_rt_ellipsis", "v:"},
    {"janus_rt_binary", "v:iivv"},      {"janus_rt_unary", "v:iv"},
    {"janus_rt_compare", "v:ivv"},      {"janus_rt_is", "i:vv"},
    {"janus_rt_truth", "i:v"},          {"janus_rt_call", "v:pvpl"},
    {"janus_rt_call_method", "v:pvpl"}, {"janus_rt_call_library", "v:ppl"},
    {"janus_rt_library_value", "v:p"},  {"janus_rt_make_function", "v:ppplp"},
    {"janus_rt_make_class", "v:plv"},   {"janus_rt_super_attr", "v:pvv"},
    {"janus_rt_get_attr", "v:pv"},      {"janus_rt_set_attr", "i:pvv"},
    {"janus_rt_get_item", "v:vv"},      {"janus_rt_set_item", "i:vvv"},
    {"janus_rt_del_item", "i:vv"},      {"janus_rt_make_slice", "v:vvv"},
    {"janus_rt_make_tuple", "v:pl"},    {"janus_rt_make_list", "v:pl"},
    {"janus_rt_make_dict", "v:pl"},     {"janus_rt_list_append", "i:vv"},
    {"janus_rt_unpack", "i:vpl"},       {"janus_rt_get_iter", "v:v"},
    {"janus_rt_iter_next", "i:vp"},     {"janus_rt_load_slot", "v:ppii"},
    {"janus_rt_store_slot", "0:pvi"},   {"janus_rt_del_slot", "i:ppii"},
    {"janus_rt_cell_new", "v:"},        {"janus_rt_format", "v:vipl"},
    {"janus_rt_join_strings", "v:pl"},  {"janus_rt_assert_fail", "0:v"},
    {"janus_rt_enter", "v:v"},          {"janus_rt_exit", "i:v"},
    {"janus_rt_traceback_add", "0:p"},  {"janus_rt_error_pending", "i:"},
    {"janus_rt_format_error", "p:"},    {"janus_rt_entry_begin", "p:"},
    {"janus_rt_entry_end", "0:p"},      {"janus_rt_to_handle", "p:v"},
    {"janus_rt_from_handle", "v:p"},    {"janus_rt_global_lookup", "v:pplp"},
    {"janus_rt_require_pylib", "i:p"},  {"janus_rt_export_init", "p:ppp"},
    {"janus_rt_export_call", "p:ppppplp"},
};

/// The probes of profiling builds (janus_exec.h, "Profiles").
static const RuntimeFunction profileFunctions[] = {
    {"janus_rt_profile_value", "0:pv"},   {"janus_rt_profile_branch", "0:pi"},
    {"janus_rt_profile_loop", "0:pl"},    {"janus_rt_profile_call", "0:pv"},
    {"janus_rt_profile_method", "0:pvp"}, {"janus_rt_profile_attrs", "0:pv"},
};

RuntimeABI::RuntimeABI(ModuleOp module) : module(module) {}

Type RuntimeABI::i64Type() { return IntegerType::get(getContext(), 64); }
Type RuntimeABI::i32Type() { return IntegerType::get(getContext(), 32); }
Type RuntimeABI::ptrType() { return LLVM::LLVMPointerType::get(getContext()); }
Type RuntimeABI::valueType() {
  return LLVM::LLVMStructType::getLiteral(getContext(), {i64Type(), i64Type()});
}

LLVM::LLVMFuncOp RuntimeABI::getFunction(OpBuilder &b, StringRef name) {
  if (auto fn = module.lookupSymbol<LLVM::LLVMFuncOp>(name))
    return fn;
  const RuntimeFunction *entry = nullptr;
  for (const RuntimeFunction &f : runtimeFunctions)
    if (name == f.name)
      entry = &f;
  for (const RuntimeFunction &f : profileFunctions)
    if (name == f.name)
      entry = &f;
  if (!entry)
    llvm::report_fatal_error("not a janus_exec.h function: " + name);

  StringRef sig(entry->signature);
  auto typeOf = [&](char c) -> Type {
    switch (c) {
    case 'v':
      return valueType();
    case 'p':
      return ptrType();
    case 'l':
      return i64Type();
    case 'i':
      return i32Type();
    case '0':
      return LLVM::LLVMVoidType::get(getContext());
    }
    llvm_unreachable("bad runtime signature");
  };
  SmallVector<Type> params;
  for (char c : sig.drop_front(2)) {
    if (c == 'v') { // A janus_rt_value argument is two i64 (SysV, AAPCS64).
      params.push_back(i64Type());
      params.push_back(i64Type());
    } else {
      params.push_back(typeOf(c));
    }
  }
  auto type = LLVM::LLVMFunctionType::get(typeOf(sig[0]), params);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(module.getBody());
  return LLVM::LLVMFuncOp::create(b, module.getLoc(), name, type);
}

Value RuntimeABI::call(OpBuilder &b, Location loc, StringRef name,
                       ValueRange args) {
  LLVM::LLVMFuncOp fn = getFunction(b, name);
  SmallVector<Value> flat;
  for (Value a : args) {
    if (a.getType() == valueType()) {
      flat.push_back(kindOf(b, loc, a));
      flat.push_back(bitsOf(b, loc, a));
    } else {
      flat.push_back(a);
    }
  }
  auto call = LLVM::CallOp::create(b, loc, fn, flat);
  return call.getNumResults() ? call.getResult() : Value();
}

//===----------------------------------------------------------------------===//
// Inline values
//===----------------------------------------------------------------------===//

Value RuntimeABI::i64(OpBuilder &b, Location loc, int64_t v) {
  return LLVM::ConstantOp::create(b, loc, i64Type(), b.getI64IntegerAttr(v));
}

Value RuntimeABI::i32(OpBuilder &b, Location loc, int32_t v) {
  return LLVM::ConstantOp::create(b, loc, i32Type(), b.getI32IntegerAttr(v));
}

Value RuntimeABI::nullPtr(OpBuilder &b, Location loc) {
  return LLVM::ZeroOp::create(b, loc, ptrType());
}

Value RuntimeABI::makeValue(OpBuilder &b, Location loc, Value kind,
                            Value bits) {
  Value v = LLVM::UndefOp::create(b, loc, valueType());
  v = LLVM::InsertValueOp::create(b, loc, v, kind, ArrayRef<int64_t>{0});
  return LLVM::InsertValueOp::create(b, loc, v, bits, ArrayRef<int64_t>{1});
}

Value RuntimeABI::makeValue(OpBuilder &b, Location loc, uint64_t kind,
                            int64_t bits) {
  // One statement per op: the IR must not depend on the order in which a
  // compiler evaluates function arguments.
  Value kindValue = i64(b, loc, static_cast<int64_t>(kind));
  Value bitsValue = i64(b, loc, bits);
  return makeValue(b, loc, kindValue, bitsValue);
}

Value RuntimeABI::kindOf(OpBuilder &b, Location loc, Value v) {
  return LLVM::ExtractValueOp::create(b, loc, v, ArrayRef<int64_t>{0});
}

Value RuntimeABI::bitsOf(OpBuilder &b, Location loc, Value v) {
  return LLVM::ExtractValueOp::create(b, loc, v, ArrayRef<int64_t>{1});
}

Value RuntimeABI::isError(OpBuilder &b, Location loc, Value v) {
  Value kind = kindOf(b, loc, v);
  Value error = i64(b, loc, ErrorKind);
  return LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::eq, kind, error);
}

Value RuntimeABI::isStatusError(OpBuilder &b, Location loc, Value status) {
  return LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::eq, status,
                              i32(b, loc, -1));
}

void RuntimeABI::release(OpBuilder &b, Location loc, Value v) {
  call(b, loc, "janus_rt_release", v);
}

void RuntimeABI::retain(OpBuilder &b, Location loc, Value v) {
  call(b, loc, "janus_rt_retain", v);
}

Value RuntimeABI::slotAddress(OpBuilder &b, Location loc, Value array,
                              int64_t index) {
  if (index == 0)
    return array;
  return LLVM::GEPOp::create(
      b, loc, ptrType(), valueType(), array,
      ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(index)});
}

//===----------------------------------------------------------------------===//
// Module data
//===----------------------------------------------------------------------===//

std::string RuntimeABI::uniqueName(StringRef prefix) {
  unsigned &next = nextSuffix[prefix];
  while (true) {
    std::string name = (prefix + "." + llvm::Twine(next++)).str();
    if (!module.lookupSymbol(name))
      return name;
  }
}

LLVM::GlobalOp RuntimeABI::createGlobal(OpBuilder &b, Location loc, Type type,
                                        StringRef name, bool constant,
                                        Block *&init) {
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(module.getBody());
  auto global = LLVM::GlobalOp::create(
      b, loc, type, constant, LLVM::Linkage::Internal, name, Attribute());
  init = b.createBlock(&global.getInitializerRegion());
  return global;
}

Value RuntimeABI::cString(OpBuilder &b, Location loc, StringRef text) {
  LLVM::GlobalOp &global = cStrings[text];
  if (!global) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    std::string data = text.str();
    data.push_back('\0');
    auto type = LLVM::LLVMArrayType::get(IntegerType::get(getContext(), 8),
                                         data.size());
    global = LLVM::GlobalOp::create(
        b, loc, type, /*isConstant=*/true, LLVM::Linkage::Private,
        uniqueName("__janus.str"), b.getStringAttr(data));
    global.setUnnamedAddr(LLVM::UnnamedAddr::Global);
  }
  return LLVM::AddressOfOp::create(b, loc, global);
}

Value RuntimeABI::site(OpBuilder &b, Location loc, StringRef name,
                       ArrayAttr kwnames) {
  // struct janus_rt_site { const char *name; int64_t name_size;
  //   const char *const *kwnames; int64_t num_kwnames; void *cache[4]; }
  auto cacheType = LLVM::LLVMArrayType::get(ptrType(), 4);
  auto type = LLVM::LLVMStructType::getLiteral(
      getContext(), {ptrType(), i64Type(), ptrType(), i64Type(), cacheType});
  Block *init;
  auto global =
      createGlobal(b, loc, type, uniqueName("__janus.site"), false, init);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(init);
    SmallVector<StringRef> kw;
    if (kwnames)
      for (Attribute a : kwnames)
        kw.push_back(cast<StringAttr>(a).getValue());
    Value v = LLVM::UndefOp::create(b, loc, type);
    Value namePtr = name.empty() ? nullPtr(b, loc) : cString(b, loc, name);
    Value kwPtr = kw.empty() ? nullPtr(b, loc) : cStringArray(b, loc, kw);
    Value fields[] = {namePtr, i64(b, loc, name.size()), kwPtr,
                      i64(b, loc, kw.size()),
                      LLVM::ZeroOp::create(b, loc, cacheType)};
    for (auto [i, f] : llvm::enumerate(fields))
      v = LLVM::InsertValueOp::create(b, loc, v, f,
                                      ArrayRef<int64_t>{int64_t(i)});
    LLVM::ReturnOp::create(b, loc, v);
  }
  return LLVM::AddressOfOp::create(b, loc, global);
}

Value RuntimeABI::profileSite(OpBuilder &b, Location loc, StringRef key,
                              StringRef function) {
  // struct janus_rt_profile_site { const char *key; const char *function;
  //   void *record; }
  LLVM::GlobalOp &global = profileSites[key];
  if (!global) {
    auto type = LLVM::LLVMStructType::getLiteral(
        getContext(), {ptrType(), ptrType(), ptrType()});
    Block *init;
    global =
        createGlobal(b, loc, type, uniqueName("__janus.probe"), false, init);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(init);
    Value v = LLVM::UndefOp::create(b, loc, type);
    Value fields[] = {cString(b, loc, key), cString(b, loc, function),
                      nullPtr(b, loc)};
    for (auto [i, f] : llvm::enumerate(fields))
      v = LLVM::InsertValueOp::create(b, loc, v, f,
                                      ArrayRef<int64_t>{int64_t(i)});
    LLVM::ReturnOp::create(b, loc, v);
  }
  return LLVM::AddressOfOp::create(b, loc, global);
}

Value RuntimeABI::location(OpBuilder &b, Location loc, StringRef function) {
  // struct janus_rt_location { const char *file; const char *function;
  //   int32_t line; int32_t column; }
  StringRef file = "<unknown>";
  int32_t line = 0, column = 0;
  if (auto fileLoc = dyn_cast<FileLineColLoc>(loc)) {
    file = fileLoc.getFilename().getValue();
    line = fileLoc.getLine();
    column = fileLoc.getColumn();
  } else if (auto fused = dyn_cast<FusedLoc>(loc)) {
    for (Location inner : fused.getLocations())
      if (auto fileLoc = dyn_cast<FileLineColLoc>(inner)) {
        file = fileLoc.getFilename().getValue();
        line = fileLoc.getLine();
        column = fileLoc.getColumn();
        break;
      }
  }
  auto type = LLVM::LLVMStructType::getLiteral(
      getContext(), {ptrType(), ptrType(), i32Type(), i32Type()});
  Block *init;
  auto global =
      createGlobal(b, loc, type, uniqueName("__janus.loc"), true, init);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(init);
    Value v = LLVM::UndefOp::create(b, loc, type);
    Value fields[] = {cString(b, loc, file), cString(b, loc, function),
                      i32(b, loc, line), i32(b, loc, column)};
    for (auto [i, f] : llvm::enumerate(fields))
      v = LLVM::InsertValueOp::create(b, loc, v, f,
                                      ArrayRef<int64_t>{int64_t(i)});
    LLVM::ReturnOp::create(b, loc, v);
  }
  return LLVM::AddressOfOp::create(b, loc, global);
}

LLVM::GlobalOp RuntimeABI::slotGlobal(OpBuilder &b, Location loc,
                                      StringRef symbol) {
  Block *init;
  auto global = createGlobal(b, loc, valueType(), symbol, false, init);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(init);
  LLVM::ReturnOp::create(b, loc, makeValue(b, loc, UnboundKind, 0));
  return global;
}

Value RuntimeABI::stringCache(OpBuilder &b, Location loc, StringRef text) {
  LLVM::GlobalOp &global = stringCaches[text];
  if (!global)
    global = slotGlobal(b, loc, uniqueName("__janus.strcache"));
  return LLVM::AddressOfOp::create(b, loc, global);
}

Value RuntimeABI::i64Array(OpBuilder &b, Location loc,
                           ArrayRef<int64_t> values) {
  auto type = LLVM::LLVMArrayType::get(i64Type(), values.size());
  LLVM::GlobalOp global;
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    auto attr = DenseElementsAttr::get(
        RankedTensorType::get({int64_t(values.size())}, i64Type()), values);
    global = LLVM::GlobalOp::create(b, loc, type, /*isConstant=*/true,
                                    LLVM::Linkage::Private,
                                    uniqueName("__janus.i64s"), attr);
  }
  return LLVM::AddressOfOp::create(b, loc, global);
}

Value RuntimeABI::cStringArray(OpBuilder &b, Location loc,
                               ArrayRef<StringRef> strings) {
  auto type = LLVM::LLVMArrayType::get(ptrType(), strings.size());
  Block *init;
  auto global =
      createGlobal(b, loc, type, uniqueName("__janus.strs"), true, init);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(init);
    Value v = LLVM::UndefOp::create(b, loc, type);
    for (auto [i, s] : llvm::enumerate(strings))
      v = LLVM::InsertValueOp::create(b, loc, v, cString(b, loc, s),
                                      ArrayRef<int64_t>{int64_t(i)});
    LLVM::ReturnOp::create(b, loc, v);
  }
  return LLVM::AddressOfOp::create(b, loc, global);
}

Value RuntimeABI::addressArray(OpBuilder &b, Location loc,
                               ArrayRef<std::string> symbols) {
  auto type = LLVM::LLVMArrayType::get(ptrType(), symbols.size());
  Block *init;
  auto global =
      createGlobal(b, loc, type, uniqueName("__janus.addrs"), true, init);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(init);
    Value v = LLVM::UndefOp::create(b, loc, type);
    for (auto [i, symbol] : llvm::enumerate(symbols))
      v = LLVM::InsertValueOp::create(
          b, loc, v, LLVM::AddressOfOp::create(b, loc, ptrType(), symbol),
          ArrayRef<int64_t>{int64_t(i)});
    LLVM::ReturnOp::create(b, loc, v);
  }
  return LLVM::AddressOfOp::create(b, loc, global);
}
