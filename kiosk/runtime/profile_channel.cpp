#include "kiosk/runtime/profile_channel.hpp"

namespace kiosk {

ProfileChannel::ProfileChannel(RuntimePorts ports, Parts parts, Apply apply)
    : ports_(std::move(ports)), parts_(parts), apply_(std::move(apply)) {}

void ProfileChannel::ask(const std::string& token) {
    abandon();
    if (token.empty()) return;  // a cardless visit has no token to ask by
    ++counts_.asked;
    in_flight_ = parts_.worker.submit<std::optional<CustomerProfile>>(
        "profile", parts_.timeout,
        [token](ProfileSource& source) { return source.fetch(token); },
        [this, token](const Completion<std::optional<CustomerProfile>>& done) { on_answer(token, done); });
}

void ProfileChannel::abandon() {
    if (!in_flight_) return;
    (void)parts_.worker.cancel(*in_flight_);
    in_flight_.reset();
}

bool ProfileChannel::outstanding() const { return in_flight_ && parts_.worker.outstanding(*in_flight_); }

void ProfileChannel::on_answer(const std::string& token, const Completion<std::optional<CustomerProfile>>& done) {
    if (done.code == CompletionCode::canceled) return;  // the visit ended first
    in_flight_.reset();
    if (done.code == CompletionCode::timeOut) {
        ++counts_.late;
        from_cache(token, "the customer profile came not within " + std::to_string(parts_.timeout.count()) + " ms");
        return;
    }
    if (!done.ok()) {
        ++counts_.failed;
        from_cache(token, "no customer profile: " + done.describe());
        return;
    }
    if (!done.payload->has_value()) {
        ++counts_.none;
        if (parts_.cache != nullptr) {
            if (auto forgot = parts_.cache->forget(token); !forgot.ok()) {
                ports_.note("profile cache: " + forgot.error().to_string());
            }
        }
        return;
    }
    ++counts_.answered;
    const CustomerProfile& profile = **done.payload;
    if (parts_.cache != nullptr) {
        if (auto stored = parts_.cache->store(token, profile); !stored.ok()) {
            ports_.note("profile cache: " + stored.error().to_string());
        }
    }
    apply_(profile, ProfileOrigin::Crm);
}

void ProfileChannel::from_cache(const std::string& token, const std::string& why) {
    if (parts_.cache != nullptr) {
        auto cached = parts_.cache->find(token);
        if (!cached.ok()) {
            ports_.note(why + "; the cached one is unusable: " + cached.error().to_string());
        } else if (cached->has_value()) {
            ++counts_.from_cache;
            ports_.note(why + "; the cached profile is used");
            apply_(**cached, ProfileOrigin::Cache);
            return;
        }
    }
    ports_.note(why + "; the visit goes on unpersonalized");
}

}  // namespace kiosk
