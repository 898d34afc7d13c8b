// A started KioskControlService with a thread standing in for the kiosk's loop: it pumps the
// service's mailbox (the loop side of every request) until the object is destroyed.
#pragma once

#include <atomic>
#include <memory>
#include <thread>
#include <utility>

#include "kiosk/control/kiosk_control_service.hpp"

namespace kiosk::control::test {

class PumpedControlService {
public:
    PumpedControlService() = default;
    PumpedControlService(const PumpedControlService&) = delete;
    PumpedControlService& operator=(const PumpedControlService&) = delete;
    ~PumpedControlService() {
        stop_ = true;
        if (loop_.joinable()) loop_.join();
    }

    void run(std::unique_ptr<KioskControlService> service) {
        service_ = std::move(service);
        loop_ = std::thread([this] {
            while (!stop_) {
                service_->pump();
                std::this_thread::yield();
            }
        });
    }
    KioskControlService* operator->() const { return service_.get(); }

private:
    std::unique_ptr<KioskControlService> service_;
    std::atomic<bool> stop_{false};
    std::thread loop_;  // last: joined before the service goes
};

}  // namespace kiosk::control::test
