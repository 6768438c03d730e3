/*===- janus_exec.h - The runtime ABI that compiled Janus code calls ------===*
 *
 * janus.h is the API for applications; this header is the ABI for code that
 * janusc generates (the accurate path: the `dyn` dialect lowered to LLVM,
 * codegen/DynToLLVM). Every `dyn` op becomes a call of one function here.
 * It is C, so the lowering can declare the functions with plain LLVM types,
 * and it is not meant for hand-written applications.
 *
 * Values. A `janus_rt_value` is the runtime's 16-byte boxed value
 * (janus::rt::Value) as plain data: `kind` is a janus_value_kind_t (None 0,
 * bool 1, int 2, float 3, tensor 4, ...), `bits` the payload (the int, the
 * double's bits, or a pointer). None, bools, ints and floats are built
 * inline by generated code without a call. In LLVM IR a janus_rt_value
 * parameter is passed as two i64 arguments (kind, bits) and a returned one
 * is an `{i64, i64}`; that is how C passes and returns a 16-byte struct of
 * two 64-bit integers on x86-64 (SysV) and AArch64.
 *
 * Ownership. Every janus_rt_value a function returns, or writes through an
 * out pointer, carries one reference that the caller owns. Every
 * janus_rt_value passed in is borrowed. janus_rt_release drops a reference
 * (and ignores inline kinds), janus_rt_retain adds one.
 *
 * Errors. A function that fails records a pending Python exception for the
 * calling thread (type and message as CPython/PyTorch word them) and
 * returns a value of kind JANUS_RT_ERROR_KIND, or -1 from functions that
 * return int32_t. Generated code then calls janus_rt_traceback_add with the
 * failing op's location, releases what it owns and returns an error value
 * to its caller, up to the entry point, which turns the pending exception
 * into a janus_status_t or prints it (janus_rt_format_error).
 *
 * Slots. Locals and globals are janus_rt_value slots owned by generated
 * code (a function's frame, a module's global table). An empty slot has
 * kind JANUS_RT_UNBOUND_KIND; releasing it is a no-op.
 *
 * Sites. Ops that look something up by name (attributes, methods, library
 * functions, keyword arguments) pass a janus_rt_site: a static, zero-
 * initialised-cache struct that generated code emits once per op, which the
 * runtime may use to cache what it resolved (a library row, an attribute's
 * slot in an instance layout).
 *
 * Threads: the functions run on the calling thread; the pending exception
 * is thread-local. Compiled code of one module is not re-entrant across
 * threads unless the program's objects are not shared.
 *===----------------------------------------------------------------------===*/

#ifndef JANUS_JANUS_EXEC_H
#define JANUS_JANUS_EXEC_H

#include "janus/janus.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct janus_rt_value {
  uint64_t kind;
  uint64_t bits;
} janus_rt_value;

/* The kind of the value a failing function returns. */
#define JANUS_RT_ERROR_KIND 255u
/* The kind of an empty (unbound) local or global slot. */
#define JANUS_RT_UNBOUND_KIND 254u

/* A per-op static descriptor. `name` is the attribute, method or library
 * name (for janus_rt_call it is unused and may be NULL); `kwnames` the
 * keyword names of the call's trailing arguments. `cache` starts zeroed
 * and belongs to the runtime. */
typedef struct janus_rt_site {
  const char *name;
  int64_t name_size;
  const char *const *kwnames;
  int64_t num_kwnames;
  void *cache[4];
} janus_rt_site;

/* Where an op is in the source, for tracebacks. */
typedef struct janus_rt_location {
  const char *file;
  const char *function; /* "<module>" for module-level code */
  int32_t line;
  int32_t column;
} janus_rt_location;

/* The code of a compiled function: `args` holds one borrowed value per
 * parameter, in order, followed by one per captured cell. Returns a new
 * reference, or an error value. */
typedef janus_rt_value (*janus_rt_code_t)(const janus_rt_value *args);

/* Static description of a compiled Python function (one per def/lambda). */
typedef struct janus_rt_function_desc {
  const char *name;     /* __name__: "forward", "<lambda>" */
  const char *qualname; /* __qualname__: "Net.forward" */
  janus_rt_code_t code;
  int64_t num_params;
  const char *const *param_names;
  int64_t num_positional; /* parameters before `*`; the rest keyword-only */
  int64_t num_captures;
} janus_rt_function_desc;

/*--- Reference counts -----------------------------------------------------*/
void janus_rt_retain(janus_rt_value v);
void janus_rt_release(janus_rt_value v);

