# Handlingsplan — the two commands a newcomer needs: `make run` and `make test`.
# Releases: `make dist` builds the installers into dist/, `make dist-check` also inspects them.
GO      ?= go
TAGS    := migrated_fynedo
DB      ?=
BIN     := handlingsplan
# The version from git describe (packaging/version.sh), shown by `handlingsplan version`.
VERSION := $(shell bash packaging/version.sh 2>/dev/null | sed -n 's/^VERSION=//p')
LDFLAGS := -X handlingsplan/version.Version=$(VERSION)

.PHONY: run test build deps deps-test deps-dist vet fmt-check bench bench-go evidence clean dist dist-check licenses

deps:
	@bash packaging/deps.sh

deps-test:
	@bash packaging/deps.sh test

deps-dist:
	@bash packaging/deps.sh dist

build: deps
	$(GO) build -tags $(TAGS) -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) .

# Builds and starts the desktop app on the local database (or DB=path).
run: build
	./$(BIN) $(if $(DB),--db "$(DB)")

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...
	cd earlylocale && $(GO) vet ./...

# Every test, with the race detector; UI tests use Fyne's test driver and need no display.
# The tests that paint whole windows in software live in files built only without -race (Fyne's
# painting is some ten times slower under it): the packages that have them run once more
# without it. (docs/evidence.md has the timings.)
PAINTED := ./ui/overview ./ui/present ./ui/register
test: deps-test fmt-check vet
	$(GO) test -race -tags $(TAGS) -count=1 -timeout 30m ./...
	$(GO) test -tags $(TAGS) -count=1 -timeout 30m $(PAINTED)
	cd earlylocale && $(GO) test -race -count=1 ./...

# Whole-process speed and memory beside their yardsticks (a bare Fyne window, LibreOffice,
# pdfsig), written to docs/benchmarks.md; takes some minutes.
bench: deps
	bash bench/bench.sh docs/benchmarks.md

# The Go benchmarks of every package (go test -bench).
bench-go:
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

# Re-runs what docs/evidence.md reports: the fixes' tests, the crash harness (KILLS=250), the
# tamper corpus against pdfsig, the fuzz targets (FUZZTIME=2m each), govulncheck.
evidence: deps-test
	bash bench/evidence.sh

# The installers (.deb, tarball, signed .exe and .msi, SHA256SUMS) into dist/; see packaging/README.md.
dist: deps-dist
	bash packaging/dist.sh

# Builds the installers and inspects them as CI does (file lists, dependencies, PE header,
# version resource, MSI tables, signatures, lintian, reproducibility of the Linux binary).
dist-check: dist
	bash packaging/dist-check.sh

# Regenerates the third-party licence texts after go.mod changed.
licenses:
	$(GO) run ./packaging/licenses -o packaging/third-party-licenses.txt

clean:
	rm -f $(BIN)
	rm -rf dist
