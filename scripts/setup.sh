#!/bin/sh
# Installs what ptlint's build and tests need and is missing (Debian 12,
# as root or through sudo), then configures and builds into BUILD_DIR
# (default: build).  Extra arguments go to cmake's configure step.
set -eu

packages="cmake gcc make pkg-config git python3 \
  libclang-14-dev libtree-sitter-dev libyaml-dev libcmocka-dev \
  python3-jsonschema pmccabe pyflakes3 pycodestyle pydocstyle \
  python3-mccabe python3-pep8-naming clang libclang-rt-14-dev pre-commit \
  cppcheck chromium"

missing=""
for package in $packages; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
            grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
# npm may come with a Node.js that is not Debian's (its package then
# conflicts with Debian's npm): the command is what the build needs.
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
    echo "setup: installing$missing"
    as_root=""
    [ "$(id -u)" -eq 0 ] || as_root="sudo"
    $as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq \
        --no-install-recommends $missing >/dev/null
fi

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
