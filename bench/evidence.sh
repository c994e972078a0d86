#!/usr/bin/env bash
# make evidence: re-runs what docs/evidence.md reports, and prints the figures.
#
#   1. the tests of issue 13's six fixes, by name (-race)
#   2. the crash harness: KILLS (250) SIGKILLs of a child that edits, imports or writes the demo
#   3. the tamper corpus: every file's verdict, pdfsig's beside it, where we are stricter
#   4. the fuzz targets, FUZZTIME (2m) each, with the committed corpora as seeds
#   5. govulncheck over the program's packages
#
# Usage: bench/evidence.sh         KILLS=250 FUZZTIME=2m SEED=… (crash harness seed) set the sizes.
# The output is printed and kept in evidence.log (git ignores it).
set -uo pipefail
cd "$(dirname "$0")/.."
KILLS=${KILLS:-250}
FUZZTIME=${FUZZTIME:-2m}
TAGS=migrated_fynedo
log=evidence.log
: >"$log"
say() { echo "$@" | tee -a "$log"; }
fail=0

say "# Evidence run $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), $(go version | cut -d' ' -f3), $(nproc) cores"

say
say "## 1. The fixes of issue 13, each with its test"
fixes=(
	"data|TestLockedUnderEveryName|TestWALOfAnotherFileRefused|TestLockDatabaseFile"
	"cli|TestLockedUnderAnotherName"
	"app/demo|TestGenerateAllOrNothing"
	"data|TestAtomically"
	"app/submission|TestVerifyCertificateChangedInSignature|TestTamperCorpus"
	"app/pdfsign|TestCheckSignedAttributes|TestCheckCertificates"
	"data|TestDatabaseFilesPrivate"
	"cli|TestFilesPrivate"
	"app/identity|TestKDFIterations|TestKDFIterationsBounded"
	"data|TestReadOnlyDatabase|TestDamagedDatabase|TestDamagedPageFoundLater|TestWriteWaitsForAnotherProgram"
	"cli|TestWaitingForAnotherProgramIsShown|TestOutOfRangeIsUsageError|TestNoBareErrorChains"
	"app/importer|TestRemovedSignerSaysWhen"
	"app/storemsg|TestText"
)
for f in "${fixes[@]}"; do
	pkg=${f%%|*}
	run="^(${f#*|})\$"
	if go test -race -tags $TAGS -count=1 -run "$run" "./$pkg" >>"$log" 2>&1; then
		say "ok   $pkg ${f#*|}"
	else
		say "FAIL $pkg ${f#*|}"
		fail=1
	fi
done

say
say "## 2. Crash harness ($KILLS SIGKILLs)"
go test -tags $TAGS -count=1 -timeout 60m -run '^TestCrashHarness$' -v ./app/importer -crash-kills "$KILLS" ${SEED:+-crash-seed "$SEED"} 2>&1 |
	grep -E 'seed|SIGKILLs|FAIL|round|^ok' | tee -a "$log"
[ "${PIPESTATUS[0]}" = 0 ] || fail=1

say
say "## 3. Tamper corpus (app/submission/testdata/tamper)"
go test -tags $TAGS -count=1 -run '^TestTamperCorpus$' -v ./app/submission 2>&1 | sed -n 's/^ *tamper_test.go:[0-9]*: //p; s/^        //p; /^--- /p; /^ok/p' | tee -a "$log"
[ "${PIPESTATUS[0]}" = 0 ] || fail=1

say
say "## 4. Fuzzing, $FUZZTIME per target"
for t in "app/submission FuzzVerify" "app/importer FuzzImport" "app/identity FuzzDecode" "app/pdfread FuzzOpen" "app/profile FuzzVerify" "app/registerimport FuzzRead"; do
	set -- $t
	out=$(go test -tags $TAGS -run '^$' -fuzz "^$2\$" -fuzztime "$FUZZTIME" -fuzzminimizetime 10x "./$1" 2>&1)
	rc=$?
	say "$2: $(echo "$out" | grep -E '^fuzz: elapsed' | tail -1) — $( [ $rc = 0 ] && echo PASS || echo FAIL)"
	[ $rc = 0 ] || { echo "$out" | tail -30 | tee -a "$log"; fail=1; }
done
say "(new interesting inputs are in \$(go env GOCACHE)/fuzz; copy them to the package's testdata/fuzz/<Target> to keep them)"

say
say "## 5. govulncheck"
vc="go run golang.org/x/vuln/cmd/govulncheck@v1.10.0"
db=()
if ! curl -sfI https://vuln.go.dev/index/db.json >/dev/null 2>&1; then
	# vuln.go.dev out of reach: the same database from the module proxy (golang.org/x/vulndb's
	# OSV files, indexed by its own tool).
	v=$(go list -m -f '{{.Version}}' golang.org/x/vulndb@latest 2>/dev/null)
	dir=$(go mod download -json "golang.org/x/vulndb@$v" 2>/dev/null | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
	idx=$(mktemp -d)
	go run "golang.org/x/vulndb/cmd/indexdb@$v" -vulns "$dir/data/osv" -out "$idx" >/dev/null 2>&1
	db=(-db "file://$idx")
	say "(vuln.go.dev unreachable: database golang.org/x/vulndb@$v from the module proxy)"
fi
$vc "${db[@]}" -tags $TAGS ./... 2>&1 | grep -E '^Vulnerability #|Found in|Fixed in|Your code|This scan|vulnerabilities|No vulnerabilities' | tee -a "$log"

say
if [ $fail = 0 ]; then say "evidence: all passed"; else say "evidence: FAILURES above"; fi
exit $fail