/*--- Constants ------------------------------------------------------------*/
/* The str `data[0..size)` (UTF-8). `cache` is a module-owned slot that
 * starts unbound: the first call stores the str there (the module keeps
 * that reference for ever) and every call returns a new reference to it. */
janus_rt_value janus_rt_const_str(janus_rt_value *cache, const char *data,
                                  int64_t size);
janus_rt_value janus_rt_ellipsis(void);

/*--- Operators (op numbers are the dyn dialect's enum values) ------------*/
/* BinaryKind: add 0, sub 1, mul 2, truediv 3, floordiv 4, mod 5, pow 6,
 * matmul 7. `inplace` != 0 is the augmented assignment form. */
janus_rt_value janus_rt_binary(uint32_t op, uint32_t inplace, janus_rt_value a,
                               janus_rt_value b);
/* UnaryKind: neg 0, pos 1, not 2. */
janus_rt_value janus_rt_unary(uint32_t op, janus_rt_value a);
/* CompareKind: eq 0, ne 1, lt 2, le 3, gt 4, ge 5, in 6, not_in 7. */
janus_rt_value janus_rt_compare(uint32_t op, janus_rt_value a,
                                janus_rt_value b);
/* `a is b`: 1 or 0. Never fails. */
int32_t janus_rt_is(janus_rt_value a, janus_rt_value b);
/* bool(a): 1, 0, or -1 on error. */
int32_t janus_rt_truth(janus_rt_value a);

/*--- Calls ------------------------------------------------------------------*/
/* callee(*args): the last site->num_kwnames of the `nargs` arguments are
 * passed by keyword. */
janus_rt_value janus_rt_call(janus_rt_site *site, janus_rt_value callee,
                             const janus_rt_value *args, int64_t nargs);
/* receiver.<site->name>(*args), keywords as above. */
janus_rt_value janus_rt_call_method(janus_rt_site *site,
                                    janus_rt_value receiver,
                                    const janus_rt_value *args, int64_t nargs);
/* The library function or class <site->name> (a qualified name of
 * Library.def, e.g. "torch.matmul") called with args, keywords as above. */
janus_rt_value janus_rt_call_library(janus_rt_site *site,
                                     const janus_rt_value *args, int64_t nargs);
/* The library entry <site->name> as a value. */
janus_rt_value janus_rt_library_value(janus_rt_site *site);
/* Registers `value` (borrowed; the runtime keeps a reference for the life
 * of the process) as the implementation of the library name
 * `qualified_name` ("torch.nn.Linear"): janus_rt_call_library,
 * janus_rt_library_value, janus_library_lookup and every other lookup by
 * name return it instead of the native row. This is how the compiled pylib
 * (torch.nn, torch.optim written in Janus Python) is installed. A site
 * resolves its name once, so register before running code that uses it.
 * Returns 0, or -1 (pending exception) for a NULL name or a value of kind
 * JANUS_RT_ERROR_KIND / JANUS_RT_UNBOUND_KIND. Thread-safe. */
int32_t janus_rt_register_library_value(const char *qualified_name,
                                        janus_rt_value value);

/*--- Functions and classes ------------------------------------------------*/
/* A function object for `desc`. `defaults` holds the default values of the
 * parameters whose indices are in `default_params` (increasing);
 * `captures` the cells of a lambda (desc->num_captures of them). */
janus_rt_value janus_rt_make_function(const janus_rt_function_desc *desc,
                                      const janus_rt_value *defaults,
                                      const int64_t *default_params,
                                      int64_t num_defaults,
                                      const janus_rt_value *captures);
/* A class named name[0..size) with base `base` (kind JANUS_RT_UNBOUND_KIND
 * for none). */
janus_rt_value janus_rt_make_class(const char *name, int64_t size,
                                   janus_rt_value base);
/* super().<site->name> inside a method of `cls`, bound to `self`. */
janus_rt_value janus_rt_super_attr(janus_rt_site *site, janus_rt_value cls,
                                   janus_rt_value self);

/*--- Attributes and items -------------------------------------------------*/
janus_rt_value janus_rt_get_attr(janus_rt_site *site, janus_rt_value obj);
int32_t janus_rt_set_attr(janus_rt_site *site, janus_rt_value obj,
                          janus_rt_value value);
janus_rt_value janus_rt_get_item(janus_rt_value obj, janus_rt_value key);
int32_t janus_rt_set_item(janus_rt_value obj, janus_rt_value key,
                          janus_rt_value value);
int32_t janus_rt_del_item(janus_rt_value obj, janus_rt_value key);
janus_rt_value janus_rt_make_slice(janus_rt_value lower, janus_rt_value upper,
                                   janus_rt_value step);

