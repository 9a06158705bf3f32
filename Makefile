# okrdesk: GNU Makefile.
#
#   make            build ./okrdesk (warnings are errors)
#   make run        install what is missing, build, show the demo workspace
#   make test       install what is missing, build, run every test
#   make SANITIZE=address,undefined test   the same under ASan and UBSan
#   make deps       install the Debian packages the build needs
#   make clean
#
# Sources are found by wildcard: a new file in src/<layer>/ is built
# without editing this file; tests/unit/test_*.c each become a cmocka
# program linked against every object but the CLI's main.

CC      ?= cc
PKGS    := sqlite3 yaml-0.1 jansson libmicrohttpd libsodium libcurl libpq
TESTPKGS := cmocka
DEBS    := build-essential pkg-config libsqlite3-dev libyaml-dev \
           libjansson-dev libcmocka-dev tzdata sqlite3 jq \
           clang libclang-rt-14-dev time \
           libmicrohttpd-dev libsodium-dev curl wrk nginx-light \
           gettext locales libxml2-utils chromium libcurl4-openssl-dev \
           python3 libpq-dev postgresql

O       := build
LISTEN  ?= 127.0.0.1:8080
ifdef SANITIZE
O       := build-san
endif

CSTD    := -std=c17 -D_POSIX_C_SOURCE=200809L
WARN    := -Wall -Wextra -Wshadow -Wconversion -Wformat=2 \
           -Wstrict-prototypes -Wmissing-prototypes -Wno-format-nonliteral -Werror
OPT     ?= -O2 -g
CFLAGS  ?=
CFLAGS  += $(CSTD) $(WARN) $(OPT) -Isrc -MMD -MP
ifdef SANITIZE
CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
else
CFLAGS  += -D_FORTIFY_SOURCE=2
endif

PKGCFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKGLIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
TESTLIBS  = $(shell pkg-config --libs $(TESTPKGS) 2>/dev/null)

