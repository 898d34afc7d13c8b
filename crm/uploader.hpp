// The uploader: its own thread takes batches from the outbox, POSTs them to the CRM and deletes
// exactly the records the CRM acknowledged. Delivery is at-least-once; the record id is the CRM's
// idempotency key, so the effect is exactly-once. Failures keep every record and back off.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "common/round_trip.hpp"
#include "common/result.hpp"
#include "crm/backoff.hpp"
#include "crm/https_client.hpp"
#include "crm/record_queue.hpp"
#include "crm/tls_readiness.hpp"
#include "crm/waiter.hpp"

namespace kiosk::crm {

struct UploaderConfig {
    std::string endpoint;          // e.g. https://crm.bank.example/v1/records
    std::string kiosk_id;
    // Records per POST, 1–200: the CRM takes at most 200 per call (Salesforce collections);
    // larger values are clamped to 200, 0 to 1.
    std::size_t batch_size = max_batch_size;
    static constexpr std::size_t max_batch_size = 200;
    TlsSettings tls;
    HttpTimeouts timeouts;
    BackoffPolicy backoff;
    Millis idle_interval{30'000};  // pause after a round that emptied the outbox
    int certificate_warning_days = 30;  // warn technicians this long before a certificate expires
    // The time certificates are judged by. OpenSSL verifies the server against the real time, so
    // null (the default) means the system clock, also when the kiosk runs on a virtual clock.
    const Clock* certificate_clock = nullptr;
};

// The outcome of one round (one batch, one POST).
struct UploadSummary {
    std::size_t sent = 0;           // records in the batch POSTed
    std::size_t acknowledged = 0;   // answered accepted or duplicate, deleted from the outbox
    std::size_t dead_lettered = 0;  // answered rejected, moved to dead letters with the reason
    std::vector<std::string> rejections;  // one line per rejected record: id, kind, the CRM's reason
    std::size_t unanswered = 0;     // sent but absent from the answer: kept for the next round
    std::optional<Error> error;     // set when anything stopped the round short of a full answer
    std::optional<Millis> retry_after;  // the CRM's Retry-After on 429/503

    [[nodiscard]] bool ok() const { return !error.has_value(); }
};

// For the technician's screen and kioskctl.
struct UploaderStatus {
    bool running = false;
    std::optional<TimePoint> last_success;  // last round the CRM answered in full
    std::optional<Error> last_error;        // cleared by the next successful round
    std::optional<TimePoint> last_error_time;
    std::size_t consecutive_failures = 0;
    std::size_t pending = 0;                // records in the outbox after the last round
    // Records the CRM rejected for good (moved to dead letters, never resent) since start-up, and
    // the last of them: "record <id> (<kind>) rejected: <reason>".
    std::size_t dead_lettered = 0;
    std::optional<std::string> last_rejection;
    // TLS readiness for the technician's screen, worst first: certificates expired or expiring
    // within certificate_warning_days, a missing backup pin, unusable TLS settings. Empty = all well.
    std::vector<std::string> tls_notices;
    bool tls_refused = false;  // true while the uploader refuses to connect (see tls_notices)
    // The last request that went to the CRM (a batch POST or a probe): when, how long, what failed.
    std::optional<RoundTrip> last_round_trip;
};

class Uploader {
public:
    // `queue` is owned (it holds the uploader's own database connection); clock, random and waiter
    // must outlive the uploader. Throws only if libcurl cannot be initialised (start-up failure).
    Uploader(UploaderConfig config, std::unique_ptr<RecordQueue> queue, Clock& clock, RandomSource& random,
             Waiter& waiter);
    ~Uploader();  // stop()
    Uploader(const Uploader&) = delete;
    Uploader& operator=(const Uploader&) = delete;

    // Starts the upload thread (no-op if running).
    void start();
    // Interrupts any wait and any request in flight, then joins: returns within milliseconds.
    // Records of an interrupted round stay in the outbox and are resent (the CRM deduplicates).
    void stop();

    // One synchronous round, for tests and the headless demo. Safe while the thread runs (rounds
    // are serialised), though the thread would normally do this on its own.
    UploadSummary upload_once();

    [[nodiscard]] UploaderStatus status() const;

    // "Test network" on the service mode's Network page: one short GET of the endpoint with the
    // uploader's TLS settings (CA, client certificate, pins) and its own client and timeouts, on
    // the caller's thread (a worker, never the loop). Any HTTP answer means the CRM is there; the
    // round trip is recorded as the last one. Refused, like an upload, while the TLS settings are.
    Result<Millis> probe(HttpTimeouts timeouts = {Millis{2'000}, Millis{3'000}});

    // The start-up TLS check (tls_readiness.hpp) as of now; an Error when the settings are unusable.
    [[nodiscard]] Result<security::ExpiryReport> certificate_report() const;

private:
    void run();
    UploadSummary round();
    UploadSummary deliver(std::vector<std::string>& sent_ids);  // round() without the failure notes
    Result<std::size_t> apply_answer(const std::string& body, const std::vector<security::SealedRecord>& batch,
                                     UploadSummary& summary);
    void record(const UploadSummary& summary);
    [[nodiscard]] std::optional<Error> tls_refusal() const;  // why no connection may be made now

    UploaderConfig config_;
    std::unique_ptr<RecordQueue> queue_;
    Clock& clock_;
    Waiter& waiter_;
    SystemClock system_clock_;
    const Clock& certificate_clock_;      // config_.certificate_clock or system_clock_
    Result<TlsReadiness> tls_readiness_;  // checked once, at construction
    HttpsClient client_;
    Backoff backoff_;  // touched by the upload thread only (or upload_once() under round_mutex_)

    std::mutex round_mutex_;  // one round at a time: the queue and the client are not thread-safe
    mutable std::mutex status_mutex_;
    UploaderStatus status_;
    RoundTripLog round_trips_;  // thread-safe on its own: the upload thread and probe() write it

    std::mutex lifecycle_mutex_;  // start()/stop() from different threads
    std::atomic<bool> stop_requested_{false};
    std::thread thread_;
};

}  // namespace kiosk::crm
