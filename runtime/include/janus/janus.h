/*===- janus.h - C API of the Janus runtime ---------------------------------===
 *
 * The stable interface of libjanus_runtime for applications and for code
 * that Janus compiles: Python values of the Janus subset (None, bool, int,
 * float, str, tuple, list, dict, built-in callables and what compiled code
 * makes of them) with Python's semantics for arithmetic, comparison, items,
 * truth, repr() and calls, and CPU tensors (made from and copied to host
 * buffers, printed as PyTorch prints them). Compiled modules will join
 * later; their handle type is declared already.
 *
 * Conventions (after IREE's runtime API):
 *  - Every symbol starts with janus_ / JANUS_; handles end in _t and are
 *    opaque pointers.
 *  - Fallible functions return a janus_status_t: NULL means success,
 *    anything else is an owned error the caller must pass to
 *    janus_status_free. Its code names the Python exception and its message
 *    is CPython's text ("unsupported operand type(s) for +: 'int' and
 *    'str'"). Results come back through out_ parameters, written only on
 *    success.
 *  - Values are reference counted. A function that returns a value through
 *    an out_ parameter gives the caller one reference, to be dropped with
 *    janus_value_release. Values passed in are borrowed: the callee retains
 *    what it keeps (a list keeps its items alive by itself).
 *  - Threads: retain/release and every read-only function may be called
 *    concurrently on shared values; functions that mutate a list or dict
 *    must not run concurrently with any other use of that container.
 *  - Ints are 64-bit: a result that does not fit is an OverflowError, never
 *    a wrapped value. Strings are UTF-8 with an explicit length.
 *
 * Compiles as C11 and as C++17; nothing C++ is exposed.
 *
 *===----------------------------------------------------------------------===*/

#ifndef JANUS_JANUS_H
#define JANUS_JANUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*===----------------------------------------------------------------------===
 * Status
 *===----------------------------------------------------------------------===*/

/* An error, or NULL for success. Owned by whoever holds it. */
typedef struct janus_status *janus_status_t;

/* The Python exception an error stands for. */
typedef enum janus_status_code_e {
  JANUS_STATUS_OK = 0,
  JANUS_STATUS_TYPE_ERROR = 1,
  JANUS_STATUS_VALUE_ERROR = 2,
  JANUS_STATUS_OVERFLOW_ERROR = 3,
  JANUS_STATUS_ZERO_DIVISION_ERROR = 4,
  JANUS_STATUS_INDEX_ERROR = 5,
  JANUS_STATUS_KEY_ERROR = 6,
  JANUS_STATUS_ATTRIBUTE_ERROR = 7,
  JANUS_STATUS_MEMORY_ERROR = 8,
  JANUS_STATUS_NOT_IMPLEMENTED_ERROR = 9,
  /* The API was misused: a NULL handle or out_ pointer, a bad enum. */
  JANUS_STATUS_INVALID_ARGUMENT = 10,
  /* Python's RuntimeError: what PyTorch raises for most bad tensor
   * arguments (shape mismatches, in-place rules, autograd misuse). */
  JANUS_STATUS_RUNTIME_ERROR = 11,
  /* Raised by compiled code (janus_exec.h): an unbound global or local, a
   * failed `assert`, too deep a recursion. */
  JANUS_STATUS_NAME_ERROR = 12,
  JANUS_STATUS_UNBOUND_LOCAL_ERROR = 13,
  JANUS_STATUS_ASSERTION_ERROR = 14,
  JANUS_STATUS_RECURSION_ERROR = 15,
} janus_status_code_t;

/* A new error with a copy of `message` (UTF-8, NUL-terminated; NULL reads
 * as ""), for callbacks that fail. Returns NULL for JANUS_STATUS_OK.
 * Thread-safe. */
