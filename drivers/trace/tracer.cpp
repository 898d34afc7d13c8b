// Tracer (see tracer.hpp).
#include "drivers/trace/tracer.hpp"

namespace kiosk::drivers {

TraceRecord Tracer::begin(std::string_view device, std::string_view name, nlohmann::json detail) {
    TraceRecord record;
    record.kind = TraceKind::command;
    record.device = std::string(device);
    record.name = std::string(name);
    record.request_id = next_id();
    record.start_ms = now_ms();
    record.detail = std::move(detail);
    return record;
}

void Tracer::finish(TraceRecord& record, const Error* error) {
    record.end_ms = now_ms();
    record.ok = error == nullptr;
    if (error != nullptr) {
        record.error_domain = error->domain;
        record.error_code = error->native_code;
        record.error = scrub_digits(error->message);
    }
    sink_.record(record);
}

void Tracer::event(std::string_view device, std::uint64_t request_id, std::string_view name, nlohmann::json detail) {
    TraceRecord record;
    record.kind = TraceKind::event;
    record.device = std::string(device);
    record.name = std::string(name);
    record.request_id = request_id;
    record.start_ms = record.end_ms = now_ms();
    record.detail = std::move(detail);
    sink_.record(record);
}

}  // namespace kiosk::drivers
