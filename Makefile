# tqc — translation-quality checker for news. See README.md.
# `make` builds ./tqc; `make demo`, `make check`, `make eval`, `make bench`.

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
CFLAGS ?= -O2 -g
BUILD ?= build
VERSION := 0.1.0
# The builds that make starts itself (check's, fuzz's) compile JOBS files at once, unless
# make was already given -j.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PARALLEL = $(if $(findstring -j,$(MAKEFLAGS)),,-j$(JOBS))
# Where docs/rules/ is published: SARIF's helpUri and the HTML report link there.
DOCS_URL ?= https://github.com/OWNER/tqc/blob/main/docs/rules

# Debian packages tqc needs to build, test and run: the dictionaries of every language
# with a profile, and exttextcat's fingerprints for telling the language (lang/langid.h).
DEB_PACKAGES = gcc make pkg-config libhunspell-dev libutf8proc-dev libxml2-dev libsqlite3-dev check \
               hunspell hunspell-en-us hunspell-en-gb \
               libexttextcat-dev libexttextcat-data hunspell-pt-pt hunspell-pt-br hunspell-es \
               hunspell-fr hunspell-de-de hunspell-de-ch hunspell-it libjansson-dev libmicrohttpd-dev
PKGS = hunspell libutf8proc libxml-2.0 sqlite3 libexttextcat jansson libmicrohttpd

WARN = -std=c11 -Wall -Wextra -Werror -Wshadow -Wwrite-strings -Wmissing-prototypes \
       -Wstrict-prototypes -Wno-unused-parameter
DEFS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DTQC_VERSION='"$(VERSION)"' \
       -DTQC_DOCS_URL='"$(DOCS_URL)"' \
       -DTQC_DATADIR='"$(PREFIX)/share/tqc"'
# pkg-config answers for all packages or none: name the missing ones before compiling,
# or the error is a header of a package that is there. Goals that install or clean, or
# that install first and build in a sub-make, need none.
NO_PKG_GOALS = deps need-deps clean uninstall check test demo lint action-test
ifneq ($(if $(MAKECMDGOALS),$(filter-out $(NO_PKG_GOALS),$(MAKECMDGOALS)),all),)
PKG_MISSING := $(shell for p in $(PKGS); do pkg-config --exists $$p 2>/dev/null || echo $$p; done)
ifneq ($(PKG_MISSING),)
$(error pkg-config cannot find $(PKG_MISSING): run make deps (it installs the Debian packages $(DEB_PACKAGES)))
endif
endif
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)

ifeq ($(SAN),1)
BUILD = build-san
CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

