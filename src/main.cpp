// main.cpp — entry point of the litegres executable.
#include <cstdio>
#include <exception>

#include "src/log.h"
#include "src/server.h"
#include "src/server_config.h"

int main(int argc, char** argv) {
    int exit_code = 0;
    auto config = litegres::parse_server_config(argc, argv, exit_code);
    if (!config) return exit_code;
    try {
        litegres::Server server(*config);
        return server.run();
    } catch (const std::exception& e) {
        litegres::log_line(litegres::LogLevel::kError, std::string("could not start server: ") + e.what());
        return 1;
    }
}
