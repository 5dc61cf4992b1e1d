#!/bin/sh
# The sample server's end-to-end test (meson test sample_server): register
# the server with regsvr, run the client from an STA and from an MTA
# thread, unregister, and check the client cannot create the Shop any more.
# The registry is the scratch one COMRT_REGISTRY / COMRT_SYSTEM_REGISTRY
# name (set by meson); it starts empty.
#   usage: run_sample.sh REGSVR SERVER.so CLIENT
set -eu
regsvr=$1 server=$2 client=$3
rm -f "${COMRT_REGISTRY:?}" "${COMRT_REGISTRY}-wal" "${COMRT_REGISTRY}-shm"

"$regsvr" "$server"
trap '"$regsvr" -u "$server" >/dev/null 2>&1 || true' EXIT
echo "== client in the main STA"
"$client"
echo "== client on an MTA thread"
"$client" --mta
"$regsvr" -u "$server"
trap - EXIT
echo "== after DllUnregisterServer"
# The ProgID is gone: the client must stop at CLSIDFromProgID, cleanly.
if out=$("$client" 2>&1); then
    echo "FAILED: the client still created the Shop after unregistering" >&2
    exit 1
fi
case $out in
*"CLSIDFromProgID"*CO_E_CLASSSTRING*) echo "ok: CLSIDFromProgID(\"ComrtSample.Shop\") -> CO_E_CLASSSTRING" ;;
*) printf 'FAILED: unexpected failure after unregistering:\n%s\n' "$out" >&2; exit 1 ;;
esac
