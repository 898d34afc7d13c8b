// The operations centre's side in the fleet tests: a libmosquitto client subscribed to `kiosk/#`
// (QoS 1) that keeps every message and the latest per topic, with a bounded wait for a condition.
// Without a certificate it is the client the broker must refuse.
#pragma once

#include <mosquitto.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/fleet/mosquitto_handle.hpp"
#include "sim/crm/test_pki.hpp"

namespace kiosk::testing {

class MqttTestSubscriber {
public:
    struct Message {
        std::string topic;
        std::string payload;
        bool retained = false;
    };

    // `with_certificate` false: only the CA, no client certificate.
    MqttTestSubscriber(int port, const sim::TestPkiFiles& pki, std::string client_id, bool with_certificate = true,
                       std::string filter = "kiosk/#")
        : filter_(std::move(filter)) {
        handle_ = fleet::make_mosquitto(client_id, this);
        if (!handle_) throw std::runtime_error("mosquitto_new failed");
        const std::string ca = pki.ca.certificate.string();
        const std::string cert = pki.client.certificate.string();
        const std::string key = pki.client.private_key.string();
        int code = with_certificate ? mosquitto_tls_set(handle_.get(), ca.c_str(), nullptr, cert.c_str(), key.c_str(), nullptr)
                                    : mosquitto_tls_set(handle_.get(), ca.c_str(), nullptr, nullptr, nullptr, nullptr);
        if (code != MOSQ_ERR_SUCCESS) throw std::runtime_error(std::string("tls_set: ") + mosquitto_strerror(code));
        mosquitto_connect_callback_set(handle_.get(), [](mosquitto* handle, void* self, int rc) {
            auto* me = static_cast<MqttTestSubscriber*>(self);
            if (rc == 0) mosquitto_subscribe(handle, nullptr, me->filter_.c_str(), 1);
            std::lock_guard lock(me->mutex_);
            if (rc == 0) ++me->connects_;
            me->changed_.notify_all();
        });
        mosquitto_message_callback_set(handle_.get(), [](mosquitto*, void* self, const mosquitto_message* message) {
            auto* me = static_cast<MqttTestSubscriber*>(self);
            std::lock_guard lock(me->mutex_);
            Message kept{message->topic,
                         std::string(static_cast<const char*>(message->payload), static_cast<std::size_t>(message->payloadlen)),
                         message->retain};
            me->latest_[kept.topic] = kept;
            me->all_.push_back(std::move(kept));
            me->changed_.notify_all();
        });
        mosquitto_connect_async(handle_.get(), "127.0.0.1", port, 30);
        if (mosquitto_loop_start(handle_.get()) != MOSQ_ERR_SUCCESS) throw std::runtime_error("loop_start failed");
    }
    ~MqttTestSubscriber() {
        mosquitto_disconnect(handle_.get());
        mosquitto_loop_stop(handle_.get(), true);
    }
    MqttTestSubscriber(const MqttTestSubscriber&) = delete;
    MqttTestSubscriber& operator=(const MqttTestSubscriber&) = delete;

    // Waits (real time, at most `bound`) until `holds` is true of what was received; false if not.
    bool wait_until(const std::function<bool(const MqttTestSubscriber&)>& holds,
                    std::chrono::milliseconds bound = std::chrono::seconds(20)) {
        // `holds` takes the lock itself (through the accessors), so it runs unlocked; a message
        // arriving meanwhile is seen at the next slice at the latest.
        const auto until = std::chrono::steady_clock::now() + bound;
        for (;;) {
            if (holds(*this)) return true;
            if (std::chrono::steady_clock::now() >= until) return false;
            std::unique_lock lock(mutex_);
            changed_.wait_for(lock, std::chrono::milliseconds(20));
        }
    }
    bool wait_connected(std::chrono::milliseconds bound = std::chrono::seconds(20)) {
        return wait_until([](const MqttTestSubscriber& me) { return me.connects() > 0; }, bound);
    }

    [[nodiscard]] int connects() const {
        std::lock_guard lock(mutex_);
        return connects_;
    }
    [[nodiscard]] std::optional<Message> latest(const std::string& topic) const {
        std::lock_guard lock(mutex_);
        auto it = latest_.find(topic);
        return it == latest_.end() ? std::nullopt : std::optional(it->second);
    }
    // The "state" of the latest JSON message on `topic`, "" when none.
    [[nodiscard]] std::string state(const std::string& topic) const {
        auto message = latest(topic);
        if (!message) return "";
        auto json = nlohmann::json::parse(message->payload, nullptr, false);
        return json.is_object() && json.contains("state") ? json["state"].get<std::string>() : "";
    }
    [[nodiscard]] std::map<std::string, Message> latest_all() const {
        std::lock_guard lock(mutex_);
        return latest_;
    }
    [[nodiscard]] std::vector<Message> all() const {
        std::lock_guard lock(mutex_);
        return all_;
    }

private:
    std::string filter_;
    fleet::MosquittoPtr handle_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    int connects_ = 0;
    std::map<std::string, Message> latest_;
    std::vector<Message> all_;
};

}  // namespace kiosk::testing
