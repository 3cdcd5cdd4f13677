// server_context.h — what every client connection shares: the worker pool
// that runs SQLite work, the database registry, and the bookkeeping of live
// connections (for the connection limit, BackendKeyData and shutdown).
#pragma once

#include <asio/thread_pool.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "src/database_registry.h"
#include "src/server_config.h"

namespace litegres {

class ClientConnection;

struct ServerContext {
    ServerContext(const ServerConfig& config, DatabaseRegistry& registry, asio::thread_pool& workers)
        : config(config), registry(registry), workers(workers) {}

    const ServerConfig& config;
    DatabaseRegistry& registry;
    asio::thread_pool& workers;

    std::mutex connections_mutex;
    std::map<int32_t, std::weak_ptr<ClientConnection>> connections;  // by process id
    std::atomic<int32_t> next_process_id{1000};
    std::atomic<bool> stopping{false};
    // Called (on any thread) when a connection ends.
    std::function<void()> on_connection_closed;
};

}  // namespace litegres
