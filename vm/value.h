// vm/value.h -- AwValue, the 16-byte tagged value every part of the VM
// passes around: None, bool, 64-bit int, float, or a pointer to a heap
// object. Two internal tags never reach scripts: UNDEF (an unbound local,
// "no value", an exhausted iterator) and EXC (a native's "an exception is
// pending in vm->exc" sentinel).
#ifndef AW_VALUE_H
#define AW_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct AwObj AwObj;

typedef enum {
  AW_T_UNDEF = 0,  // no value: unbound local, iterator exhausted, missing arg
  AW_T_NONE,
  AW_T_BOOL,
  AW_T_INT,
  AW_T_FLOAT,
  AW_T_OBJ,
  AW_T_EXC         // error sentinel: the exception is in vm->exc
} AwTag;

typedef struct {
  uint32_t tag;
  uint32_t pad_;   // kept zero so values compare bytewise in tests
  union {
    int64_t i;     // AW_T_INT, AW_T_BOOL (0/1)
    double f;      // AW_T_FLOAT
    AwObj *o;      // AW_T_OBJ
  } as;
} AwValue;

#define AW_UNDEF ((AwValue){.tag = AW_T_UNDEF, .as.i = 0})
#define AW_NONE ((AwValue){.tag = AW_T_NONE, .as.i = 0})
#define AW_TRUE ((AwValue){.tag = AW_T_BOOL, .as.i = 1})
#define AW_FALSE ((AwValue){.tag = AW_T_BOOL, .as.i = 0})
#define AW_EXC ((AwValue){.tag = AW_T_EXC, .as.i = 0})
#define AW_BOOL(b) ((AwValue){.tag = AW_T_BOOL, .as.i = (b) ? 1 : 0})
#define AW_INT(n) ((AwValue){.tag = AW_T_INT, .as.i = (n)})
#define AW_FLOAT(x) ((AwValue){.tag = AW_T_FLOAT, .as.f = (x)})
#define AW_OBJ(p) ((AwValue){.tag = AW_T_OBJ, .as.o = (AwObj *)(p)})

#define AW_IS_UNDEF(v) ((v).tag == AW_T_UNDEF)
#define AW_IS_NONE(v) ((v).tag == AW_T_NONE)
#define AW_IS_BOOL(v) ((v).tag == AW_T_BOOL)
#define AW_IS_INT(v) ((v).tag == AW_T_INT)
#define AW_IS_FLOAT(v) ((v).tag == AW_T_FLOAT)
#define AW_IS_OBJ(v) ((v).tag == AW_T_OBJ)
#define AW_IS_EXC(v) ((v).tag == AW_T_EXC)
// True for int and bool: bool is a subclass of int in Python.
#define AW_IS_INTLIKE(v) ((v).tag == AW_T_INT || (v).tag == AW_T_BOOL)

#define AW_AS_INT(v) ((v).as.i)
#define AW_AS_BOOL(v) ((v).as.i != 0)
#define AW_AS_FLOAT(v) ((v).as.f)
#define AW_AS_OBJ(v) ((v).as.o)

// Comparison operators of COMPARE_OP and aw_compare.
typedef enum { AW_LT, AW_LE, AW_EQ, AW_NE, AW_GT, AW_GE } AwCmpOp;

// Identity (`is`): same tag and same payload.
static inline bool aw_value_is(AwValue a, AwValue b) {
  if (a.tag != b.tag) return false;
  if (a.tag == AW_T_FLOAT) return a.as.i == b.as.i;  // bit identity
  return a.as.i == b.as.i;
}

#endif
