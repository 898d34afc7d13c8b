// Uploader rounds and the thread that repeats them. The rule that keeps records safe: nothing
// leaves the outbox unless the CRM's answer for that very record id said accepted/duplicate
// (acknowledge) or rejected (dead letter, with the reason); every other outcome keeps it.
#include "crm/uploader.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "crm/retry_after.hpp"
#include "crm/wire_format.hpp"

namespace kiosk::crm {
namespace {

constexpr long http_too_many_requests = 429;
constexpr long http_service_unavailable = 503;
constexpr std::size_t body_excerpt_length = 200;

// Enough of an error page to tell a proxy's HTML from the CRM's JSON, on one line.
std::string excerpt(const std::string& body) {
    std::string text = body.substr(0, body_excerpt_length);
    for (char& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    return body.size() > body_excerpt_length ? text + "…" : text;
}

// The wrapped error's text without its code: the code travels in native_code, once.
std::string describe(const Error& error) { return error.domain + ": " + error.message; }

}  // namespace

Uploader::Uploader(UploaderConfig config, std::unique_ptr<RecordQueue> queue, Clock& clock, RandomSource& random,
                   Waiter& waiter)
    : config_(std::move(config)),
      queue_(std::move(queue)),
      clock_(clock),
      waiter_(waiter),
      certificate_clock_(config_.certificate_clock != nullptr ? *config_.certificate_clock : system_clock_),
      tls_readiness_(check_tls_readiness(config_.tls, certificate_clock_.now(), config_.certificate_warning_days)),
      client_(config_.tls, config_.timeouts),
      backoff_(config_.backoff, random) {
    config_.batch_size = std::clamp<std::size_t>(config_.batch_size, 1, UploaderConfig::max_batch_size);
    // Once at start-up in the log too, so a warning is seen even before anyone opens the screen.
    if (!tls_readiness_) {
        spdlog::error("crm upload: TLS settings unusable, nothing will be sent: {}", tls_readiness_.error().to_string());
    } else {
        for (const std::string& notice : tls_readiness_->notices(certificate_clock_.now())) spdlog::warn("crm upload: {}", notice);
    }
}

Uploader::~Uploader() { stop(); }

void Uploader::start() {
    std::lock_guard lifecycle(lifecycle_mutex_);
    if (thread_.joinable()) return;
    stop_requested_.store(false);
    waiter_.reset();
    client_.resume();
    {
        std::lock_guard lock(status_mutex_);
        status_.running = true;
    }
    thread_ = std::thread([this] { run(); });
}

void Uploader::stop() {
    std::lock_guard lifecycle(lifecycle_mutex_);
    if (!thread_.joinable()) return;
    stop_requested_.store(true);
    waiter_.interrupt();
    client_.cancel();  // a request waiting on a slow CRM ends now, not at its total timeout
    thread_.join();
    client_.resume();  // upload_once() keeps working after stop()
    waiter_.reset();
    std::lock_guard lock(status_mutex_);
    status_.running = false;
}

UploadSummary Uploader::upload_once() {
    std::lock_guard round_lock(round_mutex_);
    UploadSummary summary = round();
    record(summary);
    return summary;
}

UploaderStatus Uploader::status() const {
    UploaderStatus status;
    {
        std::lock_guard lock(status_mutex_);
        status = status_;
    }
    const TimePoint now = certificate_clock_.now();
    if (!tls_readiness_) {
        status.tls_notices = {tls_readiness_.error().message};
    } else {
        status.tls_notices = tls_readiness_->notices(now);
    }
    status.tls_refused = tls_refusal().has_value();
    status.last_round_trip = round_trips_.last();
    return status;
}

Result<Millis> Uploader::probe(HttpTimeouts timeouts) {
    if (auto refusal = tls_refusal()) return *refusal;
    try {
        HttpsClient client(config_.tls, timeouts);
        const TimePoint sent = clock_.now();
        auto response = client.get(config_.endpoint);
        const TimePoint at = clock_.now();
        if (!response) {
            round_trips_.failed(sent, at, response.error().to_string());
            return response.error();
        }
        round_trips_.answered(sent, at);
        return std::chrono::duration_cast<Millis>(at - sent);
    } catch (const std::exception& failure) {
        return make_error("curl", std::string("probe: ") + failure.what());
    }
}

Result<security::ExpiryReport> Uploader::certificate_report() const {
    if (!tls_readiness_) return tls_readiness_.error();
    return tls_readiness_->certificates.at(certificate_clock_.now());
}

std::optional<Error> Uploader::tls_refusal() const {
    const std::string not_sent = "POST " + config_.endpoint + " not sent: ";
    if (!tls_readiness_) {
        return make_error("tls", not_sent + "the TLS settings are unusable: " + tls_readiness_.error().message +
                                     "; every record stays in the outbox");
    }
    if (auto refusal = tls_readiness_->refusal(certificate_clock_.now())) {
        return make_error("tls", not_sent + *refusal + "; every record stays in the outbox");
    }
    return std::nullopt;
}

void Uploader::run() {
    while (!stop_requested_.load()) {
        Millis pause{0};
        {
            std::lock_guard round_lock(round_mutex_);
            const UploadSummary summary = round();
            record(summary);
            if (!summary.ok()) {
                pause = backoff_.next_delay(summary.retry_after);
            } else {
                backoff_.reset();
                // A full batch means more are probably waiting: go on at once.
                if (summary.sent < config_.batch_size) pause = config_.idle_interval;
            }
        }
        if (stop_requested_.load()) break;
        if (pause > Millis{0} && !waiter_.wait_for(pause)) break;
    }
}

UploadSummary Uploader::round() {
    std::vector<std::string> sent_ids;
    UploadSummary summary = deliver(sent_ids);
    if (summary.error && !sent_ids.empty()) {
        // Best effort: the attempt count is for the technician; failing to note it changes nothing.
        const Status noted = queue_->record_failure(sent_ids, summary.error->to_string());
        if (!noted.ok()) spdlog::warn("crm upload: cannot note the failed attempt: {}", noted.error().to_string());
    }
    return summary;
}

UploadSummary Uploader::deliver(std::vector<std::string>& sent_ids) {
    UploadSummary summary;
    if (auto refusal = tls_refusal()) {  // before any connection: an expired certificate is never shown
        summary.error = std::move(refusal);
        return summary;
    }
    auto batch = queue_->next_batch(config_.batch_size);
    if (!batch) {
        summary.error = make_error("crm", "cannot read the outbox: " + describe(batch.error()),
                                   batch.error().native_code);
        return summary;
    }
    if (batch->empty()) return summary;
    summary.sent = batch->size();
    for (const auto& record : *batch) sent_ids.push_back(record.header.record_id);
    // The wraps of the data keys these records use travel with them: only the CRM opens them.
    std::vector<std::string> key_ids;
    for (const auto& record : *batch) key_ids.push_back(record.header.key_id);
    auto data_keys = queue_->data_keys(key_ids);
    if (!data_keys) {
        summary.error = make_error("crm", "cannot read the wrapped data keys: " + describe(data_keys.error()) +
                                              "; all " + std::to_string(summary.sent) + " records kept",
                                   data_keys.error().native_code);
        return summary;
    }

    const std::string& url = config_.endpoint;
    const std::string body = encode_batch({config_.kiosk_id, *batch, std::move(*data_keys), queue_->journal_anchor()});
    const TimePoint sent = clock_.now();
    auto response = client_.post_json(url, body);
    if (!response) {
        round_trips_.failed(sent, clock_.now(), response.error().to_string());
        summary.error = response.error();
        return summary;
    }
    round_trips_.answered(sent, clock_.now());  // any HTTP answer: the CRM is there
    const std::string kept = "; all " + std::to_string(summary.sent) + " records kept";
    if (response->status == http_too_many_requests || response->status == http_service_unavailable) {
        summary.retry_after = parse_retry_after(response->retry_after, clock_.now());
        summary.error = make_error("crm", "POST " + url + ": CRM answered HTTP " + std::to_string(response->status) +
                                              " (Retry-After: " +
                                              (response->retry_after.empty() ? "none" : response->retry_after) + ")" +
                                              kept,
                                   static_cast<int>(response->status));
        return summary;
    }
    if (response->status < 200 || response->status > 299) {
        summary.error = make_error("crm", "POST " + url + ": CRM answered HTTP " + std::to_string(response->status) +
                                              " \"" + excerpt(response->body) + "\"" + kept,
                                   static_cast<int>(response->status));
        return summary;
    }
    auto applied = apply_answer(response->body, *batch, summary);
    if (!applied) summary.error = applied.error();
    return summary;
}

Result<std::size_t> Uploader::apply_answer(const std::string& body, const std::vector<security::SealedRecord>& batch,
                                           UploadSummary& summary) {
    const std::string& url = config_.endpoint;
    std::vector<std::string> sent_ids;
    sent_ids.reserve(batch.size());
    for (const auto& record : batch) sent_ids.push_back(record.header.record_id);

    auto results = decode_answer(body, sent_ids);
    if (!results) {
        // The CRM may well hold these records now; resending is safe because it deduplicates.
        return make_error("crm", "POST " + url + ": " + results.error().message + "; nothing acknowledged, all " +
                                     std::to_string(batch.size()) + " records kept");
    }
    std::vector<std::string> acknowledged;
    for (const auto& result : *results) {
        if (result.outcome != RecordOutcome::Rejected) acknowledged.push_back(result.record_id);
    }
    if (!acknowledged.empty()) {
        const Status deleted = queue_->acknowledge(acknowledged);
        if (!deleted.ok()) {
            return make_error("crm", "CRM acknowledged " + std::to_string(acknowledged.size()) +
                                         " records but the outbox could not delete them (they will be resent): " +
                                         describe(deleted.error()),
                              deleted.error().native_code);
        }
        summary.acknowledged = acknowledged.size();
    }
    for (const auto& result : *results) {
        if (result.outcome != RecordOutcome::Rejected) continue;
        const Status moved = queue_->dead_letter(result.record_id, result.reason);
        if (!moved.ok()) {
            return make_error("crm", "cannot dead-letter record " + result.record_id + ": " + describe(moved.error()),
                              moved.error().native_code);
        }
        ++summary.dead_lettered;
        // Reported, never retried: a technician reads the reason from the dead letters.
        const auto sent = std::find_if(batch.begin(), batch.end(), [&result](const security::SealedRecord& record) {
            return record.header.record_id == result.record_id;
        });
        std::string rejection = "record " + result.record_id + " (" + (sent != batch.end() ? sent->header.kind : "?") +
                                ") rejected: " + result.reason;
        spdlog::warn("crm upload: {}; moved to dead letters, not resent", rejection);
        summary.rejections.push_back(std::move(rejection));
    }
    summary.unanswered = batch.size() - results->size();
    if (summary.unanswered > 0) {
        return make_error("crm", "POST " + url + ": CRM answered " + std::to_string(results->size()) + " of " +
                                     std::to_string(batch.size()) + " records; " + std::to_string(summary.unanswered) +
                                     " kept for the next round");
    }
    return results->size();
}

void Uploader::record(const UploadSummary& summary) {
    const auto pending = queue_->pending_count();
    const TimePoint now = clock_.now();
    std::lock_guard lock(status_mutex_);
    if (pending) status_.pending = *pending;
    status_.dead_lettered += summary.dead_lettered;
    if (!summary.rejections.empty()) status_.last_rejection = summary.rejections.back();
    if (summary.error) {
        status_.last_error = summary.error;
        status_.last_error_time = now;
        ++status_.consecutive_failures;
        // Ids and counts only: the records themselves are sealed and never logged.
        spdlog::warn("crm upload: {}", summary.error->to_string());
    } else if (summary.sent > 0) {
        status_.last_success = now;
        status_.last_error.reset();
        status_.last_error_time.reset();
        status_.consecutive_failures = 0;
        spdlog::info("crm upload: {} sent, {} acknowledged, {} dead-lettered, {} pending", summary.sent,
                     summary.acknowledged, summary.dead_lettered, status_.pending);
    }
}

}  // namespace kiosk::crm
