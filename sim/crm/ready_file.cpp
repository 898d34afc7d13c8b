// The ready file as JSON (see ready_file.hpp).
#include "sim/crm/ready_file.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <system_error>

namespace kiosk::sim {
namespace {

using nlohmann::json;

Error ready_error(const std::filesystem::path& file, const std::string& what) {
    return make_error("sim-crm", "ready file " + file.string() + ": " + what);
}

}  // namespace

Status write_ready_file(const std::filesystem::path& file, const SimCrmReadyFile& ready) {
    const json document = {{"url", ready.url},
                           {"profiles_url", ready.profiles_url},
                           {"control_url", ready.control_url},
                           {"port", ready.port},
                           {"pid", ready.pid},
                           {"ca_file", ready.ca_file.string()},
                           {"client_cert_file", ready.client_cert_file.string()},
                           {"client_key_file", ready.client_key_file.string()},
                           {"server_pin", ready.server_pin},
                           {"database", ready.database.string()},
                           {"record_public_key", ready.record_public_key}};
    std::filesystem::path temporary = file;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << document.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
        out.flush();
        if (!out) return ready_error(temporary, "cannot be written");
    }
    std::error_code error;
    std::filesystem::rename(temporary, file, error);  // atomic: a reader sees all of it or nothing
    if (error) return ready_error(file, "cannot be put in place: " + error.message());
    return ok_status();
}

Result<SimCrmReadyFile> read_ready_file(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return ready_error(file, "cannot be read");
    std::stringstream text;
    text << in.rdbuf();
    const json document = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded() || !document.is_object()) return ready_error(file, "is not a JSON object");

    SimCrmReadyFile ready;
    std::string missing;
    const auto text_field = [&](const char* name) {
        const auto found = document.find(name);
        if (found == document.end() || !found->is_string()) {
            if (missing.empty()) missing = name;
            return std::string();
        }
        return found->get<std::string>();
    };
    const auto integer_field = [&](const char* name) -> long {
        const auto found = document.find(name);
        if (found == document.end() || !found->is_number_integer()) {
            if (missing.empty()) missing = name;
            return 0;
        }
        return found->get<long>();
    };
    ready.url = text_field("url");
    ready.profiles_url = text_field("profiles_url");
    ready.control_url = text_field("control_url");
    ready.port = static_cast<int>(integer_field("port"));
    ready.pid = integer_field("pid");
    ready.ca_file = text_field("ca_file");
    ready.client_cert_file = text_field("client_cert_file");
    ready.client_key_file = text_field("client_key_file");
    ready.server_pin = text_field("server_pin");
    ready.database = text_field("database");
    ready.record_public_key = text_field("record_public_key");
    if (!missing.empty()) return ready_error(file, missing + " is missing or of the wrong type");
    return ready;
}

}  // namespace kiosk::sim
