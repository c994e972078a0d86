#!/usr/bin/env bash
# Makes the sample submission in this folder from the demo kommun: the demo for 2026, a demo
# signing identity, Socialnämnden's plan for 2027 signed and exported, and PNGs of its first
# three pages. Usage: docs/sample/make-sample.sh [path/to/handlingsplan]
# Needs pdftoppm (poppler-utils). The signature (time, key, fingerprint) differs on every run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-}
if [ -z "$bin" ]; then
	bin=$(mktemp -d)/handlingsplan
	(cd "$here/../.." && go build -tags migrated_fynedo -o "$bin" .)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%s\n' 'exempelkommunens demolösenfras' >"$work/pass"
"$bin" demo --db "$work/demo.db" --year 2026
"$bin" identity new --name 'Åsa Öberg' --title 'Förvaltningschef' --board 'Socialnämnden' \
	--kommun 'Exempelkommun' --email 'asa.oberg@exempelkommun.se' \
	--out "$work/id.p12" --passphrase-file "$work/pass"
"$bin" export --db "$work/demo.db" --board 'Socialnämnden' --year 2027 \
	--identity "$work/id.p12" --passphrase-file "$work/pass" \
	--out "$here/Handlingsplan 2027 Socialnämnden v1.pdf"
"$bin" identity export-cert --identity "$work/id.p12" --passphrase-file "$work/pass" \
	--out "$here/signer.pem"
"$bin" verify --trust "$here/signer.pem" "$here/Handlingsplan 2027 Socialnämnden v1.pdf"
rm -f "$here"/page-*.png
pdftoppm -png -r 60 -f 1 -l 3 "$here/Handlingsplan 2027 Socialnämnden v1.pdf" "$here/page"
ls "$here"
