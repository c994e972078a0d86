# Handlingsplan — the two commands a newcomer needs: `make run` and `make test`.
GO      ?= go
TAGS    := migrated_fynedo
DB      ?=
BIN     := handlingsplan

.PHONY: run test build deps deps-test vet fmt-check bench clean

deps:
	@bash packaging/deps.sh

deps-test:
	@bash packaging/deps.sh test

build: deps
	$(GO) build -tags $(TAGS) -trimpath -o $(BIN) .

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
test: deps-test fmt-check vet
	$(GO) test -race -tags $(TAGS) -count=1 -timeout 30m ./...
	cd earlylocale && $(GO) test -race -count=1 ./...

bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

clean:
	rm -f $(BIN)