ALL_CFLAGS = $(WARN) $(DEFS) $(PKG_CFLAGS) -Ichecker $(CFLAGS)
# checker/ holds one folder per pipeline stage, bottom to top; a file includes headers of
# its own stage or the ones below (make lint checks it). The program's entry point is
# cli/main.c; everything else is the library the tests link.
STAGES = core lang seg read pass run report cli
SRCS = $(foreach d,$(STAGES),$(wildcard checker/$(d)/*.c))
HDRS = $(foreach d,$(STAGES),$(wildcard checker/$(d)/*.h))
LIB_SRCS = $(filter-out checker/cli/main.c,$(SRCS))
LIB_OBJS = $(LIB_SRCS:checker/%.c=$(BUILD)/%.o)
MAIN_OBJ = $(BUILD)/cli/main.o
TEST_SRCS = $(wildcard tests/check_*.c)
TEST_OBJS = $(TEST_SRCS:tests/%.c=$(BUILD)/tests/%.o)
TOOLS = $(patsubst tests/%.c,$(BUILD)/%,$(wildcard tests/eval_*.c tests/bench_*.c))
TQC_BIN = $(if $(filter 1,$(SAN)),$(BUILD)/tqc,./tqc)
# The runs make starts (demo, the gate, eval, bench) keep their verdict files (lang/
# verdicts.c) in the build folder, not in the user's cache; TQC_CACHE_DIR= turns them off.
TQC_CACHE_DIR ?= $(CURDIR)/$(BUILD)/cache
export TQC_CACHE_DIR

.PHONY: all demo check test unit e2e gate eval bench profile install install-cache uninstall clean deps deps-eval \
        deps-bench need-deps lint fuzz docs man action-test

all: tqc

tqc: $(BUILD)/tqc
	@if [ "$(SAN)" != 1 ]; then cp $(BUILD)/tqc tqc; fi

# tqc serve loads libmicrohttpd itself (cli/serve.c): the program is not linked with it,
# so no other command loads it and the TLS libraries it needs.
TQC_LIBS = $(filter-out -lmicrohttpd,$(PKG_LIBS)) -ldl
MHD_SONAME := $(shell objdump -p "$$(pkg-config --variable=libdir libmicrohttpd 2>/dev/null)/libmicrohttpd.so" 2>/dev/null | sed -n 's/^ *SONAME *//p')
$(BUILD)/cli/serve.o: DEFS += $(if $(MHD_SONAME),-DTQC_MHD_SONAME='"$(MHD_SONAME)"')

$(BUILD)/tqc: $(MAIN_OBJ) $(BUILD)/libtqc.a
	$(CC) $(LDFLAGS) -o $@ $^ $(TQC_LIBS)

$(BUILD)/libtqc.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: checker/%.c $(HDRS)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c $(HDRS) tests/*.h | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -DTQC_SOURCE_DIR='"$(CURDIR)"' -c -o $@ $<

$(BUILD)/check_tqc: $(TEST_OBJS) $(BUILD)/libtqc.a
	$(CC) $(LDFLAGS) -o $@ $(TEST_OBJS) $(BUILD)/libtqc.a $(PKG_LIBS) $(CHECK_LIBS)

$(BUILD)/%: tests/%.c $(BUILD)/libtqc.a $(HDRS) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -DTQC_SOURCE_DIR='"$(CURDIR)"' -o $@ $< $(BUILD)/libtqc.a $(PKG_LIBS) -lm

$(BUILD) $(BUILD)/tests:
	mkdir -p $@

# The Debian packages: installed when missing and root, otherwise the exact command.
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then [ -n "$(QUIET)" ] || echo "deps: all Debian packages present"; \
	elif [ "$$(id -u)" = 0 ]; then echo "deps: installing$$(echo $$missing | sed 's/^/ /')"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else echo "tqc needs these Debian packages; run:"; echo "  sudo apt-get install $$(echo $$missing)"; exit 1; fi

# The packages the clean corpora of the injection evaluation come from (tests/data/clean/
# build.sh rebuilds them; the corpora are committed, so make check needs none of these),
# and Translate Toolkit, which writes the TMX files make eval measures (tests/eval_tmx.py).
EVAL_DEB_PACKAGES = debian-handbook python3 translate-toolkit
deps-eval:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(EVAL_DEB_PACKAGES)"

# make bench's peers and prose sources, and make profile's tools (not needed to build or test).
BENCH_PACKAGES = aspell aspell-en debian-reference-en debian-handbook debian-policy developers-reference perl-doc python3-doc man-db groff-base linux-perf valgrind
deps-bench:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(BENCH_PACKAGES)"

# demo and check install what is missing first (see deps); silent when nothing is.
need-deps:
	@$(MAKE) --no-print-directory deps QUIET=1

demo: need-deps
	@$(MAKE) --no-print-directory tqc
	./tqc check corpus/en/demo.txt || [ $$? -eq 1 ]

check: need-deps
	@$(MAKE) --no-print-directory $(PARALLEL) tqc $(BUILD)/tqc $(BUILD)/check_tqc $(BUILD)/eval_inject
	@$(MAKE) --no-print-directory unit e2e gate

test: check

unit: $(BUILD)/check_tqc
	$(BUILD)/check_tqc

e2e: tqc $(BUILD)/tqc $(BUILD)/eval_inject
	TQC=$(TQC_BIN) EVAL_INJECT=$(BUILD)/eval_inject sh tests/e2e.sh

# The recall gate (issue 11): a quick seeded injection run and the required gold rows of
# corpus/, each recall held to its floor in tests/data/inject/floors.tsv.
gate: tqc $(BUILD)/tqc $(BUILD)/eval_inject
	$(BUILD)/eval_inject --quick --no-clean --tqc $(TQC_BIN) --gate tests/data/inject/floors.tsv

eval: tqc $(TOOLS)
	@BUILD=$(BUILD) sh tests/eval.sh

bench: tqc $(TOOLS)
	@BUILD=$(BUILD) sh tests/bench.sh

profile: tqc
	@BUILD=$(BUILD) sh tests/profile.sh

# The man page is `tqc help --man`: the same texts as --help (cli/help.c).
$(BUILD)/tqc.1: $(BUILD)/tqc
	$(BUILD)/tqc help --man > $@

man: $(BUILD)/tqc.1

# docs/rules/RULE.md is `tqc explain --markdown RULE` (the pass descriptors); the e2e
# tests fail when a page is stale.
docs: tqc
	@mkdir -p docs/rules
	@for r in $$(./tqc rules --ids); do ./tqc explain --markdown $$r > docs/rules/$$r.md; done

install: tqc $(BUILD)/tqc.1
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/tqc \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions
	install -m 755 $(BUILD)/tqc $(DESTDIR)$(PREFIX)/bin/tqc
	cp -R rules dictionaries web docs $(DESTDIR)$(PREFIX)/share/tqc/
	install -m 644 $(BUILD)/tqc.1 $(DESTDIR)$(PREFIX)/share/man/man1/tqc.1
	install -m 644 completions/tqc.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/tqc
	install -m 644 completions/_tqc $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_tqc
	@$(MAKE) --no-print-directory install-cache

# The installed languages' cache files (lexicon stamps and indexes, the verdicts of each
# frequency list's words, the compiled dictionaries: lang/forms.h), built by the installed tqc into share/tqc/cache, which every
# user's runs read before their own cache folder (README "Measuring"). They are keyed by
# the installed files' paths and inodes: a staged install (DESTDIR) would key them to the
# wrong paths, so it builds none. A language without its Hunspell dictionary is skipped.
install-cache:
	@if [ -n "$(DESTDIR)" ]; then echo "install: DESTDIR set: no cache files built"; exit 0; fi; \
	share=$(PREFIX)/share/tqc; \
	for l in $$(ls $$share/rules); do \
	  [ -f $$share/dictionaries/$$l/freq.tsv ] || continue; \
	  grep -v '^#' $$share/dictionaries/$$l/freq.tsv | cut -f1 | \
	    TQC_FORMS=build TQC_CACHE_DIR=$$share/cache $(PREFIX)/bin/tqc check --lang $$l --disable=spelling \
	      --format jsonl - \
	    >/dev/null 2>&1; \
	  if [ $$? -le 1 ]; then echo "install: cache files for $$l built in $$share/cache"; \
	  else echo "install: no cache files for $$l (no Hunspell dictionary?)"; fi; \
	done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/tqc $(DESTDIR)$(PREFIX)/share/man/man1/tqc.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/tqc \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_tqc
	rm -rf $(DESTDIR)$(PREFIX)/share/tqc

# The GitHub Action's install and build steps in a fresh Debian root (debootstrap, as
# root, with the network; minutes): tests/action_debian.sh.
action-test:
	sh tests/action_debian.sh $(ACTION_ROOT)

# Fuzzing (issue 5): each tests/fuzz_<name>.c is a libFuzzer target (a reader, or the
# segmenter and passes), built with clang, ASan and UBSan in build-fuzz/ and run for
# FUZZ_SECONDS each, FUZZ_JOBS at a time (tests/fuzz_run.sh), seeded from
# tests/data/inputs and tests/data/fuzz-regressions. A crash stops the run, its input
# saved as build-fuzz/<name>-crash-*. An input may take 30 s under the sanitizers before
# it counts as a hang: fuzz_large grows megabyte inputs.
FUZZ_SECONDS ?= 30
FUZZ_JOBS ?= $(JOBS)
FUZZ_FLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_NAMES = $(patsubst tests/fuzz_%.c,%,$(wildcard tests/fuzz_*.c))

fuzz:
	@$(MAKE) --no-print-directory $(PARALLEL) BUILD=build-fuzz CC=clang \
	  CFLAGS="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" build-fuzz/libtqc.a
	@for t in $(FUZZ_NAMES); do \
	  clang $(WARN) $(DEFS) $(PKG_CFLAGS) -Ichecker $(FUZZ_FLAGS) -fsanitize=fuzzer \
	    -DTQC_SOURCE_DIR='"$(CURDIR)"' -o build-fuzz/fuzz_$$t tests/fuzz_$$t.c \
	    build-fuzz/libtqc.a $(PKG_LIBS) || exit 1; \
	done
	@echo "fuzz: $(words $(FUZZ_NAMES)) targets, $(FUZZ_SECONDS) s each, $(FUZZ_JOBS) at a time"
	@printf '%s\n' $(FUZZ_NAMES) | xargs -P $(FUZZ_JOBS) -n 1 sh tests/fuzz_run.sh $(FUZZ_SECONDS)

# Functions that invite buffer overflows or hide errors have no place here.
lint:
	@! grep -nE '\b(sprintf|vsprintf|strcpy|strcat|strtok|atoi|atol|gets)\s*\(' $(SRCS) tests/*.c
	@sh tests/layering.sh $(STAGES)
	@# Library code allocates through core/alloc.h (tests make the N-th allocation fail).
	@! grep -nE '(^|[^_[:alnum:].>])(malloc|calloc|realloc|strdup|strndup)\(' \
	    $(filter-out checker/core/alloc.c,$(SRCS)) || \
	    { echo "lint: use tqc_malloc/tqc_calloc/tqc_realloc (core/alloc.h), tqc_strdup (core/io.h)"; false; }

clean:
	rm -rf build build-san build-clang build-prof build-fuzz tqc
