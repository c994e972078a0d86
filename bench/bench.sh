#!/usr/bin/env bash
# make bench: Handlingsplan's speed and memory as whole processes, each beside its yardstick
# where it has one, measured in one run of this script on the same files, written to
# docs/benchmarks.md (machine, commit, medians, ratios, peak memory):
#
#   window    the first window (demo database; a coordinator's 50 × 10 × 200 database)
#             vs a bare Fyne window, mapped and first frame drawn (under Xvfb)
#   export    export + sign of the demo plan and of a 200-activity plan
#             vs LibreOffice converting the same content (the plan's text, page by page, as HTML)
#   verify    handlingsplan verify vs pdfsig on the same signed plan
#   import    importing 100 signed submissions into a coordinator's database
#             vs pdfsig checking the same 100 files
#   overview  the KS report (PDF) and workbook of a 50 boards × 10 years × 200 activities database
#   edit      one typed edit saved and the plan read back, as the wizard does (median of 200)
#
# Peak memory is the maximum resident set size from /usr/bin/time -v (for the windows: from
# wait4, the same figure, when the first frame was drawn).
#
# Usage: bench/bench.sh [OUT.md]       (default docs/benchmarks.md)
#   RUNS=21 (verify), WINDOW_RUNS=11, EXPORT_RUNS=5, IMPORT_RUNS=5, OVERVIEW_RUNS=5
#   HANDLINGSPLAN=path measures that binary instead of building one.
#
# It builds what it needs into a temporary folder, makes its data there with the app's own
# packages (bench/gen.go), points $HOME there (pdfsig's NSS database, Fyne's preferences), and
# removes it all at the end. Needs, installed with apt when missing: poppler-utils, xvfb,
# libx11-dev, libxdamage-dev, gcc, libreoffice-writer-nogui, time; and Go.
set -euo pipefail
trap 'echo "bench.sh: line $LINENO failed: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
out=${1:-docs/benchmarks.md}
RUNS=${RUNS:-21}
WINDOW_RUNS=${WINDOW_RUNS:-11}
EXPORT_RUNS=${EXPORT_RUNS:-5}
IMPORT_RUNS=${IMPORT_RUNS:-5}
OVERVIEW_RUNS=${OVERVIEW_RUNS:-5}

need=()
for p in poppler-utils xvfb libx11-dev libxdamage-dev gcc libreoffice-writer-nogui time; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
	echo "installing ${need[*]}"
	if [ "$(id -u)" = 0 ]; then
		apt-get install -y --no-install-recommends "${need[@]}" >/dev/null
	else
		sudo apt-get install -y --no-install-recommends "${need[@]}" >/dev/null
	fi
fi

T=$(mktemp -d)
xvfb_pid=
cleanup() {
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
	[ -n "${KEEP:-}" ] || rm -rf "$T"
}
trap cleanup EXIT

commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs/benchmarks.md' || echo "+changes")
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "building into $T"
HP=${HANDLINGSPLAN:-$T/handlingsplan}
[ -n "${HANDLINGSPLAN:-}" ] || go build -tags migrated_fynedo -trimpath -o "$HP" .
go build -o "$T/timeit" bench/timeit.go
go build -tags migrated_fynedo -o "$T/gen" bench/gen.go
# Go's caches stay where they are; only the tools measured get the fresh $HOME.
export GOPATH=$(go env GOPATH) GOMODCACHE=$(go env GOMODCACHE) GOCACHE=$(go env GOCACHE)
export HOME=$T/home LANG=C.UTF-8
mkdir -p "$HOME"

