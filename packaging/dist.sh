#!/usr/bin/env bash
# Builds the installers into dist/ (`make dist`; `make dist-check` then inspects them):
#   handlingsplan_<debver>_amd64.deb            Debian/Ubuntu package
#   handlingsplan-<version>-linux-amd64.tar.gz  the same files for other Linux systems
#   handlingsplan.exe                           Windows program (icon, version resource, GUI subsystem), signed
#   Handlingsplan-<version>-x64.msi             Windows installer for IT (per machine, silent), signed
#   SHA256SUMS
# Usage: packaging/dist.sh [all|linux|windows]   (the system packages: packaging/deps.sh dist)
#        packaging/dist.sh binary FILE           only the Linux binary, as the packages have it
#        packaging/dist.sh binary-windows FILE   only the Windows program, unsigned
#                                                (dist-check rebuilds both to show they are reproducible)
#
# Signing (Authenticode, both Windows files): set HANDLINGSPLAN_SIGN_PKCS12 to the code-signing
# certificate and key (.p12/.pfx) and HANDLINGSPLAN_SIGN_PASSWORD_FILE to a file whose first line
# is its password; HANDLINGSPLAN_SIGN_TIMESTAMP_URL adds an RFC 3161 timestamp, and
# HANDLINGSPLAN_SIGN_CAFILE is what `osslsigncode verify` checks the chain against (default: the
# system's CA list). Without a certificate a throw-away test certificate signs the files, so the
# signing step is still checked: such files are marked "TEST-SIGNED" and are not for handing out.
# HANDLINGSPLAN_PUBLISHER names the publisher (version resource, MSI); default "Handlingsplan".
#
# The tree is left as it was: everything is built under dist/ (ignored by git), and the one file
# go build needs beside main.go (the Windows resources, a .syso) is removed when the build ends.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WHAT=${1:-all}
case "$WHAT" in all|linux|windows|binary|binary-windows) ;; *) echo "usage: dist.sh [all|linux|windows] | dist.sh binary|binary-windows FILE" >&2; exit 2 ;; esac

GO=${GO:-go}
TAGS=migrated_fynedo
PUBLISHER=${HANDLINGSPLAN_PUBLISHER:-Handlingsplan}
MAINTAINER=${HANDLINGSPLAN_MAINTAINER:-Handlingsplan maintainers <handlingsplan@users.noreply.github.com>}
eval "$(bash packaging/version.sh)"
export SOURCE_DATE_EPOCH
# The same commit gives the same Linux binary: no paths (-trimpath), no build id, no VCS stamp,
# the version from git, and every archive's times from the commit.
export CGO_ENABLED=1 GOFLAGS=-buildvcs=false TZ=UTC LC_ALL=C.UTF-8
umask 022

# linux_binary OUT builds the Linux binary. PIE: the address space is randomised (Debian's
# hardening; lintian asks for it).
linux_binary() {
	$GO build -tags "$TAGS" -trimpath -buildvcs=false -buildmode=pie \
		-ldflags "-s -w -buildid= -X handlingsplan/version.Version=$VERSION" -o "$1" .
}
# windows_binary OUT DIR builds the unsigned Windows program with its resources (icon,
# manifest, version information), which windres compiles in DIR into a .syso beside main.go
# for go build to link; the .syso is removed again.
SYSO=$ROOT/zz_handlingsplan_windows_amd64.syso
windows_binary() {
	local w=$2
	mkdir -p "$w"
	convert assets/icon.png -define icon:auto-resize=256,128,64,48,32,16 "$w/handlingsplan.ico"
	cp packaging/windows/handlingsplan.manifest "$w/"
	sed -e "s/@WINVER_COMMAS@/${WINVER//./,}/" -e "s/@VERSION@/$VERSION/g" -e "s/@PUBLISHER@/$PUBLISHER/" \
		packaging/windows/handlingsplan.rc.in >"$w/handlingsplan.rc"
	(cd "$w" && x86_64-w64-mingw32-windres -O coff -o "$SYSO" handlingsplan.rc)
	GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$GO build -tags "$TAGS" -trimpath -buildvcs=false \
		-ldflags "-s -w -H=windowsgui -buildid= -X handlingsplan/version.Version=$VERSION" -o "$1" .
	rm -f "$SYSO"
}

case "$WHAT" in
binary)
	linux_binary "${2:?usage: dist.sh binary FILE}"
	exit ;;
binary-windows)
	tmpw=$(mktemp -d)
	trap 'rm -rf "$tmpw" "$SYSO"' EXIT
	windows_binary "${2:?usage: dist.sh binary-windows FILE}" "$tmpw"
	exit ;;
esac

DIST=$ROOT/dist
B=$DIST/.build
status_before=$(git status --porcelain)
cleanup() { rm -rf "$B" "$SYSO"; }
trap cleanup EXIT
rm -rf "$DIST"
mkdir -p "$B"
log() { printf '\n== %s\n' "$*"; }
since() { echo "$(( $(date +%s) - $1 )) s"; }

