// MqttPublisher: one MQTT client that publishes and never makes its caller wait (issue 12, item
// 4). Every libmosquitto call happens on the publisher's own network thread; the loop thread only
// puts messages in a small queue under a mutex and returns. While the broker is unreachable:
//   - a "latest" message (the retained status) replaces the one waiting for its topic, so only
//     the newest is sent when the broker is back — and it is sent again after every reconnect,
//     since a restarted broker may have lost what it retained;
//   - any other message (alerts, the daily index) is dropped and counted: the outbox is the
//     durable path for what must arrive (docs/operations.md).
// The connection is mutual TLS (CA, client certificate and key), QoS 1, with a last will the
// broker publishes when the terminal goes silent: a dead terminal shows at once. The thread
// reconnects by itself with a capped backoff; stop() says goodbye (the farewell message) and
// disconnects within a bounded time.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "kiosk/fleet/mosquitto_handle.hpp"

namespace kiosk::fleet {

struct MqttMessage {
    std::string topic;
    std::string payload;
    bool retain = false;
};

struct MqttSettings {
    std::string host;  // address or DNS name (resolved on the network thread)
    int port = 8883;
    std::string ca_file;
    std::string client_cert;
    std::string client_key;
    std::string client_id;            // unique per terminal: a second client with it evicts the first
    Millis keepalive{30'000};
    MqttMessage will;                 // published by the broker when the connection dies
    std::optional<MqttMessage> farewell;  // published by stop() before a clean disconnect
    Millis connect_timeout{10'000};   // a connection attempt not answered by then is begun again
    Millis max_backoff{30'000};       // between failed attempts: 0.5 s doubling up to this
};

class MqttPublisher {
public:
    // Checks the TLS files and starts the network thread, which connects in the background. An
    // Error (naming the file or the setting) when the client cannot be set up at all.
    static Result<std::unique_ptr<MqttPublisher>> start(MqttSettings settings);
    ~MqttPublisher();  // stop()
    MqttPublisher(const MqttPublisher&) = delete;
    MqttPublisher& operator=(const MqttPublisher&) = delete;

    // Never waits. Kept (the newest per topic) until sent, and sent again after each reconnect.
    void publish_latest(MqttMessage message);
    // Never waits. Dropped (returns false) while the broker is not connected, or when 256
    // messages already wait.
    bool publish(MqttMessage message);
    // The farewell, a clean disconnect, the thread joined: within about 2 s. Idempotent.
    void stop();

    struct Counts {
        bool connected = false;
        std::uint64_t connects = 0;  // successful CONNACKs
        std::uint64_t sent = 0;      // messages handed to the connection
        std::uint64_t dropped = 0;   // publish() refusals
    };
    [[nodiscard]] Counts counts() const;
    // The last connection problem in words ("" while connected): for the operator's log.
    [[nodiscard]] std::string last_problem() const;

private:
    explicit MqttPublisher(MqttSettings settings);
    void run();
    void send_waiting();
    void say_goodbye();
    bool wait_or_stop(Millis duration);
    static void on_connect(mosquitto* handle, void* self, int code);
    static void on_disconnect(mosquitto* handle, void* self, int code);

    MqttSettings settings_;
    MosquittoPtr handle_;
    std::thread thread_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::map<std::string, MqttMessage> latest_;        // by topic: what a reconnect sends again
    std::map<std::string, bool> latest_unsent_;        // by topic: changed since last sent
    std::deque<MqttMessage> waiting_;
    Counts counts_;
    std::string problem_ = "not connected yet";
    bool resend_latest_ = false;  // set by a CONNACK: send every latest message again
};

}  // namespace kiosk::fleet
