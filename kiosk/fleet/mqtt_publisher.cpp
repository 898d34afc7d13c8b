#include "kiosk/fleet/mqtt_publisher.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <vector>

namespace kiosk::fleet {

namespace {

constexpr std::size_t kMaxWaiting = 256;
constexpr int kLoopTimeoutMs = 100;  // how long one network turn may sit in select()
constexpr Millis kFirstBackoff{500};

Status readable(const std::string& path, std::string_view setting) {
    if (path.empty()) return make_error("fleet", std::string(setting) + " is not set");
    std::ifstream file(path);
    if (!file) return make_error("fleet", std::string(setting) + ": cannot read " + path);
    return ok_status();
}

Status checked(int code, std::string_view what) {
    if (code == MOSQ_ERR_SUCCESS) return ok_status();
    return make_error("fleet", std::string(what) + ": " + mosquitto_words(code));
}

}  // namespace

MqttPublisher::MqttPublisher(MqttSettings settings) : settings_(std::move(settings)) {}

Result<std::unique_ptr<MqttPublisher>> MqttPublisher::start(MqttSettings settings) {
    KIOSK_TRY(readable(settings.ca_file, "fleet.ca_file"));
    KIOSK_TRY(readable(settings.client_cert, "fleet.client_cert"));
    KIOSK_TRY(readable(settings.client_key, "fleet.client_key"));
    if (settings.host.empty()) return make_error("fleet", "fleet.mqtt_host is not set");
    std::unique_ptr<MqttPublisher> publisher(new MqttPublisher(std::move(settings)));
    const MqttSettings& use = publisher->settings_;
    publisher->handle_ = make_mosquitto(use.client_id, publisher.get());
    if (!publisher->handle_) return make_error("fleet", "cannot make an MQTT client named \"" + use.client_id + "\"");
    mosquitto* handle = publisher->handle_.get();
    KIOSK_TRY(checked(mosquitto_int_option(handle, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311), "protocol"));
    KIOSK_TRY(checked(mosquitto_tls_set(handle, use.ca_file.c_str(), nullptr, use.client_cert.c_str(),
                                        use.client_key.c_str(), nullptr),
                      "TLS files"));
    // Verify the broker's certificate and its name (mosquitto_tls_insecure_set stays false).
    KIOSK_TRY(checked(mosquitto_tls_opts_set(handle, 1, nullptr, nullptr), "TLS options"));
    KIOSK_TRY(checked(mosquitto_will_set(handle, use.will.topic.c_str(), static_cast<int>(use.will.payload.size()),
                                         use.will.payload.data(), 1, use.will.retain),
                      "last will"));
    mosquitto_connect_callback_set(handle, &MqttPublisher::on_connect);
    mosquitto_disconnect_callback_set(handle, &MqttPublisher::on_disconnect);
    publisher->thread_ = std::thread([raw = publisher.get()] { raw->run(); });
    return publisher;
}

MqttPublisher::~MqttPublisher() { stop(); }

void MqttPublisher::publish_latest(MqttMessage message) {
    std::lock_guard lock(mutex_);
    latest_unsent_[message.topic] = true;
    latest_[message.topic] = std::move(message);
}

bool MqttPublisher::publish(MqttMessage message) {
    std::lock_guard lock(mutex_);
    if (!counts_.connected || waiting_.size() >= kMaxWaiting) {
        ++counts_.dropped;
        return false;
    }
    waiting_.push_back(std::move(message));
    return true;
}

void MqttPublisher::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

MqttPublisher::Counts MqttPublisher::counts() const {
    std::lock_guard lock(mutex_);
    return counts_;
}

std::string MqttPublisher::last_problem() const {
    std::lock_guard lock(mutex_);
    return problem_;
}

void MqttPublisher::on_connect(mosquitto* /*handle*/, void* self, int code) {
    auto* publisher = static_cast<MqttPublisher*>(self);
    std::lock_guard lock(publisher->mutex_);
    if (code != 0) {
        publisher->problem_ = std::string("broker refused the connection: ") + mosquitto_connack_string(code);
        return;
    }
    publisher->counts_.connected = true;
    ++publisher->counts_.connects;
    publisher->problem_.clear();
    publisher->resend_latest_ = true;
}

void MqttPublisher::on_disconnect(mosquitto* /*handle*/, void* self, int code) {
    auto* publisher = static_cast<MqttPublisher*>(self);
    std::lock_guard lock(publisher->mutex_);
    publisher->counts_.connected = false;
    if (code != 0) publisher->problem_ = "connection lost: " + mosquitto_words(code);
}

bool MqttPublisher::wait_or_stop(Millis duration) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, duration, [this] { return stopping_; });
    return stopping_;
}

