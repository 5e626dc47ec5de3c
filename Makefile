# netmin - GNU Make, no generator a fresh machine lacks.
#
#   make            build/netmin
#   make asan       build/asan/netmin and build/asan/unit-tests (ASan + UBSan)
#   make win        build/netmin.exe and build/unit-tests.exe (mingw-w64)
#   make fuzz       build/fuzz/* (clang libFuzzer + ASan + UBSan)
#   make check      every test suite (tests/run.sh)

CC        ?= cc
HOSTCC    ?= cc
CLANG     ?= clang
MINGW     ?= x86_64-w64-mingw32-gcc
STD       := -std=c17
WARN      := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wno-missing-field-initializers
CFLAGS    ?= -O2 -g
DEFS      := -D_GNU_SOURCE
ALL_CFLAGS = $(STD) $(WARN) $(DEFS) $(CFLAGS) -Isrc
SAN       := -fsanitize=address,undefined -fno-sanitize-recover=all \
             -fno-omit-frame-pointer
LDLIBS_WIN := -static -liphlpapi -lws2_32 -ladvapi32

B         := build
LIB_SRC   := $(sort $(filter-out src/main.c,$(wildcard src/*.c)) src/kb_data.c)
UNIT_SRC  := $(wildcard tests/unit/*.c)
HDRS      := $(wildcard src/*.h) $(wildcard tests/unit/*.h)

# One fuzz target per parser and per wire decoder.
FUZZ_PARSERS := netstat-win ss netstat-linux lsof rpcdump-json \
                rpcdump-impacket tasklist pwsh sc pwsh-services
FUZZ_OTHER   := $(patsubst tests/fuzz/fuzz_%.c,%,$(filter-out \
                tests/fuzz/fuzz_parse.c,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_BINS    := $(FUZZ_PARSERS:%=$(B)/fuzz/parse-%) $(FUZZ_OTHER:%=$(B)/fuzz/%)

.PHONY: all asan win fuzz check clean unit tools
all: $(B)/netmin $(B)/unit-tests tools

# --- knowledge base -----------------------------------------------------
# kb/*.kb is validated by tools/kbgen (built natively, also for `make win`)
# and embedded as src/kb_data.c, which is committed so that a plain
# compiler build works.  A malformed entry fails here with file:line.
KB_FILES  := kb/sources.kb $(sort $(filter-out kb/sources.kb,$(wildcard kb/*.kb)))
KBGEN_SRC := tools/kbgen.c src/kb.c src/util.c src/plan_model.c src/names.c

$(B)/tools/kbgen: $(KBGEN_SRC) $(HDRS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(STD) $(WARN) $(DEFS) -O1 -g -Isrc -o $@ $(KBGEN_SRC)

src/kb_data.c: $(KB_FILES) tools/kbgen.c src/kb.c | $(B)/tools/kbgen
	$(B)/tools/kbgen -o $@ $(KB_FILES)

# --- native -------------------------------------------------------------
$(B)/obj/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/netmin: $(LIB_SRC:%.c=$(B)/obj/%.o) $(B)/obj/src/main.o
	$(CC) $(CFLAGS) -o $@ $^

$(B)/unit-tests: $(LIB_SRC:%.c=$(B)/obj/%.o) $(UNIT_SRC:%.c=$(B)/obj/%.o)
	$(CC) $(CFLAGS) -o $@ $^

# Test tools (tests/tools/*.c): small programs the integration tests run.
TOOL_SRC  := $(wildcard tests/tools/*.c)
TEST_SUPPORT := tests/unit/plan_sample.c
$(B)/tools/%: tests/tools/%.c $(LIB_SRC:%.c=$(B)/obj/%.o) $(TEST_SUPPORT:%.c=$(B)/obj/%.o)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $^

tools: $(TOOL_SRC:tests/tools/%.c=$(B)/tools/%)

# --- sanitizers ---------------------------------------------------------
asan: $(B)/asan/netmin $(B)/asan/unit-tests

$(B)/asan/obj/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN) -c -o $@ $<

$(B)/asan/netmin: $(LIB_SRC:%.c=$(B)/asan/obj/%.o) $(B)/asan/obj/src/main.o
	$(CC) $(CFLAGS) $(SAN) -o $@ $^

$(B)/asan/unit-tests: $(LIB_SRC:%.c=$(B)/asan/obj/%.o) $(UNIT_SRC:%.c=$(B)/asan/obj/%.o)
	$(CC) $(CFLAGS) $(SAN) -o $@ $^

# --- Windows (mingw-w64) ------------------------------------------------
win: $(B)/netmin.exe $(B)/unit-tests.exe $(B)/win/testsvc.exe

$(B)/win/obj/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(MINGW) $(STD) $(WARN) -D__USE_MINGW_ANSI_STDIO=1 $(CFLAGS) -Isrc -c -o $@ $<

$(B)/netmin.exe: $(LIB_SRC:%.c=$(B)/win/obj/%.o) $(B)/win/obj/src/main.o
	$(MINGW) $(CFLAGS) -o $@ $^ $(LDLIBS_WIN)

$(B)/unit-tests.exe: $(LIB_SRC:%.c=$(B)/win/obj/%.o) $(UNIT_SRC:%.c=$(B)/win/obj/%.o)
	$(MINGW) $(CFLAGS) -o $@ $^ $(LDLIBS_WIN)

# A Win32 service that owns a port, for tests/integration/win-live.sh.
$(B)/win/testsvc.exe: tests/win/testsvc.c
	@mkdir -p $(dir $@)
	$(MINGW) $(STD) $(WARN) -municode $(CFLAGS) -o $@ $< -static -lws2_32 -ladvapi32

# --- fuzzing (clang libFuzzer) ------------------------------------------
fuzz: $(FUZZ_BINS)

FUZZ_FLAGS = $(STD) $(WARN) $(DEFS) -O1 -g -Isrc \
             -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

$(B)/fuzz/parse-%: tests/fuzz/fuzz_parse.c $(LIB_SRC) $(HDRS)
	@mkdir -p $(dir $@)
	$(CLANG) $(FUZZ_FLAGS) -DFUZZ_FORMAT='"$*"' -o $@ $< $(LIB_SRC)

$(B)/fuzz/%: tests/fuzz/fuzz_%.c $(LIB_SRC) $(HDRS)
	@mkdir -p $(dir $@)
	$(CLANG) $(FUZZ_FLAGS) -o $@ $< $(LIB_SRC)

# --- generated data ---------------------------------------------------
# The well-known RPC interface table: checked row by row (file:line errors),
# regenerated when the TSV changes; the output is committed.
src/rpcif_data.c: kb/rpc-interfaces.tsv tools/gen-rpcif.sh
	sh tools/gen-rpcif.sh $< $@

# --- tests --------------------------------------------------------------
check: all asan fuzz win
	bash tests/run.sh

clean:
	rm -rf $(B)
