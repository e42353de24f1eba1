// vm/object.h -- the layout of every heap object. Each object starts with
// AwObj (GC link, mark bit, kind, class). The kind drives C dispatch (GC
// tracing, fast paths); the class is what scripts see through type().
// Constructors live in the file that owns the type (str.c, list.c, ...).
#ifndef AW_OBJECT_H
#define AW_OBJECT_H

#include "vm/value.h"

typedef struct AwVM AwVM;
typedef struct AwClass AwClass;
typedef struct AwTuple AwTuple;
typedef struct AwDict AwDict;

// OBJKIND(name) -- every C-level object layout.
#define AW_OBJ_KINDS(OBJKIND)                                               \
  OBJKIND(STR)        /* AwStr */                                           \
  OBJKIND(BYTES)      /* AwBytes */                                         \
  OBJKIND(TUPLE)      /* AwTuple */                                         \
  OBJKIND(LIST)       /* AwList */                                          \
  OBJKIND(DICT)       /* AwDict */                                          \
  OBJKIND(SET)        /* AwSet (set and frozenset) */                       \
  OBJKIND(RANGE)      /* AwRange */                                         \
  OBJKIND(SLICE)      /* AwSlice */                                         \
  OBJKIND(PROTO)      /* AwProto: a code object (vm/code.h) */              \
  OBJKIND(FUNCTION)   /* AwFunction: a script function (closure) */         \
  OBJKIND(NATIVE)     /* AwNative: a C function or method */                \
  OBJKIND(BOUND)      /* AwBound: a bound method (self + function) */       \
  OBJKIND(CELL)       /* AwCell: a closure variable */                      \
  OBJKIND(CLASS)      /* AwClass */                                         \
  OBJKIND(INSTANCE)   /* AwInstance: instance of a user class */            \
  OBJKIND(EXCEPTION)  /* AwException: instance of an exception class */     \
  OBJKIND(MODULE)     /* AwModule */                                        \
  OBJKIND(GENERATOR)  /* AwGen: generator, coroutine or async generator */  \
  OBJKIND(NCORO)      /* AwNCoro: a coroutine whose body is C (ncoro.c) */  \
  OBJKIND(ITER)       /* AwIter: C-implemented iterators and views */       \
  OBJKIND(PROPERTY)   /* AwProperty */                                      \
  OBJKIND(WRAPPER)    /* AwWrapper: staticmethod, classmethod, super */     \
  OBJKIND(FRAMEREF)   /* AwFrameRef: a script-visible frame (cr_frame) */   \
  OBJKIND(FILE)       /* AwFile: open() result */                           \
  OBJKIND(NATIVEDATA) /* AwNativeData: opaque C data with a finalizer */  \
  OBJKIND(FUTURE)     /* AwFuture: asyncio Future and Task (vm/loop.h) */   \
  OBJKIND(LOOP)       /* AwLoopObj: the script-visible event loop */       \
  OBJKIND(HANDLE)     /* AwHandle: call_soon/call_later handles */

typedef enum {
#define AW_OBJKIND_ENUM(name) AW_OBJ_##name,
  AW_OBJ_KINDS(AW_OBJKIND_ENUM)
#undef AW_OBJKIND_ENUM
  AW_OBJ__COUNT
} AwObjKind;

struct AwObj {
  AwObj *next;       // all objects, for the sweep
  uint32_t cls_id;   // its class, vm->class_table[cls_id] (aw_obj_class):
                     // an index, not a pointer, keeps the header at 16
                     // bytes; 0 only while the VM makes its first classes
  uint8_t kind;      // AwObjKind
  uint8_t marked;
  uint16_t flags;    // per-kind bits (e.g. AW_SET_FROZEN)
};

#define AW_KIND(v) ((AwObjKind)AW_AS_OBJ(v)->kind)
#define AW_IS_KIND(v, k) (AW_IS_OBJ(v) && AW_AS_OBJ(v)->kind == (k))
#define AW_IS_STR(v) AW_IS_KIND(v, AW_OBJ_STR)
#define AW_IS_BYTES(v) AW_IS_KIND(v, AW_OBJ_BYTES)
#define AW_IS_TUPLE(v) AW_IS_KIND(v, AW_OBJ_TUPLE)
#define AW_IS_LIST(v) AW_IS_KIND(v, AW_OBJ_LIST)
#define AW_IS_DICT(v) AW_IS_KIND(v, AW_OBJ_DICT)
#define AW_IS_SET(v) AW_IS_KIND(v, AW_OBJ_SET)
#define AW_IS_CLASS(v) AW_IS_KIND(v, AW_OBJ_CLASS)
#define AW_IS_EXCEPTION(v) AW_IS_KIND(v, AW_OBJ_EXCEPTION)
#define AW_AS_STR(v) ((AwStr *)AW_AS_OBJ(v))
#define AW_AS_BYTES(v) ((AwBytes *)AW_AS_OBJ(v))
#define AW_AS_TUPLE(v) ((AwTuple *)AW_AS_OBJ(v))
#define AW_AS_LIST(v) ((AwList *)AW_AS_OBJ(v))
#define AW_AS_DICT(v) ((AwDict *)AW_AS_OBJ(v))
#define AW_AS_SET(v) ((AwSet *)AW_AS_OBJ(v))
#define AW_AS_CLASS(v) ((AwClass *)AW_AS_OBJ(v))
#define AW_AS_INSTANCE(v) ((AwInstance *)AW_AS_OBJ(v))
#define AW_AS_EXCEPTION(v) ((AwException *)AW_AS_OBJ(v))

