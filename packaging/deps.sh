#!/usr/bin/env bash
# Installs the system packages Handlingsplan needs to build and run it ("deps.sh"), also to
# test it ("deps.sh test"), or to build and check the installers ("deps.sh dist", used by
# `make dist` and `make dist-check`). Debian/Ubuntu: installs only what is missing (apt) and
# says what. Other systems: prints what to do.
set -euo pipefail

# What each package is for:
#   gcc, pkg-config                      cgo (SQLite, GLFW)
#   libgl1-mesa-dev xorg-dev             Fyne's OpenGL/GLFW window on X11
#   xvfb xdotool imagemagick             virtual display for screenshots (packaging/shot) and `make run` without a screen
#   poppler-utils qpdf                   pdfsig/pdftotext/pdftoppm and qpdf --check, used by the PDF tests
#   libnss3-tools                        certutil, for pdfsig's trust check against a signing CA
#   openssl                              the identity tests read our .p12 files with it
#   libreoffice-calc-nogui               (tests only) checks that exported .xlsx files open, converted to CSV
# and for the installers (dist only):
#   gcc-mingw-w64-x86-64                 cross C compiler for the Windows build (cgo: SQLite, GLFW); its
#                                        binutils bring windres, which compiles the icon and version resource
#   wixl msitools                        builds the Windows MSI (wixl) and reads its tables back (msiinfo)
#   osslsigncode                         Authenticode-signs the .exe and the .msi and verifies the signatures
#   dpkg-dev                             dpkg-shlibdeps: the .deb's library dependencies, read from the binary
#   lintian desktop-file-utils appstream checks the .deb, the desktop entry and the AppStream metainfo
PKGS=(gcc pkg-config libgl1-mesa-dev xorg-dev xvfb xdotool imagemagick poppler-utils qpdf libnss3-tools openssl)
case "${1:-}" in
test) PKGS+=(libreoffice-calc-nogui) ;;
dist) PKGS+=(gcc-mingw-w64-x86-64 wixl msitools osslsigncode dpkg-dev lintian desktop-file-utils appstream) ;;
"") ;;
*) echo "usage: deps.sh [test|dist]" >&2; exit 2 ;;
esac

case "$(uname -s)" in
Darwin)
	echo "macOS: install Xcode command line tools (xcode-select --install) and Go 1.26 or newer."
	echo "       For the PDF checks: brew install poppler qpdf nss"
	exit 0 ;;
MINGW*|MSYS*|CYGWIN*)
	echo "Windows: install Go 1.26+ and a C compiler (MSYS2 with mingw-w64-x86_64-gcc), then run 'go build .'"
	exit 0 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "This script knows Debian/Ubuntu (apt). On other Linux systems install the equivalents of:"
	echo "  ${PKGS[*]}"
	exit 0
fi

missing=()
for p in "${PKGS[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing+=("$p")
	fi
done
if [ ${#missing[@]} -eq 0 ]; then
	echo "deps: all system packages present"
	exit 0
fi
echo "deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