janus_status_t janus_status_new(janus_status_code_t code, const char *message);
/* The code of `status`; JANUS_STATUS_OK for NULL. Thread-safe. */
janus_status_code_t janus_status_code(janus_status_t status);
/* CPython's message (for a KeyError, the repr of the key). Owned by
 * `status`; "" for NULL. Thread-safe. */
const char *janus_status_message(janus_status_t status);
/* "TypeError", "KeyError", ... ("OK" for NULL). A static string. */
const char *janus_status_type_name(janus_status_t status);
/* Frees `status`; NULL is ignored. */
void janus_status_free(janus_status_t status);

/*===----------------------------------------------------------------------===
 * Handles
 *===----------------------------------------------------------------------===*/

typedef struct janus_value *janus_value_t;
/* A tensor (see "Tensors" below). */
typedef struct janus_tensor *janus_tensor_t;
/* Reserved for the module API. */
typedef struct janus_module *janus_module_t;

typedef enum janus_value_kind_e {
  JANUS_VALUE_NONE = 0,
  JANUS_VALUE_BOOL = 1,
  JANUS_VALUE_INT = 2,
  JANUS_VALUE_FLOAT = 3,
  JANUS_VALUE_TENSOR = 4,
  JANUS_VALUE_STR = 5,
  JANUS_VALUE_TUPLE = 6,
  JANUS_VALUE_LIST = 7,
  JANUS_VALUE_DICT = 8,
  JANUS_VALUE_RANGE = 9,
  JANUS_VALUE_FUNCTION = 10,
  JANUS_VALUE_METHOD = 11,
  JANUS_VALUE_CLASS = 12,
  JANUS_VALUE_INSTANCE = 13,
  JANUS_VALUE_DTYPE = 14,     /* torch.float32, torch.int64, ... */
  JANUS_VALUE_ITERATOR = 15,  /* enumerate(...), zip(...), iter(list) ... */
  JANUS_VALUE_DICT_VIEW = 16, /* d.keys(), d.values(), d.items() */
  JANUS_VALUE_SLICE = 17,     /* slice(1, None, 2): the key of x[1::2] */
  JANUS_VALUE_ELLIPSIS = 18,  /* `...` */
  JANUS_VALUE_CELL = 19,      /* a captured local; internal to compiled code */
} janus_value_kind_t;

/* Adds a reference to `value`. Thread-safe; NULL is ignored. */
void janus_value_retain(janus_value_t value);
/* Drops a reference; the value dies with its last one. Thread-safe; NULL is
 * ignored. */
void janus_value_release(janus_value_t value);
/* The kind of `value` (JANUS_VALUE_NONE for NULL). Thread-safe. */
janus_value_kind_t janus_value_kind(janus_value_t value);
/* type(value).__name__ ("int", "list", "NoneType", a class's name). The
 * string is owned by `value` and lives as long as it. Thread-safe. */
const char *janus_value_type_name(janus_value_t value);
/* Python's `a is b`. Thread-safe. */
bool janus_value_is(janus_value_t a, janus_value_t b);

/* Heap objects plus handles alive in the process; for leak tests. */
int64_t janus_debug_live_objects(void);

/*===----------------------------------------------------------------------===
 * Scalars and strings
 *
 * Each janus_value_from_* gives the caller a new reference in *out_value.
 * Thread-safe.
 *===----------------------------------------------------------------------===*/

janus_status_t janus_value_none(janus_value_t *out_value);
janus_status_t janus_value_from_bool(bool b, janus_value_t *out_value);
janus_status_t janus_value_from_int(int64_t i, janus_value_t *out_value);
janus_status_t janus_value_from_float(double f, janus_value_t *out_value);
/* A str holding a copy of `size` bytes of UTF-8 at `data` (which need not be
 * NUL-terminated). */
janus_status_t janus_value_from_str(const char *data, size_t size,
                                    janus_value_t *out_value);

/* The bool in a bool value; anything else is a TypeError (use
 * janus_value_truth for Python's bool()). Thread-safe. */
