// The one owner of a libmosquitto client handle (std::unique_ptr with mosquitto_destroy), and the
// library's process-wide initialisation, done once before the first handle.
#pragma once

#include <mosquitto.h>

#include <memory>
#include <string>

namespace kiosk::fleet {

struct MosquittoDeleter {
    void operator()(mosquitto* handle) const { mosquitto_destroy(handle); }
};
using MosquittoPtr = std::unique_ptr<mosquitto, MosquittoDeleter>;

// mosquitto_lib_init once per process (thread-safe); mosquitto_lib_cleanup is never called: a
// handle may live until exit.
void ensure_mosquitto_initialised();

// A new clean-session client named `client_id`, its callbacks given `user_data`; nullptr when out
// of memory or the id is refused.
MosquittoPtr make_mosquitto(const std::string& client_id, void* user_data);

// libmosquitto's words for one of its return codes, with errno's for MOSQ_ERR_ERRNO.
std::string mosquitto_words(int code);

}  // namespace kiosk::fleet
