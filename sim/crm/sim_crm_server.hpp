// The simulated CRM: a real HTTPS server (cpp-httplib over OpenSSL) on 127.0.0.1, speaking
// crm/wire_format.hpp on POST /v1/records and crm/profile_format.hpp on GET /v1/profiles/<token>,
// backed by its own SQLite file (crm_store.hpp) so de-duplication on record id and everything it
// opened survive a restart. Faults are injected per endpoint (crm_fault.hpp); with
// `enable_control` the same faults, profiles and complaint statuses are driven over HTTPS under
// /v1/sim/ (sim_crm_control_client.hpp), which is how tests drive `kiosk-sim-crm`.
// Run: `build/bin/crm_tests --gtest_filter='SimCrm*:Uploader*'`; in code,
// SimCrmServer::start(options) with certificates from test_pki.hpp, then point the uploader at
// url(); as a process, `build/bin/kiosk-sim-crm serve --dir DIR` (docs/crm.md § The simulated CRM).
// Tests: tests/crm/sim_crm_*_test.cpp, https_client_test.cpp, uploader_*test.cpp.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "crm/wire_format.hpp"
#include "security/crm_record_key.hpp"
#include "kiosk/runtime/customer_profiles.hpp"
#include "security/sealed_record.hpp"
#include "sim/crm/crm_fault.hpp"
#include "sim/crm/crm_store.hpp"
#include "sim/crm/opened_record.hpp"
#include "sim/crm/control_messages.hpp"

namespace httplib {
class SSLServer;
struct Request;
struct Response;
}  // namespace httplib

namespace kiosk::sim {

// Opens one sealed record of a batch: its payload JSON, or an Error whose message becomes the
// record's rejection reason (nothing is stored for it). crm/record_opener provides the real one.
using RecordOpener = std::function<Result<std::string>(const crm::UploadBatch&, const security::SealedRecord&)>;

struct SimCrmOptions {
    std::filesystem::path certificate_file;  // PEM server certificate (chain)
    std::filesystem::path private_key_file;  // PEM key of that certificate
    std::filesystem::path client_ca_file;    // non-empty: require a client certificate signed by it
    // TLS protocol bounds (TLS1_VERSION … TLS1_3_VERSION; 0 = OpenSSL's own bound). Lower
    // max_tls_version to TLS1_1_VERSION to play a legacy server the kiosk must refuse.
    int min_tls_version = 0;
    int max_tls_version = 0;
    std::string cipher_list;  // empty = OpenSSL default; "DEFAULT@SECLEVEL=0" lets TLS 1.0/1.1 work

    std::filesystem::path database_path;  // the CRM's SQLite file; empty = a private in-memory one
    int port = 0;                         // on 127.0.0.1; 0 = chosen by the OS
    bool enable_control = false;          // serve /v1/sim/… (faults, profiles, complaints, stats)
    // How each record is opened. Null and `record_keys` empty: records are stored unopened
    // (payload NULL; tests of the transport with made-up seals) and opened_records() stays empty.
    RecordOpener open_record;
    // The CRM's record private keys (security/crm_record_key.hpp): when set and open_record is
    // null, crm::RecordOpener opens every record, and one it cannot open is answered `rejected`
    // with the reason.
    std::vector<security::CrmPrivateKey> record_keys;
    // received_unix_ms, complaint updates and the request log; null = the system clock.
    const Clock* clock = nullptr;
};

class SimCrmServer {
public:
    static constexpr const char* records_path = "/v1/records";
    static constexpr const char* profiles_path = "/v1/profiles";  // GET <profiles_path>/<pan_token>
    static constexpr const char* control_path = "/v1/sim";
    // A profile put through the control endpoint may be larger than the kiosk accepts, so a test
    // can serve an oversized one and watch the kiosk ignore it.
    static constexpr std::size_t control_profile_max_bytes = 1U << 20U;

    // Opens the database, binds 127.0.0.1:<port>, starts serving on its own thread and returns
    // once it accepts connections.
    static Result<std::unique_ptr<SimCrmServer>> start(const SimCrmOptions& options);
    ~SimCrmServer();  // stops serving, ends any injected delay or stall, joins
    SimCrmServer(const SimCrmServer&) = delete;
    SimCrmServer& operator=(const SimCrmServer&) = delete;

    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] std::string url() const;           // https://127.0.0.1:<port>/v1/records
    [[nodiscard]] std::string profiles_url() const;  // https://127.0.0.1:<port>/v1/profiles
    [[nodiscard]] std::string control_url() const;   // https://127.0.0.1:<port>/v1/sim

