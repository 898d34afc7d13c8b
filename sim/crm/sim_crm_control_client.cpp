// SimCrmControlClient over cpp-httplib's SSLClient (see sim_crm_control_client.hpp).
#include "sim/crm/sim_crm_control_client.hpp"

#include <httplib.h>

#include <chrono>

#include "crm/profile_format.hpp"

namespace kiosk::sim {
namespace {

constexpr const char* kJson = "application/json";

std::string base() { return "/v1/sim"; }

}  // namespace

SimCrmConnection SimCrmConnection::from(const SimCrmReadyFile& ready) {
    SimCrmConnection connection;
    connection.port = ready.port;
    connection.ca_file = ready.ca_file;
    connection.client_cert_file = ready.client_cert_file;
    connection.client_key_file = ready.client_key_file;
    return connection;
}

SimCrmControlClient::SimCrmControlClient(const SimCrmConnection& connection) {
    client_ = connection.client_cert_file.empty()
                  ? std::make_unique<httplib::SSLClient>("127.0.0.1", connection.port)
                  : std::make_unique<httplib::SSLClient>("127.0.0.1", connection.port,
                                                         connection.client_cert_file.string(),
                                                         connection.client_key_file.string());
    client_->set_ca_cert_path(connection.ca_file.string());
    client_->enable_server_certificate_verification(true);
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(connection.timeout);
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(connection.timeout - seconds);
    client_->set_connection_timeout(seconds.count(), micros.count());
    client_->set_read_timeout(seconds.count(), micros.count());
    client_->set_write_timeout(seconds.count(), micros.count());
}

SimCrmControlClient::~SimCrmControlClient() = default;

Result<std::string> SimCrmControlClient::call(Method method, const std::string& path, const std::string& body,
                                              int expected_status) {
    httplib::Result result = [&] {
        switch (method) {
            case Method::Post: return client_->Post(path, body, kJson);
            case Method::Put: return client_->Put(path, body, kJson);
            case Method::Delete: return client_->Delete(path);
            case Method::Get: break;
        }
        return client_->Get(path);
    }();
    if (!result) {
        return make_error("sim-crm", "control request " + path + " failed: " + httplib::to_string(result.error()));
    }
    if (result->status != expected_status) {
        return make_error("sim-crm", "control request " + path + " answered " + std::to_string(result->status) +
                                         (result->body.empty() ? "" : ": " + result->body),
                          result->status);
    }
    return result->body;
}

Status SimCrmControlClient::inject(CrmFault fault, int times, CrmEndpoint endpoint, std::string retry_after) {
    const FaultRequest request{fault, times, endpoint, std::move(retry_after)};
    auto answer = call(Method::Post, base() + "/faults", encode_fault_request(request), 204);
    if (!answer) return answer.error();
    return ok_status();
}

Status SimCrmControlClient::clear_faults() {
    auto answer = call(Method::Delete, base() + "/faults", "", 204);
    if (!answer) return answer.error();
    return ok_status();
}

Status SimCrmControlClient::put_profile(const std::string& pan_token, const CustomerProfile& profile) {
    auto answer = call(Method::Put, base() + "/profiles/" + pan_token, crm::encode_profile(profile, pan_token), 204);
    if (!answer) return answer.error();
    return ok_status();
}

Status SimCrmControlClient::set_complaint_state(const std::string& reference, ComplaintState state) {
    auto answer = call(Method::Put, base() + "/complaints/" + reference, encode_complaint_update(state), 204);
    if (!answer) return answer.error();
    return ok_status();
}

Result<SimCrmStats> SimCrmControlClient::stats() {
    auto answer = call(Method::Get, base() + "/stats", "", 200);
    if (!answer) return answer.error();
    return decode_stats(*answer);
}

Result<std::vector<RequestLogEntry>> SimCrmControlClient::requests() {
    auto answer = call(Method::Get, base() + "/requests", "", 200);
    if (!answer) return answer.error();
    return decode_request_log(*answer);
}

}  // namespace kiosk::sim
