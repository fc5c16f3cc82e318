# The project's front door: `make demo` and `make test` do all the set-up they need.
BUILD       ?= build
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)
BUILD_TYPE  ?= RelWithDebInfo
# CI (CI=true) turns warnings into errors.
WERROR      ?= $(if $(filter true,$(CI)),ON,OFF)
FUZZ_SECONDS ?= 60
BIN          = $(BUILD)/infotally

.PHONY: all deps configure build test demo bench format format-check test-sanitize fuzz install clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DINFOTALLY_WERROR=$(WERROR) $(CMAKE_EXTRA) >/dev/null

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# Release build (warnings are not errors here: GCC 12's -O3 has false -Wrestrict positives),
# then infotally against the sqlite3 shell on the same generated ledgers (bench/run_bench.py).
bench: deps
	@cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
	@cmake --build build-release -j$(JOBS) --target infotally
	@python3 bench/run_bench.py --bin build-release/infotally $(BENCH_ARGS)

demo: build
	@python3 examples/demo/make_demo.py --bin $(BIN) --db $(BUILD)/demo.db

test-sanitize:
	@$(MAKE) test BUILD=build-sanitize BUILD_TYPE=Debug CMAKE_EXTRA=-DINFOTALLY_SANITIZE=ON

# libFuzzer targets (fuzz/), built by clang with ASan+UBSan, each run FUZZ_SECONDS on its corpus.
fuzz:
	@scripts/install-deps.sh fuzz
	@CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DINFOTALLY_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
	@cmake --build build-fuzz -j$(JOBS) --target fuzz_all
	@fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

install: build
	@cmake --install $(BUILD)

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

format-check:
	@clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.hpp')

clean:
	@rm -rf $(BUILD) build-*