    // Fault injection (thread-safe): the next `times` requests to `endpoint` meet `fault`, in the
    // order injected.
    void inject(CrmFault fault, int times = 1, CrmEndpoint endpoint = CrmEndpoint::Records);
    void clear_faults();                                        // every endpoint heals at once
    void set_retry_after(std::string value);                    // of Unavailable/Throttled, default "1"
    void reject_record(const std::string& record_id, std::string reason);  // every time it arrives
    void set_answer_delay(Millis delay);                        // wait before every answer

    // Profiles and complaints (thread-safe), as the control endpoint sets them.
    Status put_profile(const std::string& pan_token, const CustomerProfile& profile);
    // false: no complaint with that reference.
    Result<bool> set_complaint_state(const std::string& reference, ComplaintState state);

    // What the CRM holds (thread-safe; a failing database throws std::runtime_error, since the
    // test rig itself is broken then): each record once, in first-arrival order.
    [[nodiscard]] std::vector<security::SealedRecord> received() const;
    [[nodiscard]] std::vector<std::string> received_ids() const;
    [[nodiscard]] std::vector<OpenedCrmRecord> opened_records() const;
    [[nodiscard]] std::vector<StoredComplaint> complaints_of(const std::string& pan_token) const;
    // How many times a record id arrived in a batch the server read (2 = resent once).
    [[nodiscard]] std::size_t times_delivered(const std::string& record_id) const;
    // Requests that reached POST /v1/records since the database was made, faults included.
    [[nodiscard]] std::size_t request_count() const;
    // Every request to /v1/records and /v1/profiles, oldest first (not the control requests).
    [[nodiscard]] std::vector<RequestLogEntry> request_log() const;
    [[nodiscard]] SimCrmStats stats() const;

private:
    // How the answer leaves: a normal HTTP answer, no answer at all, no answer until the client
    // hangs up, or an answer cut half-way through its body.
    enum class Delivery { Answer, Close, Stall, CutMidBody };
    struct Reply {
        int status = 200;
        std::string body;
        std::string retry_after;
        Delivery delivery = Delivery::Answer;
    };
    struct PendingFault {
        CrmFault fault;
        CrmEndpoint endpoint;
    };

    explicit SimCrmServer(CrmStore store, const SimCrmOptions& options);
    void install_routes();
    void install_control_routes();
    std::optional<CrmFault> take_fault(CrmEndpoint endpoint);  // call with mutex_ held
    // The answer of a fault that strikes before the request is read (Refuse … Throttled), else
    // nullopt. Call with mutex_ held.
    [[nodiscard]] std::optional<Reply> answer_before_reading(std::optional<CrmFault> fault) const;
    Reply handle_records(const std::string& body);
    Reply handle_profile(const std::string& pan_token);
    Result<std::vector<crm::RecordResult>> ingest(const crm::UploadBatch& batch);  // call with mutex_ held
    Status store_opened(const security::SealedRecord& record, std::string payload, std::int64_t now);
    Result<std::string> profile_answer(const std::string& pan_token, bool& found);  // call with mutex_ held
    void log(const char* path, const Reply& reply, std::size_t records);           // call with mutex_ held
    [[nodiscard]] Result<SimCrmStats> read_stats() const;                            // call with mutex_ held
    void deliver(const httplib::Request& request, httplib::Response& response, const Reply& reply);
    void wait_answer_delay();
    void wait_until_client_leaves(int socket);
    [[nodiscard]] std::int64_t now_ms() const;

    std::unique_ptr<httplib::SSLServer> server_;
    std::thread thread_;
    int port_ = 0;
    const Clock* clock_;
    SystemClock system_clock_;
    RecordOpener open_record_;
    bool control_enabled_;

    mutable std::mutex mutex_;
    std::condition_variable shutting_down_;
    bool stopping_ = false;
    std::deque<PendingFault> faults_;
    std::string retry_after_ = "1";
    std::map<std::string, std::string> rejections_;  // record id → reason
    Millis answer_delay_{0};
    std::unique_ptr<CrmStore> store_;  // behind a pointer: const accessors still query it
};

}  // namespace kiosk::sim
