// The customer flow's transition function: (context, event) → (context', effects). Pure: the
// same inputs always give the same outputs, so every path — a 30-second timeout included — is
// tested in microseconds (tests/kiosk/flow_test.cpp).
#pragma once

#include <optional>
#include <vector>

#include "kiosk/flow/flow_config.hpp"
#include "kiosk/flow/flow_table.hpp"
#include "kiosk/flow/flow_types.hpp"

namespace kiosk::flow {

struct Transition {
    Context context;
    std::vector<Effect> effects;
    std::optional<std::size_t> row;  // which table row was taken; empty when the event was ignored
};

class Flow {
public:
    explicit Flow(FlowConfig config = {}) : config_(std::move(config)) {}

    // Enters the initial Attract state.
    [[nodiscard]] Transition start() const;

    // An event the current state has no row for is ignored: the context is unchanged and no
    // effect is asked (a late "card taken" while idle, a key press during authorization, …).
    [[nodiscard]] Transition step(const Context& context, const Event& event) const;

    [[nodiscard]] const FlowConfig& config() const { return config_; }

private:
    // The table's row for the event (no service-mode rule).
    [[nodiscard]] Transition step_row(const Context& context, const Event& event) const;
    void enter(Context& context, StateId state, std::vector<Effect>& effects) const;
    void refresh(const Context& context, std::vector<Effect>& effects) const;
    void start_timer(const Context& context, std::vector<Effect>& effects) const;

    FlowConfig config_;
};

}  // namespace kiosk::flow
