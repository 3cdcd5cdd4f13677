#!/bin/bash
# Builds the tokio-postgres workload (offline, Debian's crates, -j1) in a
# cache dir outside the source tree, then runs it: run.sh DSN. With --build
# it only builds (a cold build takes minutes: do it before run_drivers.py,
# whose per-driver timeout is 60 s). The sources are copied with their
# timestamps so an unchanged workload is not rebuilt; Cargo.lock and target/
# live in the cache dir.
set -euo pipefail
src=$(cd "$(dirname "$0")" && pwd)
cache=${LITEGRES_DRIVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/litegres-drivers}/tokio_postgres_workload
mkdir -p "$cache"
cp -rp "$src/Cargo.toml" "$src/src" "$src/.cargo" "$cache/"
cd "$cache"  # cargo reads .cargo/config.toml from the working directory
RUSTC=/usr/bin/rustc /usr/bin/cargo build --quiet --offline -j1
[ "${1:-}" = "--build" ] && exit 0
exec "$cache/target/debug/tokio_postgres_workload" "$@"
