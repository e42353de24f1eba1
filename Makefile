# Makefile -- builds ./aw and libaw.a; `make test`, `make bench`.
# MODE=debug|release|asan, one build folder per mode. Generated
# lexer and parser sources live in build/gen and are never committed.
MODE    ?= release
CC      ?= cc
RE2C    ?= re2c
LEMON   ?= lemon
BUILD   := build/$(MODE)
GEN     := build/gen

CFLAGS_debug   := -O0 -g
CFLAGS_release := -O2 -g -DNDEBUG
CFLAGS_asan    := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
CFLAGS   := -std=c11 -Wall -Wextra $(CFLAGS_$(MODE)) $(EXTRA_CFLAGS)
CPPFLAGS := -I. -I$(GEN) -MMD -MP -D_DEFAULT_SOURCE
LDLIBS   := -lm -ledit

SRC     := $(wildcard lang/*.c vm/*.c stdlib/*.c)
LIBSRC  := $(filter-out vm/main.c,$(SRC))
GENSRC  := $(GEN)/lexer.c $(GEN)/grammar.c
LIBOBJ  := $(LIBSRC:%.c=$(BUILD)/%.o) $(GENSRC:$(GEN)/%.c=$(BUILD)/gen/%.o)
# stdlib/*.aw are compiled into the binary as C string literals.
EMBED   := $(patsubst stdlib/%.aw,$(GEN)/%.aw.h,$(wildcard stdlib/*.aw))
PKGS    := libuv
CPPFLAGS += $(shell pkg-config --cflags $(PKGS))
LDLIBS  += $(shell pkg-config --libs $(PKGS))

all: aw
aw: $(BUILD)/aw
	@ln -sf $(BUILD)/aw aw

$(BUILD)/aw: $(BUILD)/vm/main.o $(BUILD)/libaw.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)
$(BUILD)/libaw.a: $(LIBOBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c | $(GEN)/grammar.h $(EMBED)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<
$(BUILD)/gen/%.o: $(GEN)/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-unused-parameter -Wno-unused-variable -c -o $@ $<

# One lemon run makes both files; lemon leaves an unchanged grammar.h
# alone, so touch it to keep make's view of time consistent.
$(GEN)/grammar.c $(GEN)/grammar.h &: lang/grammar.y
	@mkdir -p $(GEN)
	$(LEMON) -q -d$(GEN) $<
	@touch $(GEN)/grammar.h
$(GEN)/%.aw.h: stdlib/%.aw
	@mkdir -p $(GEN)
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $< > $@.tmp
	{ echo 'static const char aw_src_$*[] ='; cat $@.tmp; echo ';'; } > $@ && rm -f $@.tmp
$(BUILD)/stdlib/asyncio.o: $(EMBED)
$(GEN)/lexer.c: lang/lexer.re | $(GEN)/grammar.h
	$(RE2C) -W --no-generation-date --no-version -o $@ $<

UNITSRC := $(wildcard tests/unit/*.c)
UNITBIN := $(UNITSRC:tests/unit/%.c=$(BUILD)/unit/%)
unit: $(UNITBIN)
$(BUILD)/unit/%: tests/unit/%.c $(BUILD)/libaw.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $^ $(LDLIBS)

# The README's test command: every suite, one closing "N passed, N failed".
test: aw unit
	python3 scripts/test.py --aw ./aw --unit-dir $(BUILD)/unit

# The same suites under ASan+UBSan with a collection at every safepoint.
test-asan:
	$(MAKE) MODE=asan build/asan/aw unit
	AW_GC_STRESS=1 python3 scripts/test.py --aw build/asan/aw --unit-dir build/asan/unit \
	  --suite golden --suite unit --suite conformance --timeout 300

bench: aw
	python3 scripts/bench.py --aw ./aw

clean:
	rm -rf build aw

.PHONY: all aw unit test test-asan bench clean
-include $(LIBOBJ:.o=.d) $(BUILD)/vm/main.d