// ---- strings and bytes ----------------------------------------------------

// Immutable text. Stored as UTF-8; indexed by code point. For non-ASCII
// strings, code point i is found by scanning (str.c keeps that fast for
// sequential access). hash is computed lazily (0 = not yet). Whether it is
// ASCII follows from the counts and "interned" is a header flag: no bytes
// of their own keep the record at 40 (most strings are short).
typedef struct {
  AwObj obj;
  uint64_t hash;
  int64_t nbytes;    // bytes of UTF-8 in data (excluding the trailing NUL)
  int64_t nchars;    // code points
  char data[];       // NUL-terminated
} AwStr;

#define AW_STR_INTERNED 1  // obj.flags: the intern table's own copy

static inline bool aw_str_ascii(const AwStr *s) { return s->nbytes == s->nchars; }
static inline bool aw_str_interned(const AwStr *s) { return s->obj.flags & AW_STR_INTERNED; }

typedef struct {
  AwObj obj;
  uint64_t hash;
  int64_t len;
  uint8_t data[];    // plus a trailing NUL for convenience
} AwBytes;

// ---- containers -----------------------------------------------------------

struct AwTuple {
  AwObj obj;
  uint64_t hash;     // cached hash, 0 = not yet
  int64_t len;
  AwValue items[];
};

typedef struct {
  AwObj obj;
  int64_t len, cap;
  AwValue *items;
} AwList;

// The one hash table: dicts, sets, module globals, class and instance
// attributes. Insertion-ordered (CPython's compact layout): entries[] in
// insertion order with UNDEF keys for deleted slots, index[] maps hash slots
// to entry numbers.
typedef struct {
  AwValue key;       // UNDEF = deleted entry
  AwValue value;     // unused for sets
  uint64_t hash;
} AwDictEntry;

struct AwDict {
  AwObj obj;
  int64_t len;       // live entries
  int64_t used;      // entries[] slots used (live + deleted)
  int64_t cap;       // entries[] capacity
  int64_t index_cap; // power of two; 0 = no index (tiny tables scan)
  AwDictEntry *entries;
  int32_t *index;    // -1 empty, -2 dummy, else entry number
  uint32_t version;  // bumped on every insert/delete (caches, iteration checks)
};

// A set is a dict whose values are unused. flags & AW_SET_FROZEN = frozenset.
typedef struct {
  AwDict table;
} AwSet;
#define AW_SET_FROZEN 1

typedef struct {
  AwObj obj;
  int64_t start, stop, step, len;
} AwRange;

typedef struct {
  AwObj obj;
  AwValue start, stop, step;   // each may be None
} AwSlice;

// ---- functions ------------------------------------------------------------

typedef struct AwProto AwProto;   // vm/code.h

typedef struct {
  AwObj obj;
  AwProto *proto;
  AwDict *globals;     // the defining module's globals
  AwTuple *defaults;   // positional defaults or NULL
  AwDict *kwdefaults;  // keyword-only defaults or NULL
  AwTuple *closure;    // cells for the proto's free variables, or NULL
  AwDict *attrs;       // f.__dict__, created on first setattr, or NULL
  AwValue name, qualname;  // str (settable via __name__/__qualname__)
  AwValue doc;
  AwValue module;      // module name (str) or None
} AwFunction;

// A native function. Calling convention: argv[0..argc) are the positional
// arguments (for a method, argv[0] is self); if kwnames is not NULL,
// argv[argc..argc+kwnames->len) are the keyword argument values named by
// kwnames (a tuple of str). argv points into the VM stack: the values are
// GC roots for the duration of the call. Returns the result, or AW_EXC with
// vm->exc set.
typedef AwValue (*AwNativeFn)(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames);

typedef struct {
  AwObj obj;
  AwNativeFn fn;
  const char *name;    // static C string
  AwValue self;        // bound self for builtin methods taken off an object
                       // (UNDEF when unbound); prepended to argv on call
  AwValue data;        // per-function value for natives that need state
                       // (e.g. a module, a class); UNDEF if unused
  uint16_t flags;      // AW_NATIVE_* below
} AwNative;
#define AW_NATIVE_METHOD 1       // binds to the instance when looked up on a class
#define AW_NATIVE_CLASSMETHOD 2  // receives the class as argv[0]
#define AW_NATIVE_STATIC 4       // never binds
#define AW_NATIVE_GETTER 8       // a computed attribute of built-in types:
                                 // looking it up on an instance calls
                                 // fn(vm, 1, &obj, NULL) and returns that