janus_status_t janus_value_as_bool(janus_value_t value, bool *out_b);
/* The int in an int or bool value; anything else is a TypeError. */
janus_status_t janus_value_as_int(janus_value_t value, int64_t *out_i);
/* float(value) for a float, int or bool; anything else is a TypeError. */
janus_status_t janus_value_as_float(janus_value_t value, double *out_f);
/* The UTF-8 bytes of a str value, borrowed: valid while `value` lives (strs
 * never change) and NUL-terminated. Anything else is a TypeError. */
janus_status_t janus_value_as_str(janus_value_t value, const char **out_data,
                                  size_t *out_size);

/*===----------------------------------------------------------------------===
 * Containers
 *===----------------------------------------------------------------------===*/

/* A tuple of `count` items (retained; the caller keeps its references).
 * Thread-safe. */
janus_status_t janus_value_tuple_new(const janus_value_t *items, size_t count,
                                     janus_value_t *out_value);
/* A new empty list. Thread-safe. */
janus_status_t janus_value_list_new(janus_value_t *out_value);
/* list.append(item); `item` is retained. Not thread-safe for `list`. */
janus_status_t janus_value_list_append(janus_value_t list, janus_value_t item);
/* A new empty dict. Thread-safe. */
janus_status_t janus_value_dict_new(janus_value_t *out_value);
/* container[key] for a list, tuple, str, range or dict; a new reference in
 * *out_value. Not thread-safe against mutation of `container`. */
janus_status_t janus_value_get_item(janus_value_t container, janus_value_t key,
                                    janus_value_t *out_value);
/* container[index], the same with an int index (negative counts from the
 * end). */
janus_status_t janus_value_get_index(janus_value_t container, int64_t index,
                                     janus_value_t *out_value);
/* container[key] = item for a list or dict; both are retained. Not
 * thread-safe for `container`. */
janus_status_t janus_value_set_item(janus_value_t container, janus_value_t key,
                                    janus_value_t item);
/* len(value). Not thread-safe against mutation of `value`. */
janus_status_t janus_value_length(janus_value_t value, int64_t *out_length);
/* item in container. */
janus_status_t janus_value_contains(janus_value_t container, janus_value_t item,
                                    bool *out_result);

/*===----------------------------------------------------------------------===
 * Python semantics
 *===----------------------------------------------------------------------===*/

/* bool(value). */
janus_status_t janus_value_truth(janus_value_t value, bool *out_result);

/* repr(value) / str(value) as CPython prints them: a new NUL-terminated
 * UTF-8 string the caller frees with janus_string_free. */
janus_status_t janus_value_repr(janus_value_t value, char **out_string);
janus_status_t janus_value_str(janus_value_t value, char **out_string);
/* Frees a string returned by this API; NULL is ignored. */
void janus_string_free(char *string);

typedef enum janus_binary_op_e {
  JANUS_BINARY_ADD = 0,       /* +  */
  JANUS_BINARY_SUB = 1,       /* -  */
  JANUS_BINARY_MUL = 2,       /* *  */
  JANUS_BINARY_TRUE_DIV = 3,  /* /  */
  JANUS_BINARY_FLOOR_DIV = 4, /* // */
  JANUS_BINARY_MOD = 5,       /* %  */
  JANUS_BINARY_POW = 6,       /* ** */
  JANUS_BINARY_MATMUL = 7,    /* @  */
  JANUS_BINARY_LSHIFT = 8,    /* << */
  JANUS_BINARY_RSHIFT = 9,    /* >> */
  JANUS_BINARY_AND = 10,      /* &  */
  JANUS_BINARY_OR = 11,       /* |  */
  JANUS_BINARY_XOR = 12,      /* ^  */
} janus_binary_op_t;

/* a <op> b with Python's rules; a new value in *out_value. Thread-safe
 * unless an operand is being mutated. */
janus_status_t janus_value_binary_op(janus_binary_op_t op, janus_value_t a,
                                     janus_value_t b, janus_value_t *out_value);

