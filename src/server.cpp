// server.cpp — accept loop, connection limit, signals and shutdown order.
#include "src/server.h"

#include <random>
#include <thread>
#include <vector>

#include "pgwire/sqlstate.h"
#include "src/client_connection.h"
#include "src/log.h"

namespace litegres {

Server::Server(const ServerConfig& config)
    : config_(config),
      registry_(config.data_dir),
      workers_(size_t(config.workers)),
      acceptor_(io_),
      signals_(io_, SIGINT, SIGTERM),
      context_(config_, registry_, workers_) {
    asio::ip::tcp::endpoint endpoint(asio::ip::make_address(config_.host), config_.port);
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::ip::tcp::acceptor::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen();
    context_.on_connection_closed = [this] {
        if (!context_.stopping) return;
        std::lock_guard lock(context_.connections_mutex);
        if (context_.connections.empty()) io_.stop();
    };
}

int Server::run() {
    log_line(LogLevel::kInfo, "listening on " + config_.host + ":" + std::to_string(config_.port) +
                                  ", data directory " + config_.data_dir);
    signals_.async_wait([this](const asio::error_code& ec, int) {
        if (!ec) begin_shutdown();
    });
    accept();
    std::vector<std::thread> threads;
    for (int i = 0; i < config_.io_threads; ++i) threads.emplace_back([this] { io_.run(); });
    for (auto& t : threads) t.join();
    // Sockets are closed; finish (and roll back) whatever sessions were
    // doing, then close the databases.
    workers_.join();
    {
        std::lock_guard lock(context_.connections_mutex);
        context_.connections.clear();
    }
    registry_.checkpoint_all();
    log_line(LogLevel::kInfo, "shut down");
    return 0;
}

void Server::accept() {
    acceptor_.async_accept(asio::make_strand(io_), [this](const asio::error_code& ec, asio::ip::tcp::socket socket) {
        if (ec) {
            if (ec != asio::error::operation_aborted) {
                log_line(LogLevel::kWarning, "accept failed: " + ec.message());
                accept();
            }
            return;
        }
        thread_local std::mt19937 random{std::random_device{}()};
        int32_t pid = context_.next_process_id++;
        auto connection = std::make_shared<ClientConnection>(std::move(socket), context_, pid, int32_t(random()));
        bool full;
        {
            std::lock_guard lock(context_.connections_mutex);
            full = context_.connections.size() >= size_t(config_.max_connections);
            if (!full) context_.connections[pid] = connection;
        }
        if (full) {
            connection->reject(pgwire::PgError(pgwire::sqlstate::kTooManyConnections,
                                               "sorry, too many clients already", 0, pgwire::Severity::kFatal));
        } else {
            connection->start();
        }
        accept();
    });
}

void Server::begin_shutdown() {
    log_line(LogLevel::kInfo, "received shutdown request");
    context_.stopping = true;
    asio::error_code ignored;
    acceptor_.close(ignored);
    std::vector<std::shared_ptr<ClientConnection>> live;
    {
        std::lock_guard lock(context_.connections_mutex);
        for (auto& [pid, weak] : context_.connections) {
            if (auto c = weak.lock()) live.push_back(std::move(c));
        }
        if (live.empty()) {
            io_.stop();
            return;
        }
    }
    for (auto& c : live) c->terminate();
}

}  // namespace litegres
