// RAII owners for libcurl's C handles, so no code path (early return, error) can leak one.
#pragma once

#include <curl/curl.h>

#include <memory>

namespace kiosk::crm {

struct CurlEasyDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct CurlMultiDeleter {
    void operator()(CURLM* handle) const { curl_multi_cleanup(handle); }
};
struct CurlSlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
using CurlMulti = std::unique_ptr<CURLM, CurlMultiDeleter>;
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;

// Attaches an easy handle to a multi handle for the duration of one transfer; libcurl requires
// the easy handle be removed before either is cleaned up or reused.
class CurlMultiAttachment {
public:
    CurlMultiAttachment(CURLM* multi, CURL* easy) : multi_(multi), easy_(easy) {
        attached_ = curl_multi_add_handle(multi_, easy_) == CURLM_OK;
    }
    ~CurlMultiAttachment() {
        if (attached_) curl_multi_remove_handle(multi_, easy_);
    }
    CurlMultiAttachment(const CurlMultiAttachment&) = delete;
    CurlMultiAttachment& operator=(const CurlMultiAttachment&) = delete;

    [[nodiscard]] bool attached() const { return attached_; }

private:
    CURLM* multi_;
    CURL* easy_;
    bool attached_ = false;
};

// curl_global_init is process-wide and, before 7.84, not thread-safe; call this once before any
// handle is made (HttpsClient does).
void ensure_curl_initialized();

}  // namespace kiosk::crm