log "Handlingsplan $VERSION (deb $DEBVER, Windows $WINVER), commit time $(date -u -d @"$SOURCE_DATE_EPOCH" +%FT%TZ)"
$GO run ./packaging/licenses -check packaging/third-party-licenses.txt

# stamp sets every file's time under $1 to the commit's.
stamp() { find "$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +; }

# ---------------------------------------------------------------- Linux
build_linux() {
	local t0; t0=$(date +%s)
	log "Linux binary"
	mkdir -p "$B/linux"
	linux_binary "$B/linux/handlingsplan"
	echo "built in $(since "$t0"): $(sha256sum "$B/linux/handlingsplan" | cut -c1-16)…"
}

# icons writes the app icon in the hicolor sizes under $1/share/icons/hicolor.
icons() {
	local s
	for s in 16 24 32 48 64 128 256 512; do
		mkdir -p "$1/icons/hicolor/${s}x${s}/apps"
		convert assets/icon.png -resize "${s}x${s}" -strip -define png:exclude-chunks=date,time \
			"$1/icons/hicolor/${s}x${s}/apps/se.handlingsplan.desktop.png"
	done
}

# share fills $1 (a "share" folder) with what a desktop needs: entry, icons, AppStream metainfo.
share() {
	mkdir -p "$1/applications" "$1/metainfo"
	install -m 0644 packaging/handlingsplan.desktop "$1/applications/handlingsplan.desktop"
	sed "s/@VERSION@/$VERSION/; s/@DATE@/$(date -u -d @"$SOURCE_DATE_EPOCH" +%F)/" \
		packaging/se.handlingsplan.desktop.metainfo.xml.in >"$1/metainfo/se.handlingsplan.desktop.metainfo.xml"
	icons "$1"
}

package_deb() {
	log "Debian package"
	local root=$B/deb doc
	rm -rf "$root"
	mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/man/man1"
	install -m 0755 "$B/linux/handlingsplan" "$root/usr/bin/handlingsplan"
	share "$root/usr/share"
	doc=$root/usr/share/doc/handlingsplan
	mkdir -p "$doc"
	install -m 0644 packaging/debian/copyright "$doc/copyright"
	gzip -9n <packaging/third-party-licenses.txt >"$doc/third-party-licenses.txt.gz"
	gzip -9n <packaging/handlingsplan.ini.example >"$doc/handlingsplan.ini.example.gz"
	{
		echo "handlingsplan ($DEBVER) unstable; urgency=medium"
		echo
		echo "  * Built from commit $(git rev-parse --short=7 HEAD)."
		echo
		echo " -- $MAINTAINER  $(date -u -R -d @"$SOURCE_DATE_EPOCH")"
	} | gzip -9n >"$doc/changelog.gz"
	gzip -9n <packaging/handlingsplan.1 >"$root/usr/share/man/man1/handlingsplan.1.gz"
	chmod 0644 "$doc"/* "$root/usr/share/man/man1/handlingsplan.1.gz"

	# The runtime libraries, read from the binary by dpkg-shlibdeps (it wants a debian/control).
	local work=$B/shlibs deps
	mkdir -p "$work/debian"
	printf 'Source: handlingsplan\n\nPackage: handlingsplan\nArchitecture: amd64\n' >"$work/debian/control"
	deps=$(cd "$work" && dpkg-shlibdeps -O "$root/usr/bin/handlingsplan" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
	[ -n "$deps" ] || { echo "dpkg-shlibdeps found no dependencies" >&2; exit 1; }
	# GLFW opens these X11 extension libraries at run time (dlopen), where dpkg-shlibdeps cannot see them.
	deps="$deps, libx11-xcb1, libxcursor1, libxi6, libxinerama1, libxrandr2, libxrender1, libxxf86vm1"
	sed -e "s/@DEBVER@/$DEBVER/" -e "s/@MAINTAINER@/$MAINTAINER/" -e "s/@DEPENDS@/$deps/" \
		-e "s/@SIZE@/$(du -sk --exclude=DEBIAN "$root" | cut -f1)/" \
		packaging/debian/control.in >"$root/DEBIAN/control"
	(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
	chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
	stamp "$root"
	dpkg-deb --root-owner-group -Zxz --build "$root" "$DIST/handlingsplan_${DEBVER}_amd64.deb" >/dev/null
	ls -l "$DIST/handlingsplan_${DEBVER}_amd64.deb"
}

package_tar() {
	log "Linux tarball"
	local name=handlingsplan-$VERSION-linux-amd64 root
	root=$B/tar/$name
	mkdir -p "$root/bin" "$root/share"
	install -m 0755 "$B/linux/handlingsplan" "$root/bin/handlingsplan"
	share "$root/share"
	install -m 0644 LICENSE "$root/LICENSE"
	install -m 0644 packaging/third-party-licenses.txt "$root/THIRD-PARTY-LICENSES.txt"
	install -m 0644 packaging/handlingsplan.ini.example "$root/handlingsplan.ini.example"
	install -m 0644 packaging/INSTALL-linux.txt "$root/INSTALL.txt"
	stamp "$root"
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
		-C "$B/tar" -cf - "$name" | gzip -9n >"$DIST/$name.tar.gz"
	ls -l "$DIST/$name.tar.gz"
}

# ---------------------------------------------------------------- Windows
build_windows() {
	local t0; t0=$(date +%s)
	log "Windows program (cross-built with mingw-w64)"
	windows_binary "$B/win/handlingsplan-unsigned.exe" "$B/win"
	echo "built in $(since "$t0"): $(sha256sum "$B/win/handlingsplan-unsigned.exe" | cut -c1-16)… (unsigned)"
}

# signing_identity sets PKCS12, PASSFILE and CAFILE: the configured certificate, or a throw-away one.
signing_identity() {
	if [ -n "${HANDLINGSPLAN_SIGN_PKCS12:-}" ]; then
		PKCS12=$HANDLINGSPLAN_SIGN_PKCS12
		PASSFILE=${HANDLINGSPLAN_SIGN_PASSWORD_FILE:?set HANDLINGSPLAN_SIGN_PASSWORD_FILE to the file holding the password of $PKCS12}
		CAFILE=${HANDLINGSPLAN_SIGN_CAFILE:-}
		TESTSIGNED=""
		echo "signing with $PKCS12"
		return
	fi
	local k=$B/testsign
	mkdir -p "$k"
	openssl req -x509 -newkey rsa:3072 -nodes -days 7 -keyout "$k/key.pem" -out "$k/cert.pem" \
		-subj "/CN=Handlingsplan TEST signing, not for distribution" \
		-addext "keyUsage=critical,digitalSignature" -addext "extendedKeyUsage=codeSigning" 2>/dev/null
	head -c 24 /dev/urandom | base64 >"$k/pass"
	openssl pkcs12 -export -inkey "$k/key.pem" -in "$k/cert.pem" -passout "file:$k/pass" -out "$k/test.p12"
	PKCS12=$k/test.p12 PASSFILE=$k/pass CAFILE=$k/cert.pem TESTSIGNED=1
	echo "no HANDLINGSPLAN_SIGN_PKCS12: signing with a throw-away TEST certificate (not for distribution)"
}

# sign IN OUT signs one file (exe or msi) and verifies the signature.
sign() {
	local args=(sign -pkcs12 "$PKCS12" -readpass "$PASSFILE" -n "Handlingsplan" -h sha256)
	if [ -n "${HANDLINGSPLAN_SIGN_TIMESTAMP_URL:-}" ]; then
		args+=(-ts "$HANDLINGSPLAN_SIGN_TIMESTAMP_URL")
	else
		args+=(-time "$SOURCE_DATE_EPOCH")
	fi
	rm -f "$2"
	osslsigncode "${args[@]}" -in "$1" -out "$2" >/dev/null
	osslsigncode verify ${CAFILE:+-CAfile "$CAFILE"} -in "$2" >"$2.verify.log" 2>&1 ||
		{ cat "$2.verify.log"; echo "osslsigncode verify failed on $2" >&2; exit 1; }
	echo "signed and verified: $(basename "$2")"
	rm -f "$2.verify.log"
}

package_windows() {
	local w=$B/win msi=Handlingsplan-$VERSION-x64.msi
	signing_identity
	sign "$w/handlingsplan-unsigned.exe" "$w/handlingsplan.exe"
	log "Windows installer (wixl)"
	sed 's/$/\r/' LICENSE >"$w/LICENSE.txt"
	sed 's/$/\r/' packaging/third-party-licenses.txt >"$w/THIRD-PARTY-LICENSES.txt"
	sed 's/$/\r/' packaging/handlingsplan.ini.example >"$w/handlingsplan.ini.example"
	# wixl takes the files relative to the folder it runs in.
	(cd "$w" && wixl -a x64 -D "Version=$WINVER" -D "DisplayVersion=$VERSION" -D "Publisher=$PUBLISHER" \
		-o "$msi" "$ROOT/packaging/windows/handlingsplan.wxs")
	sign "$w/$msi" "$DIST/$msi"
	cp "$w/handlingsplan.exe" "$DIST/handlingsplan.exe"
	if [ -n "$TESTSIGNED" ]; then
		cp "$CAFILE" "$DIST/TEST-SIGNED-certificate.pem"
		echo "TEST-SIGNED: the .exe and .msi carry a throw-away test signature; set HANDLINGSPLAN_SIGN_PKCS12 for a release."
	fi
	ls -l "$DIST/handlingsplan.exe" "$DIST/$msi"
}

t_all=$(date +%s)
if [ "$WHAT" != windows ]; then
	build_linux
	package_deb
	package_tar
fi
if [ "$WHAT" != linux ]; then
	build_windows
	package_windows
fi
(cd "$DIST" && find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%f\n' | sort | xargs sha256sum >SHA256SUMS)
log "dist/ ($(since "$t_all"))"
(cd "$DIST" && ls -l --time-style=+ | tail -n +2 && cat SHA256SUMS)

rm -rf "$B" "$SYSO"
if [ "$(git status --porcelain)" != "$status_before" ]; then
	echo "dist.sh changed the working tree:" >&2
	git status --short >&2
	exit 1
fi
