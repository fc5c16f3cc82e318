# The project's front door: `make demo` and `make test` do all the set-up they need.
BUILD       ?= build
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)
BUILD_TYPE  ?= RelWithDebInfo
# CI (CI=true) turns warnings into errors.
WERROR      ?= $(if $(filter true,$(CI)),ON,OFF)
BIN          = $(BUILD)/infotally

.PHONY: all deps configure build test demo bench format format-check test-sanitize install clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DINFOTALLY_WERROR=$(WERROR) $(CMAKE_EXTRA) >/dev/null

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

demo: build
	@python3 examples/demo/make_demo.py --bin $(BIN) --db $(BUILD)/demo.db

test-sanitize:
	@$(MAKE) test BUILD=build-sanitize BUILD_TYPE=Debug CMAKE_EXTRA=-DINFOTALLY_SANITIZE=ON

install: build
	@cmake --install $(BUILD)

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

format-check:
	@clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.hpp')

clean:
	@rm -rf $(BUILD) build-*
