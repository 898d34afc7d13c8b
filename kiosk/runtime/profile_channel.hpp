// ProfileChannel: personalization on the host channel's pattern. After the card is read the
// runtime asks for the customer's profile by card token; the request goes to the profile source's
// own worker with a short deadline (crm.profile_timeout_ms, 300 ms by default, on the loop's
// clock) and the flow does not wait for it. An answer in time personalizes the visit (and is
// cached, sealed); a late, failed or refused one personalizes it from the cache when an unexpired
// profile of this customer is there, else not at all — silently: a note for the operator, nothing
// on screen. A late answer is dropped by the worker and counted (late_dropped()).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/async/request_worker.hpp"
#include "kiosk/runtime/profile_cache.hpp"
#include "kiosk/runtime/profile_source.hpp"
#include "kiosk/runtime/runtime_ports.hpp"

namespace kiosk {

using ProfileWorker = RequestWorker<ProfileSource>;

enum class ProfileOrigin { Crm, Cache };

class ProfileChannel {
public:
    struct Parts {
        ProfileWorker& worker;
        ProfileCache* cache = nullptr;  // none: no offline profiles (tests, no database)
        Millis timeout{300};
    };
    // Runs on the loop with the profile to apply (the runtime's personalization).
    using Apply = std::function<void(const CustomerProfile&, ProfileOrigin)>;

    ProfileChannel(RuntimePorts ports, Parts parts, Apply apply);

    // Asks for `token`'s profile (a new visit: any request of the last one is abandoned first).
    void ask(const std::string& token);
    // The visit is over: its request, if still outstanding, is abandoned and its answer dropped.
    void abandon();
    [[nodiscard]] bool outstanding() const;

    struct Counts {
        std::uint64_t asked = 0;
        std::uint64_t answered = 0;   // a profile from the source in time
        std::uint64_t none = 0;       // the bank has no profile (404)
        std::uint64_t late = 0;       // no answer by the deadline
        std::uint64_t failed = 0;     // the source failed or its answer was refused
        std::uint64_t from_cache = 0; // a late or failed visit personalized from the cache
    };
    [[nodiscard]] const Counts& counts() const { return counts_; }
    // Answers that came after their deadline (or after their visit) and were dropped.
    [[nodiscard]] std::uint64_t late_dropped() const { return parts_.worker.dropped_answers(); }

private:
    void on_answer(const std::string& token, const Completion<std::optional<CustomerProfile>>& done);
    void from_cache(const std::string& token, const std::string& why);

    RuntimePorts ports_;
    Parts parts_;
    Apply apply_;
    std::optional<RequestId> in_flight_;
    Counts counts_;
};

}  // namespace kiosk
