// server_config.h — the server's settings, from command-line flags and
// LITEGRES_* environment variables (flags win), with the embedded defaults a
// newcomer gets: 127.0.0.1:5432, data in ./data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace litegres {

struct ServerConfig {
    std::string host = "127.0.0.1";
    uint16_t port = 5432;
    std::string data_dir = "./data";
    int max_connections = 100;
    int io_threads = 2;
    int workers = 4;
};

// Parses argv. Returns nullopt after printing --help/--version output or a
// usage error; `exit_code` then says how to exit.
std::optional<ServerConfig> parse_server_config(int argc, char** argv, int& exit_code);

}  // namespace litegres