/*--- Containers -------------------------------------------------------------*/
janus_rt_value janus_rt_make_tuple(const janus_rt_value *items, int64_t n);
janus_rt_value janus_rt_make_list(const janus_rt_value *items, int64_t n);
/* items alternate key, value; n is the number of pairs. */
janus_rt_value janus_rt_make_dict(const janus_rt_value *items, int64_t n);
int32_t janus_rt_list_append(janus_rt_value list, janus_rt_value item);
/* Unpacks exactly n items of `v` into out[0..n) (new references). */
int32_t janus_rt_unpack(janus_rt_value v, janus_rt_value *out, int64_t n);

/*--- Iteration ------------------------------------------------------------*/
janus_rt_value janus_rt_get_iter(janus_rt_value iterable);
/* 1 with the next item in *out, 0 when exhausted (*out is None), -1 on
 * error. */
int32_t janus_rt_iter_next(janus_rt_value iterator, janus_rt_value *out);

/*--- Slots (locals, globals) and cells --------------------------------------*/
/* A new reference to *slot; NameError ("name 'x' is not defined") for an
 * unbound global, UnboundLocalError ("cannot access local variable 'x'
 * where it is not associated with a value") for a local. A local slot that
 * holds a cell (is_cell) is read through the cell. is_cell == 2 marks a
 * free variable (a lambda reading a captured cell): unbound, it is CPython's
 * NameError "cannot access free variable 'x' where it is not associated
 * with a value in enclosing scope" (1 gives the local's message). */
janus_rt_value janus_rt_load_slot(const janus_rt_value *slot,
                                  const char *name, int32_t is_global,
                                  int32_t is_cell);
/* *slot = value (retained); the old value is released. Through the cell
 * when is_cell. */
void janus_rt_store_slot(janus_rt_value *slot, janus_rt_value value,
                         int32_t is_cell);
/* del: unbinds the slot; NameError/UnboundLocalError when already unbound. */
int32_t janus_rt_del_slot(janus_rt_value *slot, const char *name,
                          int32_t is_global, int32_t is_cell);
/* A new reference to the global `name` of a compiled module, whose globals
 * are names[0..n) stored in *slots[0..n): what the exported
 * `janus_rt_value __janus_global_<module>(const char *name)` returns. Kind
 * JANUS_RT_UNBOUND_KIND (nothing to release) when the global is unbound or
 * the module has none of that name. Never fails; not synchronised with
 * code that stores the global. */
janus_rt_value janus_rt_global_lookup(const char *const *names,
                                      janus_rt_value *const *slots, int64_t n,
                                      const char *name);
/* A new, empty cell (for a local that a lambda captures). */
janus_rt_value janus_rt_cell_new(void);

/*--- Strings, assertions, context managers --------------------------------*/
/* format(conv(v), spec): conversion is 0, 's', 'r' or 'a'. */
janus_rt_value janus_rt_format(janus_rt_value v, int32_t conversion,
                               const char *spec, int64_t spec_size);
janus_rt_value janus_rt_join_strings(const janus_rt_value *parts, int64_t n);
/* Records AssertionError (message: str(message) unless message is unbound).
 * Always "fails": generated code goes to its error path afterwards. */
void janus_rt_assert_fail(janus_rt_value message);
janus_rt_value janus_rt_enter(janus_rt_value context);
int32_t janus_rt_exit(janus_rt_value context);

/*--- Errors and entry points ------------------------------------------------*/
/* Appends `loc` to the pending exception's traceback (innermost first). */
void janus_rt_traceback_add(const janus_rt_location *loc);
/* Whether an exception is pending on this thread. */
int32_t janus_rt_error_pending(void);
/* Takes the pending exception as text and clears it:
 * "FILE:LINE:COL: error: Type: message" for the innermost location, then
 * one "  FILE:LINE:COL: in FUNCTION" line per frame, outermost last.
 * Returns NULL when none is pending; free with janus_string_free. */
char *janus_rt_format_error(void);
/* Takes the pending exception as a janus_status_t (NULL when none). */
janus_status_t janus_rt_take_status(void);
/* The same, with the traceback in the status message: CPython's message,
 * then one "\n  FILE:LINE:COL: in FUNCTION" per frame, innermost first
 * (what the C entry points of a module built by janusc return). */
janus_status_t janus_rt_take_status_with_traceback(void);
/* The grad mode and recursion depth are restored to what they were at a
 * matching entry; entry points that generated code exports call these
 * around the call so a failing call leaves no torch.no_grad() behind. */
