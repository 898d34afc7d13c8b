// Tracer: what the tracing decorators share — the clock, the sink, request ids that are unique
// across every device of one trace, and an optional TraceHook that is told before and after each
// command and poll (the simulator's replayer uses it to arm a recorded fault just in time).
// Threads: every device's worker may call one Tracer at once: ids are atomic, the clock and the
// sink are thread-safe, and the hook must be (TraceReplayer is).
#pragma once

#include <atomic>
#include <string_view>

#include "common/clock.hpp"
#include "drivers/trace/trace_sink.hpp"

namespace kiosk::drivers {

class TraceHook {
public:
    virtual ~TraceHook() = default;
    // `command` is the record name the decorator will write ("poll" for a poll).
    virtual void before(std::string_view device, std::string_view command) = 0;
    virtual void after(std::string_view device, std::string_view command) = 0;
};

class Tracer {
public:
    Tracer(const Clock& clock, TraceSink& sink, TraceHook* hook = nullptr)
        : clock_(clock), sink_(sink), hook_(hook) {}

    // A command record, started now: fill in the outcome with finish().
    TraceRecord begin(std::string_view device, std::string_view name, nlohmann::json detail = nlohmann::json::object());
    void finish(TraceRecord& record, const Error* error);
    // One event record per event a poll returned (`request_id` shared by them).
    void event(std::string_view device, std::uint64_t request_id, std::string_view name,
               nlohmann::json detail = nlohmann::json::object());

    std::uint64_t next_id() { return next_id_++; }
    [[nodiscard]] std::int64_t now_ms() const { return to_unix_millis(clock_.now()); }

    void before(std::string_view device, std::string_view name) {
        if (hook_ != nullptr) hook_->before(device, name);
    }
    void after(std::string_view device, std::string_view name) {
        if (hook_ != nullptr) hook_->after(device, name);
    }

private:
    const Clock& clock_;
    TraceSink& sink_;
    TraceHook* hook_;
    std::atomic<std::uint64_t> next_id_{1};
};

}  // namespace kiosk::drivers
