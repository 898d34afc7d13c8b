#include "kiosk/fleet/mosquitto_handle.hpp"

#include <cerrno>
#include <cstring>
#include <mutex>

namespace kiosk::fleet {

void ensure_mosquitto_initialised() {
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
}

MosquittoPtr make_mosquitto(const std::string& client_id, void* user_data) {
    ensure_mosquitto_initialised();
    return MosquittoPtr(mosquitto_new(client_id.c_str(), true, user_data));
}

std::string mosquitto_words(int code) {
    if (code == MOSQ_ERR_ERRNO) return std::strerror(errno);
    return mosquitto_strerror(code);
}

}  // namespace kiosk::fleet
