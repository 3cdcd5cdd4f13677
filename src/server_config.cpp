// server_config.cpp — flag parsing with CLI11 (Debian's libcli11-dev).
#include "src/server_config.h"

#include <CLI/CLI.hpp>

#include "translate/sqlite_functions.h"

namespace litegres {

std::optional<ServerConfig> parse_server_config(int argc, char** argv, int& exit_code) {
    ServerConfig config;
    CLI::App app{"litegres: a PostgreSQL server that keeps its data in SQLite", "litegres"};
    app.add_option("--host", config.host, "address to listen on")->envname("LITEGRES_HOST")->capture_default_str();
    app.add_option("--port", config.port, "TCP port to listen on")->envname("LITEGRES_PORT")->capture_default_str();
    app.add_option("--data-dir", config.data_dir, "directory holding one SQLite file per database")
        ->envname("LITEGRES_DATA_DIR")
        ->capture_default_str();
    app.add_option("--max-connections", config.max_connections, "maximum concurrent client connections")
        ->envname("LITEGRES_MAX_CONNECTIONS")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    app.add_option("--io-threads", config.io_threads, "threads running network I/O")
        ->envname("LITEGRES_IO_THREADS")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    app.add_option("--workers", config.workers, "threads running SQLite work")
        ->envname("LITEGRES_WORKERS")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    app.set_version_flag("--version", std::string("litegres (PostgreSQL ") + translate::kServerVersion + " protocol)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        exit_code = app.exit(e);
        return std::nullopt;
    }
    return config;
}

}  // namespace litegres
