//===- ExecCalls.cpp - Calls, method calls and the library by name --------===//
//
// janus_rt_call, janus_rt_call_method, janus_rt_call_library,
// janus_rt_library_value and janus_rt_register_library_value (a name's
// Janus-Python implementation, which the library sites resolve to before
// the native row). Arguments bind through Dispatch's
// callWithKeywords / bindAndCall (CPython's binder), so a compiled function,
// a class, a bound method and a library function take keywords alike.
//
// Each op's janus_rt_site caches what the runtime resolved from its name:
// cache[0] points to a SiteData (made once per site, published with a
// compare-and-swap, kept for the life of the process) holding the name, the
// keyword names as strings, the library row of a library call (and the
// registered value that replaces it, looked up once with it), and per
// built-in receiver type the method row of a method call. A method call on
// an instance looks the name up in the instance, then its class chain, and
// passes the instance as `self` without making a bound method object.
//
//===----------------------------------------------------------------------===//

#include "Exec/ExecInternal.h"

#include <cstring>

using namespace janus;
using namespace janus::rt;
using namespace janus::rt::exec;

namespace {

const std::vector<std::string> &noKeywords() {
  static const std::vector<std::string> none;
  return none;
}

/// The keyword names of a call site (none without a site).
const std::vector<std::string> &keywordsOf(janus_rt_site *site) {
  if (!site || site->num_kwnames <= 0)
    return noKeywords();
  return siteData(site).kwnames;
}

/// The number of positionals of a call with `nargs` arguments.
bool splitArgs(janus_rt_site *site, int64_t nargs, size_t &npos) {
  int64_t nkw = site ? site->num_kwnames : 0;
  if (nargs < 0 || nkw < 0 || nkw > nargs)
    return false;
  npos = static_cast<size_t>(nargs - nkw);
  return true;
}

/// The library table's receiver type of `v`, if it has methods there.
int receiverIndex(const Value &v) {
  switch (v.kind()) {
  case Kind::List:
    return int(LibReceiver::List);
  case Kind::Dict:
    return int(LibReceiver::Dict);
  case Kind::Str:
    return int(LibReceiver::Str);
  case Kind::Tensor:
    return int(LibReceiver::Tensor);
  default:
    return -1;
  }
}

/// A sentinel for "looked up, not there".
const LibEntryInfo *missingEntry() {
  static const LibEntryInfo *const missing =
      reinterpret_cast<const LibEntryInfo *>(&missing);
  return missing;
}

/// The method or attribute row `name` of receiver type `r`, cached.
const LibEntryInfo *memberEntry(SiteData &data, int r) {
  static_assert(int(LibReceiver::Tensor) < 4, "SiteData::members is too small");
  const LibEntryInfo *entry = data.members[r].load(std::memory_order_acquire);
  if (!entry) {
    entry = LibraryTable::get().lookupMember(static_cast<LibReceiver>(r),
                                             data.name);
    if (!entry)
      entry = missingEntry();
    data.members[r].store(entry, std::memory_order_release);
  }
  return entry == missingEntry() ? nullptr : entry;
}

/// The library row named by a call_library / library_value site and the
/// value registered under its name (null if none), resolved once per site.
/// A registered name needs no row (`out` is then null).
Status libraryEntry(SiteData &data, const LibEntryInfo *&out,
                    const Value *&registered) {
  out = data.libraryEntry.load(std::memory_order_acquire);
  if (!out) {
    registered = registeredLibraryValue(data.name);
    out = LibraryTable::get().lookup(data.name);
    if (!out && !registered)
      return Status(ErrorCode::AttributeError,
                    "the Janus library has no '" + data.name + "'");
    if (!out)
      out = missingEntry();
    data.registered.store(registered, std::memory_order_release);
    data.libraryEntry.store(out, std::memory_order_release);
  } else {
    registered = data.registered.load(std::memory_order_acquire);
  }
  if (out == missingEntry())
    out = nullptr;
  return okStatus();
}

/// fn(self, *args, **kwargs).
Status callWithSelf(const Value &fn, const Value &self, const Value *args,
                    size_t npos, const std::vector<std::string> &kwnames,
                    Value &out) {
  const size_t nargs = npos + kwnames.size();
  constexpr size_t Inline = 8;
  Value inlineAll[Inline];
  std::vector<Value> heapAll;
  Value *all = inlineAll;
  if (nargs + 1 > Inline) {
    heapAll.resize(nargs + 1);
    all = heapAll.data();
  }
  all[0] = self;
  for (size_t i = 0; i < nargs; ++i)
    all[i + 1] = args[i];
  return callWithKeywords(fn, all, npos + 1, kwnames, out);
}

Status callMethod(SiteData &data, const Value &self, const Value *args,
                  size_t npos, const std::vector<std::string> &kwnames,
                  Value &out) {
  if (self.kind() == Kind::Instance) {
    const auto *inst = self.as<InstanceObject>();
    int slot = inst->shape->slotOf(data.name);
    if (slot >= 0)
      return callWithKeywords(inst->slots[slot], args, npos, kwnames, out);
    if (const Value *attr = inst->classObject()->lookup(data.name)) {
      // Functions bind to the instance; library functions (`act =
      // torch.relu` in a class body) are builtins, which do not.
      if (attr->kind() == Kind::Function && !libraryEntryOf(*attr))
        return callWithSelf(*attr, self, args, npos, kwnames, out);
      return callWithKeywords(*attr, args, npos, kwnames, out);
    }
  } else if (int r = receiverIndex(self); r >= 0) {
    if (const LibEntryInfo *entry = memberEntry(data, r);
        entry && entry->kind == LibEntryKind::Method)
      return bindAndCall(*entry, &self, args, npos, kwnames, out);
  }
  Value fn;
  JANUS_RETURN_IF_ERROR(getMember(self, data.name, fn));
  return callWithKeywords(fn, args, npos, kwnames, out);
}

janus_rt_value badArity(const char *what) {
  return fail(
      Status(ErrorCode::InvalidArgument,
             std::string(what) + ": more keyword names than arguments"));
}

} // namespace

