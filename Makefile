# Makefile -- builds ./aw, libaw.a and libaw.so; `make test`, `make bench`,
# `make install PREFIX=...`. MODE=debug|release|asan|tsan, one build folder
# per mode. Generated lexer and parser sources live in build/gen and are
# never committed.
MODE    ?= release
CC      ?= cc
RE2C    ?= re2c
LEMON   ?= lemon
BUILD   := build/$(MODE)
GEN     := build/gen

CFLAGS_debug   := -O0 -g
CFLAGS_release := -O2 -g -DNDEBUG
CFLAGS_asan    := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
CFLAGS_tsan    := -O1 -g -fsanitize=thread
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

# ---- embedding: libaw.so from PIC objects, install, aw.pc, examples/embed ----
PICOBJ  := $(LIBOBJ:$(BUILD)/%=$(BUILD)/pic/%)
PREFIX  ?= /usr/local
VERSION := $(shell sed -n 's/^\#define AW_VERSION_STRING "\(.*\)"/\1/p' vm/aw.h)
lib: $(BUILD)/libaw.a $(BUILD)/libaw.so
$(BUILD)/libaw.so: $(PICOBJ)
	$(CC) $(CFLAGS) -shared -Wl,-soname,libaw.so -o $@ $^ $(LDLIBS)
$(BUILD)/pic/%.o: %.c | $(GEN)/grammar.h $(EMBED)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fPIC -c -o $@ $<
$(BUILD)/pic/gen/%.o: $(GEN)/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fPIC -Wno-unused-parameter -Wno-unused-variable -c -o $@ $<
$(BUILD)/pic/stdlib/asyncio.o: $(EMBED)

install: $(BUILD)/aw $(BUILD)/libaw.a $(BUILD)/libaw.so
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include
	install -m 755 $(BUILD)/aw $(DESTDIR)$(PREFIX)/bin/aw
	install -m 644 $(BUILD)/libaw.a $(DESTDIR)$(PREFIX)/lib/libaw.a
	install -m 755 $(BUILD)/libaw.so $(DESTDIR)$(PREFIX)/lib/libaw.so
	install -m 644 vm/aw.h $(DESTDIR)$(PREFIX)/include/aw.h
	sed -e 's|@PREFIX@|$(abspath $(PREFIX))|' -e 's|@VERSION@|$(VERSION)|' -e 's|@LIBS@|$(LDLIBS)|' \
	  aw.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/aw.pc

# Each examples/embed/NAME.c is a host program and a test (NAME.out is its
# expected stdout). They include only aw.h; minimal.c is built the way a
# user builds a host: against an installed aw, through pkg-config.
EXAMPLES  := $(patsubst examples/embed/%.c,$(BUILD)/embed/%,$(wildcard examples/embed/*.c))
EMBEDPREFIX := $(abspath $(BUILD)/prefix)
embed: $(EXAMPLES)
$(BUILD)/embed/%: examples/embed/%.c $(BUILD)/libaw.a vm/aw.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Ivm -o $@ $< $(BUILD)/libaw.a $(LDLIBS) -lpthread
$(BUILD)/embed/minimal: examples/embed/minimal.c $(BUILD)/aw $(BUILD)/libaw.a $(BUILD)/libaw.so vm/aw.h aw.pc.in
	@$(MAKE) --no-print-directory install PREFIX=$(EMBEDPREFIX) >/dev/null
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $$(PKG_CONFIG_PATH=$(EMBEDPREFIX)/lib/pkgconfig pkg-config --cflags --libs aw) \
	  -Wl,-rpath,$(EMBEDPREFIX)/lib

# The README's test command: every suite, one closing "N passed, N failed".
test: aw unit embed
	python3 scripts/test.py --aw ./aw --unit-dir $(BUILD)/unit --embed-dir $(BUILD)/embed

# The same suites under ASan+UBSan with a collection at every safepoint.
test-asan:
	$(MAKE) MODE=asan build/asan/aw unit embed
	AW_GC_STRESS=1 python3 scripts/test.py --aw build/asan/aw --unit-dir build/asan/unit \
	  --embed-dir build/asan/embed --suite golden --suite unit --suite conformance --suite embed --suite repl \
	  --timeout 300

# The threaded embedding code under ThreadSanitizer: two VMs on two
# threads share nothing, a host thread feeds a VM's host loop, and natives
# run on asyncio.to_thread workers (api_test).
test-tsan:
	$(MAKE) MODE=tsan build/tsan/embed/two_threads build/tsan/embed/poll_host build/tsan/embed/async_native \
	  build/tsan/unit/api_test
	TSAN_OPTIONS="suppressions=$(abspath tests/embed/tsan.supp) halt_on_error=1" \
	  python3 scripts/test.py --embed-dir build/tsan/embed --unit-dir build/tsan/unit --suite embed --suite unit

# memrun starts each workload from a small process, so that the peak
# memory reported is the workload's own (see tests/bench/memrun.c).
bench: aw $(BUILD)/bench/memrun
	python3 scripts/bench.py --aw ./aw --memrun $(BUILD)/bench/memrun
$(BUILD)/bench/memrun: tests/bench/memrun.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $<

clean:
	rm -rf build aw

.PHONY: all aw unit lib install embed test test-asan test-tsan bench clean
-include $(LIBOBJ:.o=.d) $(PICOBJ:.o=.d) $(BUILD)/vm/main.d
