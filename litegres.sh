#!/usr/bin/env bash
# litegres.sh — the project's two commands (see README.md).
#
#   ./litegres.sh serve [flags]  installs the build dependencies if missing,
#                                builds if needed and runs the server in the
#                                foreground (127.0.0.1:5432, data in ./data).
#   ./litegres.sh test           installs everything the tests need, builds
#                                with -Wall -Wextra -Werror (and once more with
#                                AddressSanitizer + UBSan), runs every unit and
#                                integration test, ends with "N passed, N failed".
#   ./litegres.sh deps [--test]  only installs the packages (used by the Dockerfile).
set -euo pipefail
cd "$(dirname "$0")"

BUILD_PACKAGES=(build-essential cmake pkg-config libsqlite3-dev libasio-dev libpg-query-dev
                libprotobuf-c-dev libssl-dev libcli11-dev doctest-dev libgmp-dev
                libhowardhinnant-date-dev libpcre2-dev tzdata)
TEST_PACKAGES=(postgresql-15 postgresql-client-15 python3 python3-psycopg2 python3-psycopg
               python3-asyncpg python3-pg8000 python3-django python3-sqlalchemy python3-alembic docker-compose sqlite3 procps util-linux passwd
               libpq-dev ruby ruby-pg php-cli php-pgsql
               golang-go golang-github-jackc-pgx-v4-dev golang-github-lib-pq-dev
               libpostgresql-jdbc-java default-jdk-headless
               cargo rustc librust-tokio-postgres-dev librust-chrono-dev librust-uuid-dev
               librust-serde-json-dev librust-futures-util-dev librust-bytes-dev librust-tokio-dev
               librust-tokio-macros-dev)

install_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    echo "litegres.sh: installing ${missing[*]}"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q -o DPkg::Lock::Timeout=300 \
        --no-install-recommends "${missing[@]}"
}

# The JavaScript driver workloads: Node.js (Debian's, unless the machine has
# one) and the npm packages pinned in integration/drivers/js.
install_js_drivers() {
    command -v npm >/dev/null 2>&1 || install_packages nodejs npm
    (cd integration/drivers/js && npm ci --no-audit --no-fund --loglevel=error)
}

# Drivers that compile: built once here, not inside a timed test.
build_compiled_drivers() {
    bash integration/drivers/rust/tokio_postgres_workload/run.sh --build
}

jobs() { nproc 2>/dev/null || echo 2; }

# build DIR [cmake options...] (later options win over the default build type);
# TARGET, when set, builds only that target.
build() {
    local dir=$1; shift
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    cmake --build "$dir" -j "$(jobs)" ${TARGET:+--target "$TARGET"}
}

# Runs ctest in DIR, printing its output; records its pass/fail counts.
PASSED=0
FAILED=0
run_ctest() {
    local dir=$1 log
    log=$(mktemp)
    (cd "$dir" && ctest --output-on-failure) 2>&1 | tee "$log" || true
    local line total failed
    line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        FAILED=$((FAILED + 1))
    else
        failed=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/')
        total=$(echo "$line" | sed -E 's/.* failed out of ([0-9]+).*/\1/')
        PASSED=$((PASSED + total - failed))
        FAILED=$((FAILED + failed))
    fi
    rm -f "$log"
}

case "${1:-}" in
    serve)
        shift
        install_packages "${BUILD_PACKAGES[@]}"
        TARGET=litegres build build
        exec ./build/litegres "$@"
        ;;
    test)
        install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
        install_js_drivers
        build_compiled_drivers
        # Debug (-O0) keeps the sanitizer build quick to compile.
        build build-asan -DCMAKE_BUILD_TYPE=Debug -DLITEGRES_WERROR=ON -DLITEGRES_SANITIZE=ON
        echo "== tests under AddressSanitizer + UBSan =="
        run_ctest build-asan
        build build -DLITEGRES_WERROR=ON
        echo "== tests =="
        run_ctest build
        echo "$PASSED passed, $FAILED failed"
        [ "$FAILED" -eq 0 ]
        ;;
    deps)
        install_packages "${BUILD_PACKAGES[@]}"
        if [ "${2:-}" = "--test" ]; then
            install_packages "${TEST_PACKAGES[@]}"
            install_js_drivers
        fi
        ;;
    *)
        echo "usage: $0 serve [litegres flags] | test | deps [--test]" >&2
        exit 2
        ;;
esac