void *janus_rt_entry_begin(void);
void janus_rt_entry_end(void *token);

/*--- Modules built by janusc (docs/compiler.md, "C entry points") ---------*/
/* Installs the compiled pylib module `module` ("torch.nn" or "torch.optim")
 * once per process: loads libjanus_pylib_torch_nn.so (...torch_optim.so)
 * from $JANUS_PYLIB_DIR, else from the directory fixed when the runtime was
 * built, runs its init with __name__ == `module` and registers its classes
 * and functions that are rows of that Library.def module
 * (janus_rt_register_library_value). The exported init of every module
 * that names torch.nn or torch.optim calls it first. Returns 0 (also for a
 * module already loaded, or being loaded on this thread), or -1 with a
 * pending exception: RuntimeError when the library cannot be loaded, the
 * module's own exception when its init fails, InvalidArgument for another
 * name. Thread-safe. */
int32_t janus_rt_require_pylib(const char *module);
/* The body of the generated `janus_status_t <module>_init(void)`: runs
 * `init` (the module's exported __janus_init_<module>) with __name__ ==
 * `module_name` unless *state says it ran. *state is the module's word: 0
 * before, 2 after a successful run (later calls return NULL), 3 after a
 * failed one (later calls fail with RuntimeError: a module whose body
 * failed half-way is not run again), 1 while running. Thread-safe. */
janus_status_t janus_rt_export_init(int32_t *state,
                                    janus_rt_value (*init)(janus_rt_value),
                                    const char *module_name);
/* The body of a generated `janus_status_t <module>_<f>(args..., out)`:
 * calls the value of the global `*slot` (named `name`, Python semantics:
 * whatever the global holds now) with the `nargs` borrowed handles `args`,
 * and writes a new handle to the result in *out_result. Fails with
 * JANUS_STATUS_INVALID_ARGUMENT for a NULL argument or out_result, or when
 * <module>_init has not succeeded; a Python exception becomes its status
 * (janus_rt_take_status_with_traceback). Restores the grad mode and
 * recursion depth (janus_rt_entry_begin/end). */
janus_status_t janus_rt_export_call(const int32_t *state,
                                    const char *module_name,
                                    janus_rt_value *slot, const char *name,
                                    const janus_value_t *args, int64_t nargs,
                                    janus_value_t *out_result);

/*--- Profiles (janus run --profile-out, janusc --profile-generate) ---------*/
/* A per-probe static descriptor, like janus_rt_site: `key` is the site's
 * stable name ("model.py:12:9 call": file, line and column of the probed
 * construct, then what is probed), `function` the qualified name of the
 * enclosing function ("<module>" at module level). `record` starts NULL
 * and belongs to the runtime, which points it at the site's record the
 * first time the probe runs (and then installs the write at exit, see
 * janus.h's janus_profile_write). Recording is not synchronised: probes of
 * one module run on one thread at a time. None of these functions fails. */
typedef struct janus_rt_profile_site {
  const char *key;
  const char *function;
  void *record;
} janus_rt_profile_site;
/* The type of `v` (borrowed): type(v).__name__, plus dtype and shape for a
 * tensor. */
void janus_rt_profile_value(janus_rt_profile_site *site, janus_rt_value v);
/* A conditional branch went the "true" way (taken != 0) or the other. */
void janus_rt_profile_branch(janus_rt_profile_site *site, int32_t taken);
/* One entry of a loop ran `iterations` iterations. A negative count (a
 * frame's counter of a loop it never entered) records nothing. */
void janus_rt_profile_loop(janus_rt_profile_site *site, int64_t iterations);
/* A call of `callee` (borrowed): its qualified name for a function or a
 * bound method, "class NAME" for a class, else its type's name. */
void janus_rt_profile_call(janus_rt_profile_site *site, janus_rt_value callee);
/* A method call receiver.<name>(...): recorded as "TYPE.name", TYPE the
 * receiver's type name. */
void janus_rt_profile_method(janus_rt_profile_site *site,
                             janus_rt_value receiver, const char *name);
/* The attribute set of `object` (borrowed): its type's name and, for an
 * instance of a user class, its attribute names in the order it gained
 * them. */
void janus_rt_profile_attrs(janus_rt_profile_site *site, janus_rt_value object);

/* Conversions at the boundary with janus.h: a new handle for v; and a new
 * reference to the value behind a handle. */
janus_value_t janus_rt_to_handle(janus_rt_value v);
janus_rt_value janus_rt_from_handle(janus_value_t handle);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* JANUS_JANUS_EXEC_H */
