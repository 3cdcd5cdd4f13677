// client_connection.cpp — the socket loop of one client.
#include "src/client_connection.h"

#include <asio/bind_executor.hpp>
#include <asio/post.hpp>
#include <asio/write.hpp>

#include "pgwire/backend_encoder.h"
#include "pgwire/sqlstate.h"
#include "src/log.h"

namespace litegres {

namespace {
// Stop reading while this much undecoded input is waiting (a pipelining
// client that does not read its replies).
constexpr size_t kMaxBufferedInput = 4 * 1024 * 1024;
// Flush before the batch ends once this much output is waiting.
constexpr size_t kFlushThreshold = 256 * 1024;
// Messages handed to the worker in one job.
constexpr size_t kMaxBatch = 256;
}  // namespace

ClientConnection::ClientConnection(asio::ip::tcp::socket socket, ServerContext& context, int32_t process_id,
                                   int32_t secret_key)
    : socket_(std::move(socket)),
      strand_(asio::make_strand(socket_.get_executor())),
      context_(context),
      process_id_(process_id),
      session_(context.registry, process_id, secret_key) {
    session_.forward_cancel = [&context](int32_t target_pid, int32_t key) {
        std::shared_ptr<ClientConnection> target;
        {
            std::lock_guard lock(context.connections_mutex);
            auto it = context.connections.find(target_pid);
            if (it != context.connections.end()) target = it->second.lock();
        }
        if (target) target->session_.cancel(key);
    };
}

ClientConnection::~ClientConnection() {
    if (context_.on_connection_closed) context_.on_connection_closed();
}

void ClientConnection::start() {
    asio::error_code ignored;
    socket_.set_option(asio::ip::tcp::no_delay(true), ignored);
    asio::post(strand_, [self = shared_from_this()] { self->read_more(); });
}

void ClientConnection::reject(const pgwire::PgError& error) {
    asio::post(strand_, [self = shared_from_this(), error] {
        pgwire::BackendEncoder(self->pending_out_).error_response(error);
        self->closing_ = true;
        self->flush();
    });
}

void ClientConnection::terminate() {
    asio::post(strand_, [self = shared_from_this()] {
        if (self->closed_) return;
        pgwire::BackendEncoder(self->pending_out_)
            .error_response(pgwire::PgError(pgwire::sqlstate::kAdminShutdown,
                                            "terminating connection due to administrator command", 0,
                                            pgwire::Severity::kFatal));
        self->closing_ = true;
        if (!self->busy_) self->flush();
    });
}

void ClientConnection::read_more() {
    if (reading_ || closing_ || closed_ || decoder_.buffered() > kMaxBufferedInput) return;
    reading_ = true;
    socket_.async_read_some(
        asio::buffer(read_buffer_),
        asio::bind_executor(strand_, [self = shared_from_this()](const asio::error_code& ec, size_t n) {
            self->reading_ = false;
            if (ec) {
                // The client went away (or reset): end this session only.
                if (ec != asio::error::eof && ec != asio::error::operation_aborted) {
                    log_line(LogLevel::kInfo, "connection " + std::to_string(self->process_id_) +
                                                  " lost: " + ec.message());
                }
                self->peer_gone_ = true;
                if (!self->busy_) self->close();
                return;
            }
            self->decoder_.feed(std::string_view(self->read_buffer_.data(), n));
            self->pump();
            self->read_more();
        }));
}

void ClientConnection::pump() {
    if (busy_ || closing_ || closed_) return;
    // Every complete message goes to the worker in one job: a pipelined
    // Bind/Execute/Sync costs one thread hop, not three.
    bool framing_lost = false;
    try {
        while (backlog_.size() < kMaxBatch) {
            std::optional<pgwire::FrontendMessage> message = decoder_.next();
            if (!message) break;
            backlog_.push_back(std::move(*message));
        }
    } catch (const pgwire::PgError& e) {
        // Framing is lost: what came before still runs, then one answer and the end.
        log_line(LogLevel::kInfo, "connection " + std::to_string(process_id_) + ": " + e.what());
        framing_error_ = pgwire::PgError(e.sqlstate(), e.what(), 0, pgwire::Severity::kFatal);
        framing_lost = true;
    }
    if (backlog_.empty()) {
        if (framing_lost) {
            pgwire::BackendEncoder(pending_out_).error_response(*framing_error_);
            closing_ = true;
        }
        flush();
        read_more();
        return;
    }
    busy_ = true;
    asio::post(context_.workers, [self = shared_from_this()] { self->run_backlog(std::string()); });
}

void ClientConnection::run_backlog(std::string out) {
    Session::Step step = Session::Step::kContinue;
    while (!backlog_.empty() && step == Session::Step::kContinue) {
        pgwire::FrontendMessage message = std::move(backlog_.front());
        backlog_.pop_front();
        step = session_.handle(message, out);
    }
    asio::post(strand_, [self = shared_from_this(), step, out = std::move(out)]() mutable {
        self->finish(step, std::move(out));
    });
}

void ClientConnection::wait_for_writer() {
    Database* db = session_.database();
    db->write_lock().acquire([self = shared_from_this(), db] {
        asio::post(self->context_.workers, [self, db] {
            if (self->peer_gone_) {
                db->write_lock().release();
                asio::post(self->strand_, [self] { self->finish(Session::Step::kClose, {}); });
                return;
            }
            std::string out;
            Session::Step step = self->session_.resume(out);
            if (step == Session::Step::kContinue) {
                self->run_backlog(std::move(out));  // the rest of the batch
                return;
            }
            asio::post(self->strand_, [self, step, out = std::move(out)]() mutable {
                self->finish(step, std::move(out));
            });
        });
    });
}

void ClientConnection::finish(Session::Step step, std::string out) {
    if (pending_out_.empty()) {
        pending_out_ = std::move(out);
    } else {
        pending_out_ += out;
    }
    if (step == Session::Step::kNeedsWriter) {
        wait_for_writer();
        return;
    }
    busy_ = false;
    if (step == Session::Step::kClose || peer_gone_) closing_ = true;
    if (!closing_ && backlog_.empty() && framing_error_) {
        pgwire::BackendEncoder(pending_out_).error_response(*framing_error_);
        closing_ = true;
    }
    if (closing_) {
        backlog_.clear();
        flush();
        return;
    }
    // Decode the next message before writing, so replies to a pipelined
    // batch leave in one write.
    pump();
    if (!busy_ || pending_out_.size() >= kFlushThreshold) flush();
}

void ClientConnection::flush() {
    if (writing_in_flight_ || closed_) return;
    if (pending_out_.empty() || peer_gone_) {
        if (closing_ && !busy_) close();
        return;
    }
    writing_.swap(pending_out_);
    pending_out_.clear();
    writing_in_flight_ = true;
    asio::async_write(socket_, asio::buffer(writing_),
                      asio::bind_executor(strand_, [self = shared_from_this()](const asio::error_code& ec, size_t) {
                          self->writing_in_flight_ = false;
                          self->writing_.clear();
                          if (ec) {
                              self->peer_gone_ = true;
                              if (!self->busy_) self->close();
                              return;
                          }
                          self->flush();
                      }));
}

void ClientConnection::close() {
    if (closed_) return;
    closed_ = true;
    asio::error_code ignored;
    socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
    std::lock_guard lock(context_.connections_mutex);
    context_.connections.erase(process_id_);
}

}  // namespace litegres