SiteData &janus::rt::exec::siteData(janus_rt_site *site) {
  void *published = __atomic_load_n(&site->cache[0], __ATOMIC_ACQUIRE);
  if (published)
    return *static_cast<SiteData *>(published);
  auto data = std::make_unique<SiteData>();
  if (site->name)
    data->name.assign(site->name, site->name_size >= 0
                                      ? static_cast<size_t>(site->name_size)
                                      : std::strlen(site->name));
  for (int64_t k = 0; k < site->num_kwnames; ++k)
    data->kwnames.emplace_back(site->kwnames[k]);
  void *expected = nullptr;
  if (__atomic_compare_exchange_n(&site->cache[0], &expected, data.get(), false,
                                  __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    return *data.release();
  return *static_cast<SiteData *>(expected); // another thread was first
}

Status janus::rt::exec::callValue(const Value &callee, const Value *args,
                                  size_t npos,
                                  const std::vector<std::string> &kwnames,
                                  Value &out) {
  return callWithKeywords(callee, args, npos, kwnames, out);
}

extern "C" {

janus_rt_value janus_rt_call(janus_rt_site *site, janus_rt_value callee,
                             const janus_rt_value *args, int64_t nargs) {
  return guard([&] {
    size_t npos;
    if (!splitArgs(site, nargs, npos))
      return badArity("janus_rt_call");
    Borrowed fn(callee);
    BorrowedArray values(args, static_cast<size_t>(nargs));
    Value out;
    return produce(callValue(*fn, values.data(), npos, keywordsOf(site), out),
                   out);
  });
}

janus_rt_value janus_rt_call_method(janus_rt_site *site,
                                    janus_rt_value receiver,
                                    const janus_rt_value *args, int64_t nargs) {
  return guard([&] {
    size_t npos;
    if (!splitArgs(site, nargs, npos))
      return badArity("janus_rt_call_method");
    Borrowed self(receiver);
    BorrowedArray values(args, static_cast<size_t>(nargs));
    SiteData &data = siteData(site);
    Value out;
    return produce(
        callMethod(data, *self, values.data(), npos, data.kwnames, out), out);
  });
}

janus_rt_value janus_rt_call_library(janus_rt_site *site,
                                     const janus_rt_value *args,
                                     int64_t nargs) {
  return guard([&] {
    size_t npos;
    if (!splitArgs(site, nargs, npos))
      return badArity("janus_rt_call_library");
    SiteData &data = siteData(site);
    const LibEntryInfo *entry;
    const Value *registered;
    if (Status status = libraryEntry(data, entry, registered); !status.ok())
      return fail(std::move(status));
    BorrowedArray values(args, static_cast<size_t>(nargs));
    Value out;
    if (registered)
      return produce(
          callWithKeywords(*registered, values.data(), npos, data.kwnames, out),
          out);
    if (entry->kind == LibEntryKind::Function ||
        (entry->kind == LibEntryKind::Class && entry->impl))
      return produce(
          bindAndCall(*entry, nullptr, values.data(), npos, data.kwnames, out),
          out);
    Value fn;
    if (Status status = lookupLibraryValue(data.name, fn); !status.ok())
      return fail(std::move(status));
    return produce(callWithKeywords(fn, values.data(), npos, data.kwnames, out),
                   out);
  });
}

janus_rt_value janus_rt_library_value(janus_rt_site *site) {
  return guard([&] {
    SiteData &data = siteData(site);
    const LibEntryInfo *entry;
    const Value *registered;
    if (Status status = libraryEntry(data, entry, registered); !status.ok())
      return fail(std::move(status));
    if (registered)
      return give(*registered);
    if (entry->kind == LibEntryKind::Constant && !entry->constant.isNone())
      return give(entry->constant);
    Value out;
    return produce(lookupLibraryValue(data.name, out), out);
  });
}

int32_t janus_rt_register_library_value(const char *qualified_name,
                                        janus_rt_value value) {
  return guard([&]() -> int32_t {
    if (!qualified_name || value.kind == JANUS_RT_ERROR_KIND ||
        value.kind == JANUS_RT_UNBOUND_KIND)
      return failInt(Status(ErrorCode::InvalidArgument,
                            "janus_rt_register_library_value: a name and a "
                            "value are required"));
    Borrowed v(value);
    registerLibraryValue(qualified_name, *v);
    return 0;
  });
}

} // extern "C"
