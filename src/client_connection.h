// client_connection.h — one client socket. Moves bytes between the socket
// and the session, and nothing else: reads feed the FrontendDecoder, each
// decoded message runs in Session::handle on the worker pool, replies go out
// in one write per batch. All of this object's state lives on its strand;
// the session is touched by one worker job at a time.
#pragma once

#include <asio/ip/tcp.hpp>
#include <asio/strand.hpp>

#include <array>
#include <deque>
#include <optional>
#include <atomic>
#include <memory>
#include <string>

#include "pgwire/frontend_decoder.h"
#include "src/server_context.h"
#include "src/session.h"

namespace litegres {

class ClientConnection : public std::enable_shared_from_this<ClientConnection> {
public:
    ClientConnection(asio::ip::tcp::socket socket, ServerContext& context, int32_t process_id, int32_t secret_key);
    ~ClientConnection();

    void start();
    // Server shutdown: tell the client (FATAL 57P01) and close.
    void terminate();
    // Refuse at once with a FATAL error (e.g. too many connections).
    void reject(const pgwire::PgError& error);

private:
    void read_more();
    void pump();
    // On a worker: handles backlog_ in order until it is empty or a message
    // needs the writer or ends the session; appends replies to `out`.
    void run_backlog(std::string out);
    void wait_for_writer();
    void finish(Session::Step step, std::string out);
    void flush();
    void close();

    asio::ip::tcp::socket socket_;
    asio::strand<asio::any_io_executor> strand_;
    ServerContext& context_;
    int32_t process_id_;
    pgwire::FrontendDecoder decoder_;
    Session session_;

    std::array<char, 16 * 1024> read_buffer_;
    // Decoded messages not yet handled. Filled on the strand while no worker
    // job runs (busy_ false), drained by the job: never touched by both.
    std::deque<pgwire::FrontendMessage> backlog_;
    // A framing error after the backlog: answered once the backlog is done.
    std::optional<pgwire::PgError> framing_error_;
    std::string pending_out_;  // replies not yet handed to the socket
    std::string writing_;      // the write in flight
    bool reading_ = false;
    bool writing_in_flight_ = false;
    bool busy_ = false;        // a worker job owns the session
    bool closing_ = false;     // close once pending output is written
    bool closed_ = false;
    std::atomic<bool> peer_gone_{false};
};

}  // namespace litegres
