// The simulated CRM ingest endpoint: a real HTTPS server (cpp-httplib over OpenSSL) on
// 127.0.0.1 with an OS-chosen port, speaking crm/wire_format.hpp. It deduplicates on record id
// like the real CRM must, so a resent record is counted once, and injects faults on demand. Given
// the CRM's record private keys it opens every record it ingests (crm/record_opener.hpp) and
// rejects, with the reason, one it cannot open; opened() holds what it read.
// Run: `build/bin/crm_tests --gtest_filter='SimCrmServer*:Uploader*'`; in code,
// SimCrmServer::start(options) with certificates from test_pki.hpp, then point the uploader at
// url(). Tests: tests/crm/sim_crm_server_test.cpp, https_client_test.cpp, uploader_test.cpp.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "crm/record_opener.hpp"
#include "crm/wire_format.hpp"
#include "security/crm_record_key.hpp"
#include "security/sealed_record.hpp"
#include "sim/crm/opened_record.hpp"

namespace httplib {
class SSLServer;
}

namespace kiosk::sim {

// What the next request(s) meet instead of normal processing (named, after PX4's failure modes).
enum class CrmFault {
    ServerError,      // 500 before the batch is read: nothing is stored
    Throttled,        // 429 with Retry-After (set_retry_after): nothing is stored
    MalformedAnswer,  // batch stored, answer body is not JSON (as if corrupted on the way back)
    LostAnswer,       // batch stored, then 500: the client cannot know it was delivered
};

struct SimCrmOptions {
    std::filesystem::path certificate_file;  // PEM server certificate (chain)
    std::filesystem::path private_key_file;  // PEM key of that certificate
    std::filesystem::path client_ca_file;    // non-empty: require a client certificate signed by it
    // TLS protocol bounds (TLS1_VERSION … TLS1_3_VERSION; 0 = OpenSSL's own bound). Lower
    // max_tls_version to TLS1_1_VERSION to play a legacy server the kiosk must refuse.
    int min_tls_version = 0;
    int max_tls_version = 0;
    std::string cipher_list;  // empty = OpenSSL default; "DEFAULT@SECLEVEL=0" lets TLS 1.0/1.1 work
    // The CRM's record private keys (security/crm_record_key.hpp). Empty: records are stored
    // unopened, as they arrive (tests of the transport with made-up seals). Set: each record is
    // opened on ingest; one that cannot be opened is answered `rejected` with the reason.
    std::vector<security::CrmPrivateKey> record_keys;
    const Clock* clock = nullptr;  // stamps OpenedCrmRecord::received_unix_ms; null = system clock
};

class SimCrmServer {
public:
    static constexpr const char* records_path = "/v1/records";

    // Binds 127.0.0.1:0, starts serving on its own thread and returns once it accepts connections.
    static Result<std::unique_ptr<SimCrmServer>> start(const SimCrmOptions& options);
    ~SimCrmServer();  // stops serving, ends any injected delay, joins
    SimCrmServer(const SimCrmServer&) = delete;
    SimCrmServer& operator=(const SimCrmServer&) = delete;

    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] std::string url() const;  // https://127.0.0.1:<port>/v1/records

    // Fault injection (thread-safe).
    void inject(CrmFault fault, int times = 1);
    void set_retry_after(std::string value);                    // header of Throttled answers, default "1"
    void reject_record(const std::string& record_id, std::string reason);  // every time it arrives
    void set_answer_delay(Millis delay);                        // wait before every answer

    // What the CRM holds (thread-safe): each record once, in first-arrival order.
    [[nodiscard]] std::vector<security::SealedRecord> received() const;
    [[nodiscard]] std::vector<std::string> received_ids() const;
    // The records it opened (with record_keys set), each once, in first-arrival order.
    [[nodiscard]] std::vector<OpenedCrmRecord> opened() const;
    // How many times a record id arrived in a batch the server read (2 = resent once).
    [[nodiscard]] std::size_t times_delivered(const std::string& record_id) const;
    // Requests that reached POST /v1/records, faults included.
    [[nodiscard]] std::size_t request_count() const;

private:
    struct Reply {
        int status = 200;
        std::string body;
        std::string retry_after;
    };

    SimCrmServer() = default;
    Reply handle(const std::string& body);
    std::vector<crm::RecordResult> ingest(const crm::UploadBatch& batch);  // call with mutex_ held
    // With record keys: opens and keeps the record, or returns why it cannot be opened.
    std::optional<std::string> open_record(const crm::UploadBatch& batch, const security::SealedRecord& record);
    void wait_answer_delay();

    std::unique_ptr<httplib::SSLServer> server_;
    std::unique_ptr<crm::RecordOpener> opener_;  // null without record keys; used under mutex_
    SystemClock system_clock_;
    const Clock* clock_ = &system_clock_;
    std::thread thread_;
    int port_ = 0;

    mutable std::mutex mutex_;
    std::condition_variable shutting_down_;
    bool stopping_ = false;
    std::deque<CrmFault> faults_;
    std::string retry_after_ = "1";
    std::map<std::string, std::string> rejections_;  // record id → reason
    Millis answer_delay_{0};
    std::vector<security::SealedRecord> received_;
    std::vector<OpenedCrmRecord> opened_;
    std::set<std::string> received_ids_;
    std::map<std::string, std::size_t> deliveries_;
    std::size_t requests_ = 0;
};

}  // namespace kiosk::sim
