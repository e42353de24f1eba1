// vm/unicode.h -- per-code-point Unicode properties and case mappings for
// the str methods (str.c, strfmt.c, format.c). Tables are generated from
// CPython's database by scripts/gen_unicode.py into vm/unicode_db.h.
#ifndef AW_UNICODE_H
#define AW_UNICODE_H

#include <stdbool.h>
#include <stdint.h>

// Property bits; the order must match PROPS in scripts/gen_unicode.py.
typedef enum {
  AW_UNI_PRINTABLE = 0x1,       // str.isprintable
  AW_UNI_ALPHA = 0x2,           // str.isalpha
  AW_UNI_DECIMAL = 0x4,         // str.isdecimal
  AW_UNI_DIGIT = 0x8,           // str.isdigit
  AW_UNI_NUMERIC = 0x10,        // str.isnumeric
  AW_UNI_SPACE = 0x20,          // str.isspace (and split() separators)
  AW_UNI_LOWER = 0x40,          // Lowercase
  AW_UNI_UPPER = 0x80,          // Uppercase
  AW_UNI_TITLE = 0x100,         // category Lt
  AW_UNI_XID_START = 0x200,     // may start an identifier
  AW_UNI_XID_CONTINUE = 0x400,  // may continue an identifier
  AW_UNI_CASE_IGNORABLE = 0x800 // for the final-sigma rule of lower()
} AwUniProp;

#define AW_UNI_CASED (AW_UNI_LOWER | AW_UNI_UPPER | AW_UNI_TITLE)

// The AwUniProp bits of [cp].
unsigned aw_unicode_props(uint32_t cp);
bool aw_unicode_isprintable(uint32_t cp);
// Full case mappings: write 1-3 code points to [out], return the count.
int aw_unicode_upper(uint32_t cp, uint32_t out[3]);
int aw_unicode_lower(uint32_t cp, uint32_t out[3]);
int aw_unicode_title(uint32_t cp, uint32_t out[3]);
int aw_unicode_fold(uint32_t cp, uint32_t out[3]);

#endif