typedef enum janus_unary_op_e {
  JANUS_UNARY_NEG = 0,    /* -x    */
  JANUS_UNARY_POS = 1,    /* +x    */
  JANUS_UNARY_INVERT = 2, /* ~x    */
  JANUS_UNARY_NOT = 3,    /* not x */
} janus_unary_op_t;

janus_status_t janus_value_unary_op(janus_unary_op_t op, janus_value_t a,
                                    janus_value_t *out_value);

typedef enum janus_compare_op_e {
  JANUS_COMPARE_EQ = 0,
  JANUS_COMPARE_NE = 1,
  JANUS_COMPARE_LT = 2,
  JANUS_COMPARE_LE = 3,
  JANUS_COMPARE_GT = 4,
  JANUS_COMPARE_GE = 5,
} janus_compare_op_t;

/* a <op> b as a truth value ("'<' not supported between instances of ..."
 * is a TypeError). */
janus_status_t janus_value_compare(janus_compare_op_t op, janus_value_t a,
                                   janus_value_t b, bool *out_result);

/*===----------------------------------------------------------------------===
 * Callables
 *===----------------------------------------------------------------------===*/

/* A built-in function implemented in C. It receives borrowed arguments and
 * returns NULL with a new reference in *out_result (left NULL, the result
 * is None), or an error status, which the caller of janus_value_call
 * receives. */
typedef janus_status_t (*janus_native_fn_t)(void *user_data,
                                            const janus_value_t *args,
                                            size_t nargs,
                                            janus_value_t *out_result);

/* A callable value named `name` (UTF-8, `name_size` bytes) that calls `fn`
 * with `user_data`. `destroy_user_data` (may be NULL) is called with
 * `user_data` when the function value dies. Thread-safe. */
janus_status_t janus_value_function_new(const char *name, size_t name_size,
                                        janus_native_fn_t fn, void *user_data,
                                        void (*destroy_user_data)(void *),
                                        janus_value_t *out_value);
/* fn(*args): `nargs` borrowed arguments; a new reference in *out_result.
 * As thread-safe as the callee. */
janus_status_t janus_value_call(janus_value_t fn, const janus_value_t *args,
                                size_t nargs, janus_value_t *out_result);

/*===----------------------------------------------------------------------===
 * Tensors
 *
 * A janus_tensor_t is a reference-counted handle to a CPU tensor. Functions
 * that return one through an out_ parameter give the caller one reference,
 * dropped with janus_tensor_release; tensors passed in are borrowed.
 * Elements are row-major; a JANUS_DTYPE_BOOL element is one byte (0 or 1;
 * any non-zero byte reads as true). Shapes are int64_t arrays of `rank`
 * entries (rank 0 is a scalar tensor; `shape` may then be NULL).
 *
 * Threads: handle retain/release is atomic, and reading a tensor (queries,
 * copies, repr) may run concurrently with other reads; nothing may run
 * concurrently with a write to the same tensor. Tensors shared with boxed
 * values (janus_value_from_tensor) are counted by the tensor library
 * without atomics, so making and dropping such values must be serialised
 * per tensor.
 *
 * Errors: NULL handles and out_ pointers, an unknown dtype, a negative
 * dimension (with PyTorch's message, "Trying to create tensor with negative
 * dimension -1: [-1]") and a buffer of the wrong byte size are
 * JANUS_STATUS_INVALID_ARGUMENT; an out-of-range dim is an IndexError with
 * PyTorch's message.
 *===----------------------------------------------------------------------===*/

typedef enum janus_dtype_e {
  JANUS_DTYPE_BOOL = 0,    /* torch.bool, 1 byte */
  JANUS_DTYPE_INT64 = 1,   /* torch.int64 */
  JANUS_DTYPE_FLOAT32 = 2, /* torch.float32 */
  JANUS_DTYPE_FLOAT64 = 3, /* torch.float64 */
} janus_dtype_t;