void MqttPublisher::run() {
    using Steady = std::chrono::steady_clock;
    Millis backoff = kFirstBackoff;
    bool attempting = false;  // a connection is open or being opened
    Steady::time_point attempt_started;
    auto fail = [&](const std::string& problem) {
        {
            std::lock_guard lock(mutex_);
            counts_.connected = false;
            problem_ = problem;
            counts_.dropped += waiting_.size();  // not durable by design: the outbox carries alerts
            waiting_.clear();
        }
        attempting = false;
        const bool stop = wait_or_stop(backoff);
        backoff = std::min(backoff * 2, settings_.max_backoff);
        return stop;
    };
    mosquitto* handle = handle_.get();
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) break;
        }
        if (!attempting) {
            // Non-blocking TCP connect; TLS and CONNECT/CONNACK follow in mosquitto_loop.
            const int code = mosquitto_connect_async(handle, settings_.host.c_str(), settings_.port,
                                                     static_cast<int>(settings_.keepalive.count() / 1000));
            if (code != MOSQ_ERR_SUCCESS) {
                if (fail("cannot connect to " + settings_.host + ":" + std::to_string(settings_.port) + ": " +
                         mosquitto_words(code))) {
                    break;
                }
                continue;
            }
            attempting = true;
            attempt_started = Steady::now();
        }
        const int code = mosquitto_loop(handle, kLoopTimeoutMs, 1);
        if (code != MOSQ_ERR_SUCCESS) {
            std::string problem = last_problem();
            if (problem.empty() || problem == "not connected yet") problem = "connection: " + mosquitto_words(code);
            if (fail(problem)) break;
            continue;
        }
        if (counts().connected) {
            backoff = kFirstBackoff;
            send_waiting();
        } else if (Steady::now() - attempt_started > settings_.connect_timeout) {
            if (fail("no answer from " + settings_.host + ":" + std::to_string(settings_.port) + " within " +
                     std::to_string(settings_.connect_timeout.count()) + " ms")) {
                break;
            }
        }
    }
    say_goodbye();
}

void MqttPublisher::send_waiting() {
    std::vector<MqttMessage> batch;
    std::vector<bool> latest;  // per batch entry: a latest message (marked unsent again on failure)
    {
        std::lock_guard lock(mutex_);
        for (auto& [topic, unsent] : latest_unsent_) {
            if (!unsent && !resend_latest_) continue;
            unsent = false;
            batch.push_back(latest_[topic]);
            latest.push_back(true);
        }
        resend_latest_ = false;
        while (!waiting_.empty()) {
            batch.push_back(std::move(waiting_.front()));
            latest.push_back(false);
            waiting_.pop_front();
        }
    }
    for (std::size_t index = 0; index < batch.size(); ++index) {
        const MqttMessage& message = batch[index];
        const int code = mosquitto_publish(handle_.get(), nullptr, message.topic.c_str(),
                                           static_cast<int>(message.payload.size()), message.payload.data(), 1,
                                           message.retain);
        std::lock_guard lock(mutex_);
        if (code == MOSQ_ERR_SUCCESS) {
            ++counts_.sent;
        } else if (latest[index]) {
            latest_unsent_[message.topic] = true;
        } else {
            ++counts_.dropped;
        }
    }
}

void MqttPublisher::say_goodbye() {
    mosquitto* handle = handle_.get();
    if (counts().connected) {
        if (settings_.farewell) {
            const MqttMessage& farewell = *settings_.farewell;
            mosquitto_publish(handle, nullptr, farewell.topic.c_str(), static_cast<int>(farewell.payload.size()),
                              farewell.payload.data(), 1, farewell.retain);
        }
        // Let the farewell and anything still queued go out (QoS 1 needs the broker's PUBACK), at
        // most about a second, then a clean DISCONNECT: the broker does not publish the will.
        for (int turn = 0; turn < 10 && mosquitto_want_write(handle); ++turn) mosquitto_loop(handle, kLoopTimeoutMs, 1);
        mosquitto_loop(handle, kLoopTimeoutMs, 1);
        mosquitto_disconnect(handle);
        for (int turn = 0; turn < 3; ++turn) {
            if (mosquitto_loop(handle, kLoopTimeoutMs, 1) != MOSQ_ERR_SUCCESS) break;
        }
    }
    std::lock_guard lock(mutex_);
    counts_.connected = false;
}

}  // namespace kiosk::fleet
