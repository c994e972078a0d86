#!/usr/bin/env bash
# Prints the version of the checked-out commit as shell assignments, for `eval`:
#   VERSION   what the program shows (`handlingsplan version`, About, the PDFs):
#             the tag without its "v" (1.2.0), a tag and the commits since (1.2.0-3-g1a2b3c4),
#             or 0.0.0-<commit> when the history has no v* tag; "-dirty" when the tree has changes
#   WINVER    four numbers for the Windows version resource and the MSI (1.2.0.3): the tag's
#             three and the commits since it (untagged: 0.0.0.<commits in history>)
#   DEBVER    the Debian package version, which must sort: 1.2.0, 1.2.0+3.g1a2b3c4, 0.0.0+<n>.g<commit>
#   SOURCE_DATE_EPOCH  the commit's time, for reproducible archives and signatures
set -euo pipefail
cd "$(dirname "$0")/.."
if ! git rev-parse --git-dir >/dev/null 2>&1; then
	# A source tree without its history (an exported archive): say so instead of guessing.
	echo "VERSION=0.0.0-unknown"
	echo "WINVER=0.0.0.0"
	echo "DEBVER=0.0.0~unknown"
	echo "SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0}"
	exit 0
fi

commit=$(git rev-parse --short=7 HEAD)
dirty=""
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
	dirty="-dirty"
fi
if desc=$(git describe --tags --match 'v[0-9]*' --long 2>/dev/null); then
	# v1.2.0-3-g1a2b3c4
	tag=${desc%-*-g*}
	rest=${desc#"$tag"-}
	n=${rest%%-*}
	base=${tag#v}
	if [ "$n" = 0 ]; then
		version=$base
		debver=$base
	else
		version="$base-$n-g$commit"
		debver="$base+$n.g$commit"
	fi
else
	base=0.0.0
	n=$(git rev-list --count HEAD)
	version="0.0.0-$commit"
	debver="0.0.0+$n.g$commit"
fi
IFS=. read -r major minor patch _ <<<"${base%%[-+]*}.0.0.0"
if [ "$n" -gt 65535 ]; then n=65535; fi
echo "VERSION=$version$dirty"
echo "WINVER=$major.$minor.$patch.$n"
echo "DEBVER=$debver${dirty:+~dirty}"
echo "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct HEAD)"