/* The size in bytes of one element of `dtype` (0 for an unknown dtype).
 * Thread-safe. */
size_t janus_dtype_size(janus_dtype_t dtype);

/* A new tensor of `dtype` and shape `shape[0..rank)` holding a copy of
 * `data`, which must be exactly numel * janus_dtype_size(dtype) bytes
 * (`data_size`; NULL is allowed when that is 0). Thread-safe. */
janus_status_t janus_tensor_from_buffer(janus_dtype_t dtype, size_t rank,
                                        const int64_t *shape, const void *data,
                                        size_t data_size,
                                        janus_tensor_t *out_tensor);
/* A new tensor of zeros (torch.zeros) / of unspecified contents
 * (torch.empty). Thread-safe. */
janus_status_t janus_tensor_zeros(janus_dtype_t dtype, size_t rank,
                                  const int64_t *shape,
                                  janus_tensor_t *out_tensor);
janus_status_t janus_tensor_empty(janus_dtype_t dtype, size_t rank,
                                  const int64_t *shape,
                                  janus_tensor_t *out_tensor);

/* Adds / drops a reference to a tensor handle. Thread-safe; NULL is
 * ignored. */
void janus_tensor_retain(janus_tensor_t tensor);
void janus_tensor_release(janus_tensor_t tensor);

/* t.dim(). */
janus_status_t janus_tensor_rank(janus_tensor_t tensor, size_t *out_rank);
/* Copies t.shape into out_shape[0..rank); `capacity` (entries) must be at
 * least the rank. */
janus_status_t janus_tensor_shape(janus_tensor_t tensor, int64_t *out_shape,
                                  size_t capacity);
/* t.size(dim); a negative dim counts from the end. */
janus_status_t janus_tensor_dim(janus_tensor_t tensor, int64_t dim,
                                int64_t *out_size);
janus_status_t janus_tensor_dtype(janus_tensor_t tensor,
                                  janus_dtype_t *out_dtype);
/* t.numel(). */
janus_status_t janus_tensor_numel(janus_tensor_t tensor, int64_t *out_numel);
/* Copies the elements (row-major, whatever the tensor's strides) into
 * `data`, which must be exactly numel * janus_dtype_size(dtype) bytes
 * (`data_size`). */
janus_status_t janus_tensor_copy_to_buffer(janus_tensor_t tensor, void *data,
                                           size_t data_size);
/* repr(t) as PyTorch 1.13 prints it ("tensor([1., 2.])"): a new string
 * freed with janus_string_free. */
janus_status_t janus_tensor_repr(janus_tensor_t tensor, char **out_string);

/* A boxed value holding `tensor` (the value keeps the tensor alive; the
 * caller keeps its handle). Serialise per tensor (see above). */
janus_status_t janus_value_from_tensor(janus_tensor_t tensor,
                                       janus_value_t *out_value);
/* A new handle to the tensor in a tensor value; anything else is a
 * TypeError. */
janus_status_t janus_value_as_tensor(janus_value_t value,
                                     janus_tensor_t *out_tensor);

/* Tensor handles alive in the process (janus_debug_live_objects does not
 * count them); for leak tests. */
int64_t janus_debug_live_tensors(void);

/*===----------------------------------------------------------------------===
 * The library: torch, torch.nn.functional, builtins, math, ... and methods
 *
 * Every function, method and attribute that Janus programs may use (the
 * table runtime/include/janus/Library.def) is reachable from C: look a
 * function up by its qualified name, get a method or attribute of a value
 * by name, and call with positional and keyword arguments. Arguments bind
 * as in Python; errors carry PyTorch's or CPython's exception and message.
 *===----------------------------------------------------------------------===*/

/* The function, class or constant named `qualified_name` (UTF-8,
 * NUL-terminated: "torch.add", "torch.nn.functional.relu", "len",
 * "math.pi", "torch.float32"); a new reference in *out_value. An unknown
 * name is an AttributeError. Thread-safe. */
