#!/usr/bin/env bash
# Inspects what packaging/dist.sh put in dist/, as CI does (`make dist-check`). Windows cannot
# run here (Wine cannot run Go 1.26 programs), so the Windows files are checked structurally.
# Every check prints what it saw; the first failing one stops the script with exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(bash packaging/version.sh)"
GO=${GO:-go}
D=dist
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "dist-check: FAIL: $*" >&2; exit 1; }
section() { printf '\n== %s\n' "$*"; }
has() { grep -qxF -- "$1" "$2" || fail "$3"; }

deb=$D/handlingsplan_${DEBVER}_amd64.deb
tarball=$D/handlingsplan-$VERSION-linux-amd64.tar.gz
exe=$D/handlingsplan.exe
msi=$D/Handlingsplan-$VERSION-x64.msi
section "artefacts of $VERSION"
for f in "$deb" "$tarball" "$exe" "$msi" "$D/SHA256SUMS"; do
	[ -f "$f" ] || fail "missing $f (run make dist)"
	printf '%10s  %s\n' "$(stat -c %s "$f")" "$f"
done
(cd "$D" && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not match"
echo "SHA256SUMS: every file matches"

# ------------------------------------------------------------------ Linux
section ".deb: control"
dpkg-deb -f "$deb" Package Version Architecture Depends Installed-Size | tee "$T/control"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libgl1 libx11-6 libxcursor1 libxrandr2 libxi6; do
	grep -qE "(^|, )$lib( |,|$)" <<<"$depends" || fail ".deb does not depend on $lib"
done
[ "$(dpkg-deb -f "$deb" Version)" = "$DEBVER" ] || fail ".deb version is not $DEBVER"

section ".deb: files"
dpkg-deb -c "$deb" | awk '{print $1, $2, $3, $6}' | grep -v '/$' | tee "$T/files.long"
awk '{print $4}' "$T/files.long" >"$T/files"
for f in ./usr/bin/handlingsplan ./usr/share/applications/handlingsplan.desktop \
	./usr/share/metainfo/se.handlingsplan.desktop.metainfo.xml ./usr/share/doc/handlingsplan/copyright \
	./usr/share/doc/handlingsplan/third-party-licenses.txt.gz ./usr/share/man/man1/handlingsplan.1.gz; do
	has "$f" "$T/files" ".deb lacks $f"
done
for s in 16 24 32 48 64 128 256 512; do
	has "./usr/share/icons/hicolor/${s}x${s}/apps/se.handlingsplan.desktop.png" "$T/files" ".deb lacks the ${s}px icon"
done
grep -qE '^-rwxr-xr-x root/root [0-9]+ ./usr/bin/handlingsplan$' "$T/files.long" || fail "the binary is not root-owned mode 0755"
if grep -v ' root/root ' "$T/files.long"; then fail "files not owned by root"; fi

section ".deb: unpacked into a scratch root (dpkg -x), run from there"
dpkg -x "$deb" "$T/root"
bin=$T/root/usr/bin/handlingsplan
got=$("$bin" version)
echo "$ usr/bin/handlingsplan version → $got"
[ "$got" = "handlingsplan $VERSION" ] || fail "version says '$got', want 'handlingsplan $VERSION'"
readelf -d "$bin" | grep -E 'NEEDED|FLAGS' | sed 's/^ *//'
readelf -h "$bin" | grep -q 'DYN (Position-Independent Executable' || fail "the binary is not PIE"
# The installed program works end to end without a display: a database, a backup, its check.
work="$T/Mina dokument"
mkdir -p "$work"
"$bin" demo --db "$work/nämnd.db" --year 2027 >/dev/null
"$bin" backup --db "$work/nämnd.db" --out "$work/säkerhetskopia.db"
"$bin" restore --check "$work/säkerhetskopia.db"

section "desktop entry and AppStream metainfo"
desktop-file-validate "$T/root/usr/share/applications/handlingsplan.desktop" && echo "desktop-file-validate: ok"
appstreamcli validate --no-net --no-color "$T/root/usr/share/metainfo/se.handlingsplan.desktop.metainfo.xml"

section "lintian"
# Running as root (CI) is fine for reading a package; lintian says so on stderr.
lintian --fail-on error,warning --tag-display-limit 0 "$deb" 2> >(grep -v 'root privileges' >&2)
echo "lintian: no errors, no warnings"

section "tarball"
tar -tzvf "$tarball" | awk '{print $1, $2, $6}'
tar -xzf "$tarball" -C "$T"
got=$("$T/handlingsplan-$VERSION-linux-amd64/bin/handlingsplan" version)
[ "$got" = "handlingsplan $VERSION" ] || fail "the tarball's binary says '$got'"
cmp "$bin" "$T/handlingsplan-$VERSION-linux-amd64/bin/handlingsplan" || fail "the tarball and the .deb hold different binaries"
echo "tarball binary = .deb binary; version → $got"

section "reproducible Linux binary"
# rebuild MODE FILE builds again from a clone at another path (no path and no clone-specific
# state may leak into the result), or from this tree when it has uncommitted changes.
rebuild() {
	if [[ $VERSION == *-dirty ]]; then
		bash packaging/dist.sh "$1" "$2"
		return
	fi
	if [ ! -d "$T/src" ]; then
		git clone -q --no-local . "$T/src"
		git -C "$T/src" checkout -q "$(git rev-parse HEAD)"
	fi
	(cd "$T/src" && bash packaging/dist.sh "$1" "$2")
}
rebuild binary "$T/again"
sha256sum "$bin" "$T/again" | sed "s#$T/##"
cmp "$bin" "$T/again" || fail "a second build of the same commit gives another Linux binary"
echo "reproducible: the second build is byte-identical"

# ------------------------------------------------------------------ Windows
cafile=()
if [ -f "$D/TEST-SIGNED-certificate.pem" ]; then
	cafile=(-CAfile "$D/TEST-SIGNED-certificate.pem")
	echo
	echo "NOTE: the Windows files carry a throw-away TEST signature (no HANDLINGSPLAN_SIGN_PKCS12 was set)."
elif [ -n "${HANDLINGSPLAN_SIGN_CAFILE:-}" ]; then
	cafile=(-CAfile "$HANDLINGSPLAN_SIGN_CAFILE")
fi

section "Windows .exe: PE header, subsystem, imports, resources, signature"
# Windows' own DLLs, present on every Windows 10/11: the program needs no runtime installed.
allowed=advapi32.dll,bcrypt.dll,comdlg32.dll,crypt32.dll,dwmapi.dll,gdi32.dll,imm32.dll,kernel32.dll
allowed+=,msvcrt.dll,ntdll.dll,ole32.dll,oleaut32.dll,opengl32.dll,shcore.dll,shell32.dll,user32.dll
allowed+=,uxtheme.dll,winmm.dll,ws2_32.dll,version.dll,secur32.dll,userenv.dll
$GO run ./packaging/peinfo -gui -signed -version "$VERSION" -allow-dlls "$allowed" "$exe"
x86_64-w64-mingw32-objdump -p "$exe" | grep -E '^(Magic|Subsystem|DllCharacteristics)|DLL Name' | sed 's/^[[:space:]]*//'
osslsigncode verify "${cafile[@]}" -in "$exe" >"$T/exe.verify" 2>&1 || { cat "$T/exe.verify"; fail "the .exe's signature does not verify"; }
grep -E 'Subject:|Signing time|Signature verification|Message digest' "$T/exe.verify" | sort -u

section "reproducible Windows program (before signing)"
# The signed exe without its signature is the unsigned build; osslsigncode recomputes the PE
# checksum when it removes the signature, so that field (4 bytes) is set aside on both sides.
nochecksum() {
	cp "$1" "$2"
	local off=$(( $(od -An -tu4 -j 60 -N 4 "$1") + 88 ))
	dd if=/dev/zero of="$2" bs=1 seek="$off" count=4 conv=notrunc status=none
}
osslsigncode remove-signature -in "$exe" -out "$T/unsigned.exe" >/dev/null
rebuild binary-windows "$T/again.exe"
nochecksum "$T/unsigned.exe" "$T/a.exe"
nochecksum "$T/again.exe" "$T/b.exe"
sha256sum "$T/a.exe" "$T/b.exe" | sed "s#$T/##"
cmp "$T/a.exe" "$T/b.exe" || fail "a second Windows build of the same commit differs from the signed exe's content"
echo "reproducible: the signed exe holds exactly what a second build of the commit gives"

section "Windows .msi: summary and tables"
msiinfo suminfo "$msi"
msiinfo tables "$msi" | sort | tr '\n' ' '
echo
for t in Property File Component Directory Shortcut Upgrade; do
	msiinfo export "$msi" "$t" | tr -d '\r' >"$T/$t.idt"
	echo "-- $t"
	tail -n +4 "$T/$t.idt"
done
prop() { awk -F'\t' -v k="$1" '$1 == k {print $2}' "$T/Property.idt"; }
[ "$(prop ProductVersion)" = "$WINVER" ] || fail "MSI ProductVersion is '$(prop ProductVersion)', want $WINVER"
[ "$(prop UpgradeCode)" = "{0AFAE743-480A-45E0-A5FA-164569B9E6BD}" ] || fail "MSI UpgradeCode is '$(prop UpgradeCode)'"
[ "$(prop ALLUSERS)" = 1 ] || fail "the MSI does not install per machine (ALLUSERS=$(prop ALLUSERS))"
for f in handlingsplan.exe LICENSE.txt THIRD-PARTY-LICENSES.txt; do
	cut -f3 "$T/File.idt" | grep -qE "(^|\|)$f$" || fail "the MSI lacks $f"
done
grep -q 'ProgramFiles64Folder' "$T/Directory.idt" || fail "the MSI does not install under Program Files"
tail -n +4 "$T/Shortcut.idt" | grep -q 'ProgramMenuFolder' || fail "the MSI has no Start-menu shortcut"
tail -n +4 "$T/Upgrade.idt" | grep -q '{0AFAE743-480A-45E0-A5FA-164569B9E6BD}' || fail "the MSI's Upgrade table lacks its UpgradeCode"
mkdir -p "$T/msi"
(cd "$T/msi" && msiextract "$OLDPWD/$msi" >/dev/null)
inner=$(find "$T/msi" -name handlingsplan.exe)
cmp "$inner" "$exe" || fail "the MSI holds another handlingsplan.exe than dist/"
echo "the MSI installs the same signed handlingsplan.exe as dist/ holds"
osslsigncode verify "${cafile[@]}" -in "$msi" >"$T/msi.verify" 2>&1 || { cat "$T/msi.verify"; fail "the .msi's signature does not verify"; }
grep -E 'Subject:|Signature verification|Message digest' "$T/msi.verify" | sort -u

section "Windows-only code compiles and vets (GOOS=windows go vet)"
# The packages with Windows-only files (the instance lock, the message box, the console), tests included.
winpkgs=$($GO list -tags migrated_fynedo -f '{{if .IgnoredGoFiles}}{{.ImportPath}}{{end}}' ./... |
	while read -r p; do ls "$($GO list -f '{{.Dir}}' "$p")"/*_windows.go >/dev/null 2>&1 && echo "$p"; done)
echo "packages: $winpkgs"
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc $GO vet -tags migrated_fynedo $winpkgs
echo "GOOS=windows go vet: ok"

echo
echo "dist-check: all checks passed"
