// server.h — the listener and the process's threads: asio I/O threads for
// sockets, a worker pool for SQLite work, and clean shutdown on SIGINT /
// SIGTERM (clients told, sessions rolled back, WAL checkpointed, files closed).
#pragma once

#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/signal_set.hpp>
#include <asio/thread_pool.hpp>

#include <memory>

#include "src/database_registry.h"
#include "src/server_config.h"
#include "src/server_context.h"

namespace litegres {

class Server {
public:
    explicit Server(const ServerConfig& config);
    // Serves until a shutdown signal; returns the process exit code.
    int run();

private:
    void accept();
    void begin_shutdown();

    ServerConfig config_;
    DatabaseRegistry registry_;
    asio::io_context io_;
    asio::thread_pool workers_;
    asio::ip::tcp::acceptor acceptor_;
    asio::signal_set signals_;
    ServerContext context_;
};

}  // namespace litegres