janus_status_t janus_library_lookup(const char *qualified_name,
                                    janus_value_t *out_value);

/* obj.name (NUL-terminated UTF-8): a method of a tensor, list, dict or str
 * bound to `obj` ("add", "sum", "append"), an attribute ("shape", "grad"),
 * or an attribute of an instance. A new reference in *out_value; a missing
 * attribute is an AttributeError. As thread-safe as reading `obj`. */
janus_status_t janus_value_get_attr(janus_value_t obj, const char *name,
                                    janus_value_t *out_value);

/* fn(*positional, **keywords): `args` holds `nargs` values, the last
 * `nkwargs` of which are keyword arguments named by `kwnames` (each
 * NUL-terminated UTF-8). Arguments are borrowed; a new reference in
 * *out_result. As thread-safe as the callee. */
janus_status_t janus_value_call_kw(janus_value_t fn, const janus_value_t *args,
                                   size_t nargs, const char *const *kwnames,
                                   size_t nkwargs, janus_value_t *out_result);

/* torch.set_grad_enabled for the calling thread: whether tensor ops record
 * the autograd graph (on by default; `with torch.no_grad():` turns it off).
 * The previous setting goes to *out_previous when it is not NULL.
 * Thread-safe: the mode is per thread, as in PyTorch. */
void janus_set_grad_enabled(bool enabled, bool *out_previous);
/* Whether the calling thread records the autograd graph. */
bool janus_is_grad_enabled(void);

/*===----------------------------------------------------------------------===
 * Threads
 *
 * The runtime is single-threaded by default. With n > 1 intra-op threads,
 * large kernels split their work over the calling thread and n - 1 pool
 * threads: elementwise and unary ops above 32768 elements, conv2d's batch
 * loop (forward and input gradient), and OpenBLAS's gemm, whose thread
 * count always follows this setting (1 by default, not OpenBLAS's "all
 * cores"). The runtime's own split kernels give the same results for any
 * thread count (disjoint outputs; reductions stay on one thread); OpenBLAS's
 * threaded gemm may round differently from its one-thread path but repeats
 * itself for a given count. The environment
 * variable JANUS_NUM_THREADS (a positive integer) sets the initial count,
 * read once when the library loads.
 *===----------------------------------------------------------------------===*/

/* torch.set_num_threads: n < 1 is a ValueError. Waits for a running
 * parallel kernel to finish. Thread-safe. */
janus_status_t janus_set_num_threads(int num_threads);
/* torch.get_num_threads: the intra-op thread count (>= 1). Thread-safe. */
int janus_get_num_threads(void);

/*===----------------------------------------------------------------------===
 * Profiles
 *
 * Code compiled with probes (`janusc --profile-generate`, `janus run
 * --profile-out=FILE`) records what it observes: value types and tensor
 * shapes, branch outcomes, loop trip counts, call targets and attribute
 * sets, per source site (docs/runtime.md, "Profiles"). When the first probe
 * runs, the runtime arranges to write the profile when the process exits
 * (std::atexit), merged into the file named by the environment variable
 * JANUS_PROFILE_FILE, or "janus-profile.json" in the working directory when
 * it is unset or empty. An application that calls janus_profile_write
 * takes charge instead: the write at exit is then skipped.
 *===----------------------------------------------------------------------===*/

/* Merges the profile recorded so far into the JSON profile at `path`
 * (created when absent; a file that is not a valid profile is an error
 * and is left as it is), then clears the recorded counts so that a later
 * write adds only what was recorded since. Turns the write at exit off.
 * Returns NULL, or a JANUS_STATUS_RUNTIME_ERROR whose message names the
 * file and the problem ("LINE:COL: ..." for a malformed profile).
 * Thread-safe with respect to other writes, not to running probes. */
janus_status_t janus_profile_write(const char *path);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* JANUS_JANUS_H */
