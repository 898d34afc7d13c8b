// Drives a simulated CRM started with its control endpoints (`kiosk-sim-crm serve --control`, or
// SimCrmOptions::enable_control) over HTTPS: faults, profiles, complaint statuses, stats and the
// request log (control_messages.hpp lists the endpoints). cpp-httplib's SSLClient with the CRM's
// CA, the client certificate of the ready file and a timeout on every call.
// Tests: tests/crm/sim_crm_control_test.cpp, sim_crm_process_test.cpp.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "kiosk/runtime/customer_profiles.hpp"
#include "sim/crm/control_messages.hpp"
#include "sim/crm/crm_fault.hpp"
#include "sim/crm/crm_store.hpp"
#include "sim/crm/ready_file.hpp"

namespace httplib {
class SSLClient;
}

namespace kiosk::sim {

struct SimCrmConnection {
    int port = 0;                             // on 127.0.0.1
    std::filesystem::path ca_file;            // the CRM's CA: the server is verified against it
    std::filesystem::path client_cert_file;   // empty = no client certificate
    std::filesystem::path client_key_file;
    Millis timeout{5'000};                    // connect, read and write, each

    static SimCrmConnection from(const SimCrmReadyFile& ready);
};

class SimCrmControlClient {
public:
    explicit SimCrmControlClient(const SimCrmConnection& connection);
    ~SimCrmControlClient();
    SimCrmControlClient(const SimCrmControlClient&) = delete;
    SimCrmControlClient& operator=(const SimCrmControlClient&) = delete;

    // Every call: an Error of domain "sim-crm" naming the endpoint when the request fails or the
    // answer is not the expected status (with the server's reason).
    Status inject(CrmFault fault, int times = 1, CrmEndpoint endpoint = CrmEndpoint::Records,
                  std::string retry_after = "");
    Status clear_faults();
    Status put_profile(const std::string& pan_token, const CustomerProfile& profile);
    Status set_complaint_state(const std::string& reference, ComplaintState state);  // unknown: an Error
    Result<SimCrmStats> stats();
    Result<std::vector<RequestLogEntry>> requests();

private:
    enum class Method { Get, Post, Put, Delete };
    Result<std::string> call(Method method, const std::string& path, const std::string& body, int expected_status);

    std::unique_ptr<httplib::SSLClient> client_;
};

}  // namespace kiosk::sim