year=$(($(date +%Y) + 1))
board=Socialnämnden
# What the set-up commands print goes to a log, shown only when one fails.
setup() { "$@" >>"$T/setup.log" 2>&1 || { cat "$T/setup.log"; exit 1; }; }
echo "making the data (demo, a 200-activity plan, 100 submissions, a 50 × 10 × 200 coordinator database)"
setup "$HP" demo --db "$T/demo.db"
echo "bench-lösenord-1234" >"$T/pass"
chmod 600 "$T/pass"
setup "$HP" identity new --name "Åsa Öberg" --email asa@example.se --board "$board" --out "$T/id.p12" --passphrase-file "$T/pass"
setup "$HP" export --db "$T/demo.db" --board "$board" --year "$year" --identity "$T/id.p12" --passphrase-file "$T/pass" --out "$T/plan.pdf"
setup "$T/gen" plan200 "$T/p200.db" "$board" "$year"
setup "$HP" export --db "$T/p200.db" --board "$board" --year "$year" --identity "$T/id.p12" --passphrase-file "$T/pass" --out "$T/p200.pdf"
mkdir -p "$T/subs"
setup "$T/gen" submissions "$T/subs" 100
mv "$T/subs/coordinator.db" "$T/coordinator-template.db"
setup "$T/gen" large "$T/large.db" 50 10 200
cp "$T/demo.db" "$T/edit.db"

pages() { pdfinfo "$1" | awk '/^Pages/{print $2}'; }
# html writes a PDF's text, page by page, as HTML with a page break before each page: the same
# content for LibreOffice to lay out and convert.
html() {
	pdftotext -layout "$1" "$T/text.txt"
	{
		echo '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Handlingsplan</title>'
		echo '<style>pre{font-size:6pt;white-space:pre-wrap} h1{font-size:12pt} h1.p{page-break-before:always}</style></head><body>'
		awk -v RS='\f' '{page[NR]=$0} END {
			for (i = 1; i < NR; i++) {
				t = page[i]
				gsub(/&/, "\\&amp;", t); gsub(/</, "\\&lt;", t)
				printf "<h1%s>Sida %d</h1><pre>%s</pre>\n", (i > 1 ? " class=\"p\"" : ""), i, t
			}
		}' "$T/text.txt"
		echo '</body></html>'
	} >"$2"
}
html "$T/plan.pdf" "$T/plan.html"
html "$T/p200.pdf" "$T/p200.html"
lo="soffice -env:UserInstallation=file://$T/lo-profile --headless --convert-to pdf --outdir $T/lo"
mkdir -p "$T/lo"
$lo "$T/plan.html" >/dev/null 2>&1
$lo "$T/p200.html" >/dev/null 2>&1