LIBSRC  := $(sort $(wildcard src/core/*.c src/store/*.c src/kpi/*.c src/okr/*.c src/import/*.c src/web/*.c src/cli/*.c))
LIBSRC  := $(filter-out src/cli/main.c,$(LIBSRC))
LIBOBJ  := $(LIBSRC:%.c=$(O)/%.o)
MAINOBJ := $(O)/src/cli/main.o
UNITSRC := $(sort $(wildcard tests/unit/test_*.c))
UNITBIN := $(UNITSRC:tests/unit/%.c=$(O)/tests/%)
BIN     := $(O)/okrdesk

# ---- pages: compiled-in assets and the Romanian messages ----------------
# assets/* become byte arrays in $(O)/gen/assets.c (od, coreutils), served
# by src/web/static.c; po/ro.po is compiled to $(MO), which i18n.c finds
# through the absolute OKRDESK_LOCALEDIR below (or $OKRDESK_LOCALEDIR).
ASSETS  := assets/okrdesk.css assets/okrdesk.js
GENOBJ  := $(O)/gen/assets.o
LIBOBJ  += $(GENOBJ)
MO      := $(O)/locale/ro/LC_MESSAGES/okrdesk.mo
LOCALES := en_US.UTF-8 ro_RO.UTF-8

.PHONY: all deps deps-locales run test unit cli clean demo-db pot

all: okrdesk

okrdesk: $(BIN) $(MO)
	@cp $(BIN) okrdesk

# V=1 shows the whole compiler command lines.
Q := $(if $(V),,@)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) $(PKGCFLAGS) -c -o $@ $<

$(BIN): $(MAINOBJ) $(LIBOBJ)
	@$(if $(V),,echo "  LINK    $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(PKGLIBS) -lm

$(O)/tests/%: tests/unit/%.c $(LIBOBJ)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  TEST    $@")
	$(Q)$(CC) $(CFLAGS) $(PKGCFLAGS) -o $@ $< $(LIBOBJ) $(LDFLAGS) $(PKGLIBS) $(TESTLIBS) -lm

$(O)/gen/assets.c: $(ASSETS) Makefile
	@mkdir -p $(@D)
	@$(if $(V),,echo "  GEN     $@")
	$(Q){ echo '/* generated from assets/ by the Makefile: do not edit */'; \
	    echo '#include <stddef.h>'; \
	    for f in $(ASSETS); do \
	    n=asset_$$(basename $$f | tr -c 'A-Za-z0-9\n' '_'); \
	    echo "extern const unsigned char $$n[];"; \
	    echo "extern const size_t $${n}_len;"; \
	    echo "const unsigned char $$n[] = {"; \
	    od -An -v -tx1 $$f | sed 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	    echo "0x00 };"; \
	    echo "const size_t $${n}_len = $$(wc -c <$$f);"; \
	    done; } >$@.tmp && mv $@.tmp $@

$(GENOBJ): $(O)/gen/assets.c
	@$(if $(V),,echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(O)/src/web/i18n.o: CFLAGS += -DOKRDESK_LOCALEDIR='"$(CURDIR)/$(O)/locale"'
$(O)/src/web/i18n.o: Makefile

$(MO): po/ro.po
	@mkdir -p $(@D)
	@$(if $(V),,echo "  MSGFMT  $@")
	$(Q)msgfmt --check -o $@ po/ro.po

# Refresh the template from the sources (then msgmerge po/ro.po).
# The KPI names (kpi/kpidefs.c) are shown translated too: they are pulled
# out of the table into N_() calls for xgettext.
pot:
	@mkdir -p $(O)/gen
	tr '\n\t' '  ' <src/kpi/kpidefs.c | \
	    grep -o '\[KPI_[A-Z0-9_]*\] = { "[^"]*", *"[^"]*"' | \
	    sed 's/.*"\([^"]*\)"$$/N_("\1");/' >$(O)/gen/kpinames.c
	xgettext --from-code=UTF-8 -k_ -kN_ --no-location -o po/okrdesk.pot \
	    --package-name=okrdesk src/web/page*.c $(O)/gen/kpinames.c

# Generate the locales the pages switch to per request (uselocale needs
# them installed); only those 'locale -a' lacks.
deps-locales:
	@need=""; for l in $(LOCALES); do \
	    c=$$(echo $$l | sed 's/UTF-8/utf8/'); \
	    locale -a 2>/dev/null | grep -qx "$$c" || need="$$need $$l"; \
	done; \
	if [ -n "$$need" ]; then \
	    echo "generating locales:$$need"; \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    for l in $$need; do \
	        $$SUDO sed -i "s/^# *\($$l UTF-8\)/\1/" /etc/locale.gen; \
	        grep -q "^$$l UTF-8" /etc/locale.gen || \
	            echo "$$l UTF-8" | $$SUDO tee -a /etc/locale.gen >/dev/null; \
	    done; \
	    $$SUDO locale-gen; \
	fi

# Install the Debian packages that are missing (as root, or through sudo).
deps:
	@missing=""; for p in $(DEBS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@# node and npm for the browser test: Debian's, unless a newer Node.js
	@# (with its own npm) is there already
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    echo "installing: nodejs npm"; \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm; \
	fi
	@$(MAKE) --no-print-directory deps-locales

DEMO_DB ?= demo.db

# A demo made by an older okrdesk (no sign-ins yet) is made again.
run: deps
	@$(MAKE) --no-print-directory okrdesk
	@if [ ! -f $(DEMO_DB) ] || [ "$$(./okrdesk --db $(DEMO_DB) user list --json 2>/dev/null)" = "[]" ] || \
	    ! ./okrdesk --db $(DEMO_DB) user list --json >/dev/null 2>&1; then \
	    ./okrdesk --db $(DEMO_DB) demo --force; fi
	@./okrdesk --db $(DEMO_DB) status
	@echo
	@echo "okrdesk: open http://$(LISTEN)/ and sign in as mara (admin), andrei (lead),"
	@echo "         ana (member) or guest (viewer), password okrdesk-demo; Ctrl-C stops"
	./okrdesk --db $(DEMO_DB) serve --listen $(LISTEN)

# Every test program prints one tally line; tests/run sums them into
# the final "N passed, N failed" line and fails if anything failed.
test: deps
	@$(MAKE) --no-print-directory $(BIN) $(UNITBIN) $(MO)
	@sh tests/run $(O)

clean:
	rm -rf build build-san build-fuzz okrdesk

-include $(shell find $(O) -name '*.d' 2>/dev/null)

# ---------------------------------------------------------------- fuzzing
# make fuzz       build build-fuzz/fuzz_csv (libFuzzer + ASan + UBSan, clang;
#                 the runtime comes with Debian's libclang-rt-14-dev)
# make fuzz-run   run it FUZZ_SECONDS (default 30) over the committed seeds
#                 in fuzz/corpus-csv; new inputs go to build-fuzz/corpus, a
#                 crash to build-fuzz/crash-*, and the target fails.

FUZZCC      ?= clang
FUZZ_SECONDS ?= 30
FUZZSRC     := fuzz/fuzz_csv.c src/import/csv.c src/import/rows.c \
               $(wildcard src/core/*.c)
FUZZFLAGS   := $(CSTD) $(WARN) -O1 -g -Isrc -fno-omit-frame-pointer \
               -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

.PHONY: fuzz fuzz-run

fuzz: build-fuzz/fuzz_csv

build-fuzz/fuzz_csv: $(FUZZSRC) $(wildcard src/import/*.h src/core/*.h)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  FUZZ    $@")
	$(Q)$(FUZZCC) $(FUZZFLAGS) $(shell pkg-config --cflags jansson) -o $@ \
	    $(FUZZSRC) $(shell pkg-config --libs jansson) -lm

fuzz-run: build-fuzz/fuzz_csv
	@mkdir -p build-fuzz/corpus
	./build-fuzz/fuzz_csv -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    -timeout=10 -print_final_stats=1 -artifact_prefix=build-fuzz/ \
	    build-fuzz/corpus fuzz/corpus-csv
# ---- bench ---------------------------------------------------------------
# make bench: okrdesk gen writes BENCH_ROWS interactions (10 M; set a smaller
# BENCH_ROWS for a quick run) and bench/run.sh measures import, the KPI
# suite, quantiles and memory side by side with sqlite3 and DuckDB, and,
# when the PostgreSQL server is installed, import (vs psql \copy) and the
# snapshot's load on a throwaway cluster (BENCH_PG=0 skips it); prints
# the ratios and rewrites docs/benchmarks.md.  See that file.
BENCH_ROWS ?= 10000000

.PHONY: bench bench-web
# make bench-web: the server's targets: wrk on a JSON route beside nginx,
# page p95 with 500 objectives and 2,000 key results (bench/web.sh).
bench-web: deps
	@$(MAKE) --no-print-directory okrdesk
	@BENCH_ROWS=$(BENCH_ROWS) OKRDESK=$(CURDIR)/okrdesk sh bench/web.sh

bench: deps
	@$(MAKE) --no-print-directory okrdesk
	@BENCH_ROWS=$(BENCH_ROWS) OKRDESK=$(CURDIR)/okrdesk sh bench/run.sh
