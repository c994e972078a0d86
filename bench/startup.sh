#!/usr/bin/env bash
# Measures issue 12's start-up goals as whole processes, each against its yardstick, with the
# runs interleaved in one script on the same files, and prints medians and ratios:
#
#   verify   `handlingsplan verify plan.pdf`                  ≤ 1.5 × `pdfsig plan.pdf`
#   window   Handlingsplan's first window (demo database)     ≤ 1.3 × a bare Fyne window
#            (both when the window is mapped and when its first frame is drawn)
#   export   `handlingsplan export` (render, attach, sign)    ≤ 0.1 × LibreOffice converting a 23-page plan
#
# Usage: bench/startup.sh [verify|window|export|all]     (default all)
#   RUNS=21 (verify), WINDOW_RUNS=11, EXPORT_RUNS=5 set the number of runs;
#   HANDLINGSPLAN=path measures that binary instead of building one (e.g. an older version).
#
# It builds what it needs into a temporary folder (the app with -tags migrated_fynedo, a bare
# Fyne window, the two timers in bench/*.go), makes a demo database, a signer identity and a
# signed plan there, and removes it all at the end. $HOME points into that folder too, so
# pdfsig's NSS database and Fyne's preferences are fresh and the user's are not touched.
#
# Needs, installed with apt when missing (Debian/Ubuntu, as root): poppler-utils (pdfsig,
# pdftotext, pdfinfo), xvfb, libx11-dev, libxdamage-dev and gcc (the window timer uses Xlib and
# the DAMAGE extension through cgo),
# libreoffice-writer-nogui (soffice). And Go, like the build.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
RUNS=${RUNS:-21}
WINDOW_RUNS=${WINDOW_RUNS:-11}
EXPORT_RUNS=${EXPORT_RUNS:-5}

need=()
for p in poppler-utils xvfb libx11-dev libxdamage-dev gcc libreoffice-writer-nogui; do
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
	rm -rf "$T"
}
trap cleanup EXIT

echo "building into $T"
HP=${HANDLINGSPLAN:-$T/handlingsplan}
[ -n "${HANDLINGSPLAN:-}" ] || go build -tags migrated_fynedo -trimpath -o "$HP" .
go build -o "$T/timeit" bench/timeit.go
export HOME=$T/home LANG=C.UTF-8
mkdir -p "$HOME"

year=$(($(date +%Y) + 1))
board=Socialnämnden
# What the set-up commands print goes to a log, shown only when one fails.
setup() { "$@" >>"$T/setup.log" 2>&1 || { cat "$T/setup.log"; exit 1; }; }
setup "$HP" demo --db "$T/demo.db"
echo "bench-lösenord-1234" >"$T/pass"
setup "$HP" identity new --name "Åsa Öberg" --email asa@example.se --board "$board" --out "$T/id.p12" --passphrase-file "$T/pass"
setup "$HP" export --db "$T/demo.db" --board "$board" --year "$year" --identity "$T/id.p12" --passphrase-file "$T/pass" \
	--out "$T/plan.pdf"
echo "signed plan: $(pdfinfo "$T/plan.pdf" | awk '/^Pages/{print $2}') pages, $(wc -c <"$T/plan.pdf") bytes"

if [ "$what" = verify ] || [ "$what" = all ]; then
	echo
	echo "== verify: handlingsplan verify vs pdfsig on the same signed plan (goal ≤ 1.5) =="
	"$T/timeit" -n "$RUNS" "handlingsplan verify=$HP verify $T/plan.pdf" "pdfsig=pdfsig $T/plan.pdf"
	echo "(for reference) handlingsplan version:"
	"$T/timeit" -n "$RUNS" "handlingsplan version=$HP version" "true=true" | head -1
fi

if [ "$what" = window ] || [ "$what" = all ]; then
	echo
	echo "== window: Handlingsplan's first window vs a bare Fyne window, under Xvfb (goal ≤ 1.3) =="
	go build -tags migrated_fynedo -trimpath -o "$T/bare" bench/barewindow.go
	go build -o "$T/firstwindow" bench/firstwindow.go
	Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$T/display" 2>/dev/null &
	xvfb_pid=$!
	for _ in $(seq 50); do [ -s "$T/display" ] && break; sleep 0.1; done
	export DISPLAY=":$(cat "$T/display")"
	"$T/firstwindow" -n "$WINDOW_RUNS" "handlingsplan=$HP --db $T/demo.db" "bare fyne window=$T/bare"
fi

if [ "$what" = export ] || [ "$what" = all ]; then
	echo
	echo "== export: export+sign of the demo plan vs LibreOffice converting a 23-page plan (goal ≤ 0.1) =="
	# The plan's own text, page by page, cycled to 23 pages of HTML for LibreOffice to lay out.
	pdftotext -layout "$T/plan.pdf" "$T/plan.txt"
	{
		echo '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Handlingsplan</title>'
		echo '<style>pre{font-size:6pt;white-space:pre-wrap} h1{font-size:12pt} h1.p{page-break-before:always}</style></head><body>'
		awk -v RS='\f' -v n=23 '{page[NR]=$0} END {
			for (i = 0; i < n; i++) {
				t = page[i % (NR - 1) + 1]
				gsub(/&/, "\\&amp;", t); gsub(/</, "\\&lt;", t)
				printf "<h1%s>Sida %d</h1><pre>%s</pre>\n", (i ? " class=\"p\"" : ""), i + 1, t
			}
		}' "$T/plan.txt"
		echo '</body></html>'
	} >"$T/plan23.html"
	mkdir -p "$T/lo"
	lo="soffice -env:UserInstallation=file://$T/lo-profile --headless --convert-to pdf --outdir $T/lo $T/plan23.html"
	$lo >/dev/null 2>&1
	echo "LibreOffice's PDF: $(pdfinfo "$T/lo/plan23.pdf" | awk '/^Pages/{print $2}') pages"
	"$T/timeit" -n "$EXPORT_RUNS" \
		"handlingsplan export=$HP export --db $T/demo.db --board $board --year $year --identity $T/id.p12 --passphrase-file $T/pass --out $T/bench.pdf" \
		"libreoffice=$lo"
fi
