// openssl_error: the queue's text reaches the Error, and the queue is left empty.
#include "security/openssl_error.hpp"

#include <gtest/gtest.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include "security/openssl_handles.hpp"

namespace kiosk::security {
namespace {

TEST(OpensslError, CarriesQueuedTextAndDrainsTheQueue) {
    // Fetching an algorithm that does not exist queues a real OpenSSL error.
    CipherPtr missing(EVP_CIPHER_fetch(nullptr, "NO-SUCH-CIPHER", nullptr));
    ASSERT_EQ(missing, nullptr);
    ASSERT_NE(ERR_peek_error(), 0UL);

    const Error error = openssl_error("fetching");
    EXPECT_EQ(error.domain, "openssl");
    EXPECT_EQ(error.message.rfind("fetching; ", 0), 0U) << error.message;
    EXPECT_NE(error.message.find("unsupported"), std::string::npos) << error.message;
    EXPECT_NE(error.native_code, 0);
    EXPECT_EQ(ERR_peek_error(), 0UL);
}

TEST(OpensslError, EmptyQueueGivesJustTheContext) {
    ERR_clear_error();
    const Error error = openssl_error("nothing queued");
    EXPECT_EQ(error.message, "nothing queued");
    EXPECT_EQ(error.native_code, 0);
}

}  // namespace
}  // namespace kiosk::security