#define AW_NATIVE_SETTER 16      // with GETTER: assigning the attribute calls
                                 // fn(vm, 2, {obj, value}, NULL)

typedef struct {
  AwObj obj;
  AwValue self;        // the instance (or class for classmethods)
  AwValue func;        // the function to call with self prepended
} AwBound;

typedef struct {
  AwObj obj;
  AwValue value;       // UNDEF = empty cell
} AwCell;

// ---- classes and instances ------------------------------------------------

struct AwClass {
  AwObj obj;
  AwValue name;        // str
  AwValue qualname;    // str
  AwValue module;      // str or None
  AwClass *base;       // single inheritance; NULL only for object
  AwDict *dict;        // class attributes and methods
  uint8_t instance_kind;  // AwObjKind of instances: INSTANCE for plain user
                          // classes, EXCEPTION for exception subclasses,
                          // or the builtin kind for builtin types
  uint8_t is_builtin;     // a C-defined type (cannot set attributes)
  uint16_t slot_flags;    // AW_CLS_HAS_* caches of dunder presence
  uint32_t dict_version;  // the class dict's version when the flags were computed
  uint32_t serial;        // unique per class made at run time (inline caches
                          // tell a new class from a freed one at its address)
  uint32_t id;            // its index in vm->class_table (AwObj.cls_id)
  AwStr *dotted_name;     // "module.name" for AW_CLS_DOTTED_NAME (made on use)
};
// slot_flags bits, recomputed whenever a class or a base changes.
#define AW_CLS_HAS_GETATTR   0x0001   // defines __getattr__
#define AW_CLS_HAS_EQ        0x0002   // defines __eq__ (user-level)
#define AW_CLS_HAS_HASH      0x0004
#define AW_CLS_HAS_CALL      0x0008
#define AW_CLS_HAS_SETATTR   0x0010
#define AW_CLS_HAS_DESCR     0x0020   // has property/descriptor attributes
#define AW_CLS_ALSO_EXCEPTION 0x0040  // ExceptionGroup: also an Exception
#define AW_CLS_EXCEPTION_ROOT 0x0080  // the class Exception
#define AW_CLS_DOTTED_NAME   0x0100   // CPython names it "module.name" in
                                      // messages (a C type there: deque, Task)
#define AW_CLS_NO_NEW_ATTRS  0x0200   // its own instances refuse new attributes
#define AW_CLS_KEPT (AW_CLS_USER | AW_CLS_DOTTED_NAME | AW_CLS_NO_NEW_ATTRS)  // survive recomputing
#define AW_CLS_USER          0x8000   // defined by a class statement

typedef struct {
  AwObj obj;
  AwDict *dict;        // instance attributes (created eagerly)
} AwInstance;

// Instances of BaseException and its subclasses, built-in or user-defined.
typedef struct {
  AwInstance base;     // dict holds extra attributes (e.g. .value, .code)
  AwValue args;        // tuple
  AwValue traceback;   // list of (AwFrameRef-free) entries: see error.c
  AwValue cause;       // __cause__ or None
  AwValue context;     // __context__ or None
  bool suppress_context;
  AwValue notes;       // __notes__ list or UNDEF
} AwException;

typedef struct {
  AwObj obj;
  AwValue name;        // str
  AwDict *dict;        // the module's globals
  AwValue path;        // str file path or None for built-in modules
} AwModule;

// ---- iterators ------------------------------------------------------------

typedef struct AwIter AwIter;
// Returns the next item, AW_UNDEF when exhausted (no exception set), or
// AW_EXC on error.
typedef AwValue (*AwIterNextFn)(AwVM *vm, AwIter *it);

// Every C iterator (list_iterator, enumerate, zip, map, dict views ...)
// uses this one layout; the class names it and next does the work. The GC
// traces a, b and c; i, j, n are plain counters.
struct AwIter {
  AwObj obj;
  AwIterNextFn next;
  AwValue a, b, c;
  int64_t i, j, n;
};

typedef struct {
  AwObj obj;
  AwValue fget, fset, fdel, doc;
} AwProperty;

// staticmethod / classmethod / super (the class tells which).
typedef struct {
  AwObj obj;
  AwValue value;       // wrapped function (static/class) or the super type
  AwValue self;        // super: the bound object (or UNDEF)
} AwWrapper;

typedef struct {
  AwObj obj;
  void *fp;            // FILE*; NULL once closed
  AwValue name;        // str
  AwValue mode;        // str
  bool binary, readable, writable;
} AwFile;

typedef struct {
  AwObj obj;
  void *data;
  void (*finalize)(AwVM *vm, void *data);  // called once when collected
  const char *type_name;
} AwNativeData;

#endif