# Scripts for what is more than one command line.
cat >"$T/import100.sh" <<EOF
#!/bin/sh
rm -f $T/coord.db $T/coord.db-wal $T/coord.db-shm
cp $T/coordinator-template.db $T/coord.db
exec $HP import --lang en --db $T/coord.db $T/subs
EOF
cat >"$T/pdfsig100.sh" <<EOF
#!/bin/sh
for f in $T/subs/*.pdf; do pdfsig "\$f" >/dev/null 2>&1; done
EOF
chmod +x "$T/import100.sh" "$T/pdfsig100.sh"
setup "$T/import100.sh"
imported=$("$T/import100.sh" 2>/dev/null | tail -1)

{
	echo "# Benchmarks"
	echo
	echo "Made by \`make bench\` (bench/bench.sh) on $(date -u +%Y-%m-%d), commit $commit. Whole processes, each run"
	echo "interleaved with its yardstick in the same script on the same files, so that a busy machine"
	echo "slows both alike; medians, with the ratio to the yardstick from the same run. Peak memory is the"
	echo "maximum resident set size (/usr/bin/time -v)."
	echo
	echo "Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB,"
	echo "$(uname -sr), $(go version | cut -d' ' -f3), $(soffice --version 2>/dev/null | cut -d' ' -f1-2), $(pdfsig -v 2>&1 | head -1)."
	echo "Load average when the run started: $load_start (other work shares the machine)."
	echo
} >"$T/out.md"

section() { printf '\n## %s\n\n%s\n\n' "$1" "$2" >>"$T/out.md"; echo "== $1"; }

section "First window" "From starting the program to its first window mapped and its first frame drawn (X events under Xvfb, 1920×1080), against a bare Fyne window (one label, same size, same build tags). The coordinator's database holds 50 boards × 10 years of received plans of 200 activities (and last year's) and opens on the overview."
go build -tags migrated_fynedo -trimpath -o "$T/bare" bench/barewindow.go
go build -o "$T/firstwindow" bench/firstwindow.go
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$T/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$T/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$T/display")"
"$T/firstwindow" -md -n "$WINDOW_RUNS" "handlingsplan, demo database=$HP --db $T/demo.db" "bare Fyne window=$T/bare" >>"$T/out.md"
echo >>"$T/out.md"
"$T/firstwindow" -md -n "$WINDOW_RUNS" "handlingsplan, 50 × 10 × 200 coordinator database=$HP --db $T/large.db" "bare Fyne window=$T/bare" >>"$T/out.md"

section "Export and sign" "\`handlingsplan export\`: the report rendered, submission.json attached, the file signed (the identity's key unlocked, 600 000 PBKDF2 iterations) and written; against LibreOffice converting the same text, page for page (HTML, one page break per page), to PDF. Demo plan: ours $(pages "$T/plan.pdf") pages, LibreOffice's $(pages "$T/lo/plan.pdf"); 200-activity plan: ours $(pages "$T/p200.pdf"), LibreOffice's $(pages "$T/lo/p200.pdf")."
"$T/timeit" -md -n "$EXPORT_RUNS" \
	"handlingsplan export, demo plan=$HP export --db $T/demo.db --board $board --year $year --identity $T/id.p12 --passphrase-file $T/pass --out $T/bench.pdf" \
	"LibreOffice, demo plan's text=$lo $T/plan.html" >>"$T/out.md"
echo >>"$T/out.md"
"$T/timeit" -md -n "$EXPORT_RUNS" \
	"handlingsplan export, 200 activities=$HP export --db $T/p200.db --board $board --year $year --identity $T/id.p12 --passphrase-file $T/pass --out $T/bench200.pdf" \
	"LibreOffice, its text=$lo $T/p200.html" >>"$T/out.md"

section "Verify" "One signed plan ($(pages "$T/plan.pdf") pages, $(($(wc -c <"$T/plan.pdf") / 1024)) kB): \`handlingsplan verify\` (the byte range, the CMS signature and its signed attributes, the certificates, the payload against the schema) against poppler's \`pdfsig\`."
"$T/timeit" -md -n "$RUNS" "handlingsplan verify=$HP verify $T/plan.pdf" "pdfsig=pdfsig $T/plan.pdf" >>"$T/out.md"

section "Import of 100 submissions" "\`handlingsplan import\` of a folder of 100 signed submissions (50 boards × 2 years, 40 activities each, signed by officials whose certificates the coordinator's signing CA issued) into a coordinator's database (copied fresh for each run): each verified, checked against the trust list and the board rules, stored with its rebuilt plan. Against \`pdfsig\` checking the same 100 files one by one. Result: $imported"
"$T/timeit" -md -n "$IMPORT_RUNS" "handlingsplan import, 100 files=$T/import100.sh" "pdfsig, 100 files=$T/pdfsig100.sh" >>"$T/out.md"

section "Overview of 50 boards × 10 years × 200 activities" "The coordinator's database above ($(($(stat -c %s "$T/large.db") / 1048576)) MB): \`handlingsplan report\` loads the overview (every board's current plan of the year, last year's follow-up, the register) and writes the report for kommunstyrelsen (PDF) or the workbook (.xlsx)."
"$T/timeit" -md -n "$OVERVIEW_RUNS" \
	"report for kommunstyrelsen (PDF)=$HP report --db $T/large.db --year $year --out $T/ks.pdf" \
	"workbook (.xlsx)=$HP report --db $T/large.db --year $year --out $T/ks.xlsx" >>"$T/out.md"

section "An edit's save round trip" "One typed value saved (SetField with its audit line, synchronous=FULL: one fsync) and the plan read back for the views, as the wizard does on a pause in typing; 200 edits of a field of a demo draft, in one process."
read -r med lo_ms hi_ms < <("$T/gen" edits "$T/edit.db" 200)
rss=$(/usr/bin/time -v "$T/gen" edits "$T/edit.db" 200 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')
{
	echo "| what | median | min | max | edits | peak memory |"
	echo "|---|--:|--:|--:|--:|--:|"
	echo "| save one field and read the plan back | $med ms | $lo_ms ms | $hi_ms ms | 200 | $((rss / 1024)) MB |"
} >>"$T/out.md"

echo >>"$T/out.md"
echo "Load average when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)." >>"$T/out.md"
mkdir -p "$(dirname "$out")"
cp "$T/out.md" "$out"
echo "written: $out"
cat "$out"
