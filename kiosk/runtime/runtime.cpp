#include "kiosk/runtime/runtime.hpp"

#include "kiosk/flow/flow_service_rows.hpp"
#include "kiosk/maintenance/service_touch.hpp"
#include "kiosk/runtime/screen_builder.hpp"
#include "kiosk/runtime/touch_action.hpp"
#include "ui/key_map.hpp"
#include "ui/screens.hpp"
#include "ui/shown_buttons.hpp"

namespace kiosk {

namespace {

using flow::EffectKind;
using flow::EventKind;
using flow::StateId;
namespace effects = flow::effects;
namespace events = flow::events;

bool pays_cash(const flow::Context& context) {
    return context.pending_transaction == host::TransactionType::Withdrawal ||
           context.pending_transaction == host::TransactionType::CardlessWithdrawal;
}

// Screens on which the machine works and the customer waits: their activity dots move. Read from
// the screens' own specs, so every screen that draws the dots is animated, and no other.
bool is_waiting_screen(ui::ScreenId screen) { return ui::screen_spec(screen).widget == ui::ScreenWidget::Activity; }

}  // namespace

Runtime::Runtime(RuntimeParts parts, flow::Flow flow)
    : parts_(std::move(parts)),
      flow_(std::move(flow)),
      recorder_(parts_.records, [this](const std::string& text) { note(text); }),
      device_thread_(parts_.one_device_thread ? std::make_shared<async_detail::JobQueue>("devices") : nullptr),
      card_worker_("card reader", parts_.devices.card_reader, mailbox_, parts_.clock, device_thread_),
      pad_worker_("PIN pad", parts_.devices.pin_pad, mailbox_, parts_.clock, device_thread_),
      printer_worker_("printer", parts_.devices.printer, mailbox_, parts_.clock, device_thread_),
      host_worker_("bank host", parts_.host, mailbox_, parts_.clock) {
    if (parts_.devices.sensors != nullptr) {
        sensors_worker_ = std::make_unique<RequestWorker<drivers::Sensors>>("sensors", *parts_.devices.sensors,
                                                                           mailbox_, parts_.clock, device_thread_);
    }
    auto log_dropped = [this](const std::string& what) { note(what); };
    card_worker_.on_dropped(log_dropped);
    pad_worker_.on_dropped(log_dropped);
    printer_worker_.on_dropped(log_dropped);
    host_worker_.on_dropped(log_dropped);
    if (sensors_worker_) sensors_worker_->on_dropped(log_dropped);
}

// The workers are joined first (members are destroyed in reverse order, but the services hold
// references to them): drop the services, then the workers stop after their running request.
Runtime::~Runtime() {
    self_test_.reset();  // it drives the maintenance service's tests
    maintenance_.reset();
    profile_channel_.reset();
    fitness_.reset();
    complaints_.reset();
    receipts_.reset();
    cash_.reset();
    host_.reset();
    keys_.reset();
    card_.reset();
}

void Runtime::attach_cash(CashParts cash) {
    cash_parts_.emplace(std::move(cash));
    dispenser_worker_ = std::make_unique<RequestWorker<drivers::CashDispenser>>(
        "dispenser", cash_parts_->dispenser, mailbox_, parts_.clock, device_thread_);
    dispenser_worker_->on_dropped([this](const std::string& what) { note(what); });
}

void Runtime::attach_profiles(CustomerProfiles& profiles) {
    profile_adapter_ = std::make_unique<InfallibleProfileSource>(profiles);
    attach_profile_source(*profile_adapter_);
}

void Runtime::set_profile_options(ProfileCache* cache, Millis timeout) {
    profile_cache_ = cache;
    profile_timeout_ = timeout;
}

void Runtime::attach_profile_source(ProfileSource& source) {
    profile_channel_.reset();
    profile_worker_ = std::make_unique<ProfileWorker>("customer profiles", source, mailbox_, parts_.clock);
    // The worker's own note names the request; the channel has said what the visit did instead.
    profile_worker_->on_dropped([this](const std::string& what) { note(what); });
    if (card_) {
        profile_channel_ = std::make_unique<ProfileChannel>(
            ports(), ProfileChannel::Parts{*profile_worker_, profile_cache_, profile_timeout_},
            [this](const CustomerProfile& profile, ProfileOrigin origin) { apply_profile(profile, origin); });
    }
}

std::uint64_t Runtime::late_profiles_dropped() const {
    return profile_channel_ ? profile_channel_->late_dropped() : 0;
}

ProfileChannel::Counts Runtime::profile_counts() const {
    return profile_channel_ ? profile_channel_->counts() : ProfileChannel::Counts{};
}

void Runtime::apply_profile(const CustomerProfile& profile, ProfileOrigin origin) {
    if (session_.number == 0) return;  // the visit it was asked for is over
    // A profile in time is the normal case: no note (the channel notes a late or failed one and
    // whether the cache answered); the journey records that the visit was personalized.
    (void)origin;
    (void)personalize(profile, choices_, session_, context_);
    // The screen shown now is drawn again in the customer's language and options (no new generation).
    if (current_screen_) show(*current_screen_);
}

void Runtime::observe(const flow::Event& event) {
    const EventKind kind = flow::kind_of(event);
    if (kind == EventKind::ChooseLanguage) choices_.language_chosen = true;
    if (kind == EventKind::ToggleOption) choices_.options_chosen = true;
    if (session_.number == 0) return;  // between visits (a goodbye's timer): no journey to tell
    if (kind == EventKind::ReportProblem) session_.problem_reported = true;
    session_.journey.observe(event, parts_.clock.now());
    if (kind == EventKind::CardReadOk && profile_channel_) profile_channel_->ask(session_.pan_token);
}

RuntimePorts Runtime::ports() {
    return RuntimePorts{parts_.clock, [this](const flow::Event& event) { post(event); },
                        [this](const std::string& text) { note(text); }, recorder_};
}

void Runtime::build_services() {
    const DeviceTimeouts& timeouts = parts_.timeouts;
    card_ = std::make_unique<CardHandling>(ports(), card_worker_, session_, parts_.tokenizer, timeouts);
    if (profile_worker_) {
        profile_channel_ = std::make_unique<ProfileChannel>(
            ports(), ProfileChannel::Parts{*profile_worker_, profile_cache_, profile_timeout_},
            [this](const CustomerProfile& profile, ProfileOrigin origin) { apply_profile(profile, origin); });
    }
    KeyEntry::Hooks key_hooks;
    key_hooks.in_turn = [this](std::function<void()> step) { pending_.emplace_back(std::move(step)); };
    key_hooks.dispatch = [this](const flow::Event& event) { dispatch(event); };
    key_hooks.amount_typed = [this](std::optional<Money> amount) {
        const Money typed = amount.value_or(Money{0, flow_.config().currency, flow_.config().currency_exponent()});
        if (cash_) {
            cash_->check_amount(typed, pays_cash(context_));
        } else if (typed.minor_units <= 0) {
            post(flow::events::AmountNotPayable(flow::AmountRefusal::Invalid));
        } else if (pays_cash(context_)) {
            post(flow::events::AmountNotPayable(flow::AmountRefusal::TooLarge));
        } else {
            post(flow::events::AmountChosen(typed));
        }
    };
    key_hooks.start_cardless_visit = [this] {
        card_->begin_session(true);
        recorder_.journal("customer", "cardless_started", "success", "PIN pad");
    };
    key_hooks.service_typed = [this](flow::KeyEntry entry, std::string_view digits) {
        if (maintenance_) maintenance_->typed(entry, digits);
    };
    key_hooks.key_pressed = [this](PadKey key) {
        if (session_.number != 0) session_.journey.key(key, parts_.clock.now());
    };
    key_hooks.navigation_key = [this](const drivers::PinPadEvent& key, std::uint64_t made_on) { pad_key(key, made_on); };
    key_hooks.screen_generation = [this] { return generation_; };
    key_hooks.any_key = [this](drivers::PinKey key) {
        if (speech_) speech_->on_key(key);
    };
    keys_ = std::make_unique<KeyEntry>(ports(), pad_worker_, session_, flow_.config(), std::move(key_hooks), timeouts);

    HostChannel::Parts host_parts{host_worker_, *keys_, parts_.stans};
    if (cash_parts_) {
        host_parts.reversals = &cash_parts_->reversals;
        host_parts.bracket = &cash_parts_->bracket;
        host_parts.reversal_retry = cash_parts_->reversal_retry;
    }
    host_ = std::make_unique<HostChannel>(ports(), host_parts, session_, parts_.terminal_id, timeouts);
    if (cash_parts_) {
        cash_ = std::make_unique<CashService>(
            ports(), CashService::Parts{*dispenser_worker_, cash_parts_->reversals, cash_parts_->bracket, cash_parts_->mixer},
            session_, flow_.config(),
            [this](const Money& amount, host::ReversalReason reason) {
                return host_->reversal_for(context_.pending_transaction.value_or(host::TransactionType::Withdrawal), amount,
                                           Money{0, amount.currency, amount.exponent}, reason, context_);
            },
            timeouts);
    }
    receipts_ = std::make_unique<ReceiptService>(ports(), printer_worker_, session_, parts_.bank_name, parts_.terminal_id,
                                                 parts_.e_receipt_url, timeouts);
    ComplaintService::Parts complaint_parts{printer_worker_, parts_.bank_name, parts_.terminal_id,
                                            parts_.complaint_url, timeouts.print, [this] {
                                                if (current_screen_) show(*current_screen_);
                                            }};
    complaints_ = std::make_unique<ComplaintService>(ports(), std::move(complaint_parts), session_);
    FitnessMonitor::Hooks fitness_hooks;
    fitness_hooks.state = [this] { return context_.state; };
    fitness_hooks.host_reachable = [this] { return host_->reachable(); };
    fitness_hooks.storage_problem = storage_problem_;
    fitness_hooks.set_card_slot = [this](bool open) { card_->set_slot(open); };
    fitness_hooks.refresh_screen = [this] {
        if (current_screen_) show(*current_screen_);
    };
    fitness_hooks.assessed = [this] {
        // The headset jack is read with the sensors in every round; plugging in is all it takes.
        if (speech_ && fitness_->health() && fitness_->health()->sensors && fitness_->health()->sensors->ok()) {
            speech_->headset(fitness_->health()->sensors->value().headset_plugged);
        }
        maintenance_->fitness_assessed(fitness_->fitness());
        self_test_->fitness_assessed(fitness_->fitness(), fitness_->full_rounds_assessed());
        // The operator key switch: turned to maintenance asks for the service mode, turned back
        // asks to leave it (the fitness check decides).
        const auto& health = fitness_->health();
        if (health && health->sensors && health->sensors->ok()) {
            const bool key = health->sensors->value().operator_key_maintenance;
            if (key && !operator_key_maintenance_) {
                maintenance_->requested("operator key");
                post(events::ServiceRequested{});
            } else if (!key && operator_key_maintenance_ && flow::is_service_state(context_.state)) {
                post(events::LeaveService{});
            }
            operator_key_maintenance_ = key;
        }
        if (on_fitness) on_fitness();
    };
    fitness_hooks.dispenser_read = [this](const drivers::DispenserStatus& status) {
        if (cash_) cash_->cassettes_read(status.cassettes);
    };
    if (survey_gate_ != nullptr) survey_ = std::make_unique<SurveyService>(ports(), *survey_gate_);
    fitness_ = std::make_unique<FitnessMonitor>(
        ports(),
        DeviceWorkers{card_worker_, pad_worker_, printer_worker_, dispenser_worker_.get(), sensors_worker_.get()},
        parts_.terminal_id, std::move(fitness_hooks), timeouts);
    if (speech_ && !maintenance_sources_.speak_test_phrase) {
        maintenance_sources_.speak_test_phrase = [this] { return speech_->test_phrase(context_.language); };
    }
    maintenance_ = std::make_unique<MaintenanceService>(
        ports(),
        MaintenanceService::Workers{card_worker_, pad_worker_, printer_worker_, dispenser_worker_.get(),
                                    sensors_worker_.get(), host_worker_},
        mailbox_, maintenance_config_, maintenance_desk_, maintenance_sources_, parts_.terminal_id,
        flow_.config().money(0), timeouts);
    maintenance_->use_stans([this] { return host_->take_stan(); });
    RemoteSelfTest::Hooks self_test_hooks;
    self_test_hooks.read_devices_soon = [this] { fitness_->read_all_soon(); };
    self_test_hooks.full_rounds_started = [this] { return fitness_->full_rounds_started(); };
    self_test_hooks.speech = static_cast<bool>(maintenance_sources_.speak_test_phrase);
    self_test_ = std::make_unique<RemoteSelfTest>(ports(), *maintenance_, std::move(self_test_hooks));
}

void Runtime::start() {
    build_services();
    if (cash_parts_) {
        // Before anyone is served: a withdrawal cut short by a power loss is reversed first.
        auto resolved = cash_parts_->bracket.resolve(cash_parts_->reversals);
        if (!resolved.ok()) {
            note("in-flight withdrawal could not be resolved: " + resolved.error().to_string());
            context_.state = StateId::OutOfService;
            show(ui::ScreenId::OutOfService);
            return;
        }
        if (*resolved) note("in-flight withdrawal found at start-up: reversal queued");
        host_->send_reversals();
    }
    const flow::Transition first = flow_.start();
    context_ = first.context;
    for (const flow::Effect& effect : first.effects) execute(effect);
    tick();
}

void Runtime::post(const flow::Event& event) {
    const EventKind kind = flow::kind_of(event);
    const bool from_dispenser =
        kind == EventKind::CashPresented || kind == EventKind::CashTaken || kind == EventKind::DispenseFailed;
    if (from_dispenser && !dispenser_worker_) {
        // No dispenser is fitted: whoever sent this is confused, and no cash may be settled on its word.
        note("dropped " + std::string(flow::to_string(kind)) + ": no cash dispenser is fitted");
        return;
    }
    pending_.emplace_back(event);
}

void Runtime::touch(std::string_view action) { touch(action, generation_); }

void Runtime::touch(std::string_view action, std::uint64_t generation) {
    if (generation != generation_) {
        // Made on a screen that has since been replaced: acting on it would answer a question the
        // customer was never shown.
        ++stale_touches_;
        note("dropped touch '" + std::string(action) + "' made on an earlier screen");
        return;
    }
    if (on_touch) on_touch(action);
    handle_touch(action);
}

void Runtime::pad_key(const drivers::PinPadEvent& key, std::uint64_t made_on) {
    if (made_on != generation_) {
        // Possibly pressed while an earlier screen was shown: as for a touch, never answer a
        // question with a key meant for the one before.
        ++stale_keys_;
        note("dropped PIN-pad key " + std::string(drivers::to_string(key.key)) + " made on an earlier screen");
        return;
    }
    if (!shown_) return;
    const ui::ViewModel& vm = *shown_;
    std::optional<ui::KeyBinding> chosen;
    switch (key.key) {
        case drivers::PinKey::digit:
            // Where digits are typed they never choose (and in a PIN mode they carry no value).
            if (key.digit && !ui::digits_type(vm.screen)) chosen = ui::binding_for(vm, ui::ChoiceKey::digit(*key.digit - '0'), parts_.display.viewport());
            break;
        case drivers::PinKey::enter:
            if (const auto action = ui::enter_action(vm)) chosen = ui::KeyBinding{{}, *action, vm.focused};
            break;
        case drivers::PinKey::cancel:
            if (const auto button = ui::cancel_button(vm)) {
                chosen = ui::KeyBinding{{}, ui::shown_buttons(vm)[*button].button.action, button};
            }
            break;
        case drivers::PinKey::clear:
        case drivers::PinKey::backspace: break;  // no entry runs: nothing to clear
        case drivers::PinKey::audio_repeat:
        case drivers::PinKey::audio_volume_up:
        case drivers::PinKey::audio_volume_down: break;  // speech's keys (SpeechService::on_key): they never choose
        default: {
            const int number = static_cast<int>(key.key) - static_cast<int>(drivers::PinKey::f1) + 1;
            chosen = ui::binding_for(vm, ui::ChoiceKey::function(number), parts_.display.viewport());
            break;
        }
    }
    if (chosen) press(std::move(chosen->action), chosen->button);
}

void Runtime::press(std::string action, std::optional<std::size_t> button) {
    finish_press();  // a key still showing its press is acted on first (its screen may go)
    if (button && shown_) {
        shown_->pressed = button;
        if (auto status = parts_.display.show(*shown_); !status.ok()) note("display: " + status.error().to_string());
        ++frames_;
    }
    pressed_key_ = PressedKey{std::move(action), generation_, parts_.clock.now() + key_flash};
}

void Runtime::finish_press() {
    if (!pressed_key_) return;
    const PressedKey key = std::move(*pressed_key_);
    pressed_key_.reset();
    if (key.generation != generation_) {
        ++stale_keys_;
        note("dropped PIN-pad choice '" + key.action + "': its screen has gone");
        return;
    }
    handle_touch(key.action);  // the touch's own path, without on_touch: the trace has the key
}

void Runtime::keep_pad_navigating() {
    if (!shown_ || shown_->screen == ui::ScreenId::OutOfService || ui::digits_type(shown_->screen)) return;
    keys_->navigate();
}

void Runtime::handle_touch(std::string_view action) {
    if (const auto service = service_touch_event(action)) {  // the technician's pages: no journey
        post(*service);
        return;
    }
    const std::optional<TouchAction> touched = parse_touch_action(action);
    if (!touched) {
        note("ignored unknown touch action '" + std::string(action) + "'");
        return;
    }
    // Which control, by its action id: never a value typed (the pad's digits are not touches).
    if (session_.number != 0) session_.journey.touch(action, parts_.clock.now());
    if (const auto* amount = std::get_if<AmountChoice>(&*touched)) {
        if (context_.state != StateId::WithdrawalAmount || amount->index >= offered_amounts_.size() || !cash_) {
            note("ignored amount button " + std::to_string(amount->index));
            return;
        }
        cash_->check_amount(offered_amounts_[amount->index], pays_cash(context_));
    } else if (std::holds_alternative<UsualAmount>(*touched)) {
        const std::optional<Money> usual = cash_ ? cash_->payable_usual_amount(withdrawals_fit()) : std::nullopt;
        if (context_.state != StateId::WithdrawalAmount || !usual) {
            note("ignored the usual-amount button");
            return;
        }
        cash_->check_amount(*usual, pays_cash(context_));
    } else if (const auto* account = std::get_if<AccountChoice>(&*touched)) {
        const std::vector<host::AccountType> offered = offered_accounts(context_);
        if (account->index >= offered.size()) {
            note("ignored account button " + std::to_string(account->index));
            return;
        }
        post(events::AccountChosen(offered[account->index]));
    } else if (const auto* language = std::get_if<ui::Language>(&*touched)) {
        post(events::ChooseLanguage(*language));
    } else if (const auto* option = std::get_if<flow::SessionOption>(&*touched)) {
        post(events::ToggleOption(*option));
    } else if (const auto survey = survey_event_for(*touched)) {
        post(*survey);
    } else if (const auto* complaint = std::get_if<ComplaintChoice>(&*touched)) {
        // Past the five, the index names no category: the flow refuses it (nothing is recorded).
        post(events::ComplaintCategoryChosen(complaint->index < flow::kComplaintCategories.size()
                                                 ? flow::kComplaintCategories[complaint->index]
                                                 : static_cast<flow::ComplaintCategory>(complaint->index)));
    } else {
        post(event_for(std::get<TouchCommand>(*touched)));
    }
}

void Runtime::tick() {
    if (on_turn) on_turn();
    poll_display();
    run_completions();
    expire_requests();
    const TimePoint now = parts_.clock.now();
    fitness_->on_turn(now);
    if (auto served = availability_.observe(now, context_.state != StateId::OutOfService); !served.empty()) {
        recorder_.availability(served);
    }
    host_->on_turn(now);
    if (timer_deadline_ && now >= *timer_deadline_) {
        timer_deadline_.reset();
        post(events::Timeout{});
    }
    if (pressed_key_ && now >= pressed_key_->due) finish_press();
    while (!pending_.empty()) {
        PendingInput input = std::move(pending_.front());
        pending_.pop_front();
        if (auto* step = std::get_if<std::function<void()>>(&input)) {
            (*step)();
        } else {
            dispatch(std::get<flow::Event>(input));
        }
    }
    keep_pad_navigating();
    poll_devices();
    animate();
}

void Runtime::run_completions() {
    for (LoopTask& task : mailbox_.drain()) task();
    if (speech_) speech_->on_turn();
}

void Runtime::expire_requests() {
    const TimePoint now = parts_.clock.now();
    card_worker_.expire(now);
    pad_worker_.expire(now);
    printer_worker_.expire(now);
    host_worker_.expire(now);
    if (dispenser_worker_) dispenser_worker_->expire(now);
    if (sensors_worker_) sensors_worker_->expire(now);
    if (profile_worker_) profile_worker_->expire(now);
}

std::size_t Runtime::requests_outstanding() const {
    std::size_t count = card_worker_.outstanding_count() + pad_worker_.outstanding_count() +
                        printer_worker_.outstanding_count() + host_worker_.outstanding_count();
    if (dispenser_worker_) count += dispenser_worker_->outstanding_count();
    if (sensors_worker_) count += sensors_worker_->outstanding_count();
    if (profile_worker_) count += profile_worker_->outstanding_count();
    return count;
}

std::size_t Runtime::work_outstanding() const {
    constexpr std::string_view poll = "poll";
    std::size_t count = card_worker_.outstanding_except(poll) + pad_worker_.outstanding_except(poll) +
                        printer_worker_.outstanding_except(poll) + host_worker_.outstanding_except(poll);
    if (dispenser_worker_) count += dispenser_worker_->outstanding_except(poll);
    if (sensors_worker_) count += sensors_worker_->outstanding_except(poll);
    if (profile_worker_) count += profile_worker_->outstanding_count();
    return count;
}

bool Runtime::wait_for_workers(std::chrono::milliseconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    auto left = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    };
    bool idle = card_worker_.wait_idle(left()) && pad_worker_.wait_idle(left()) && printer_worker_.wait_idle(left()) &&
                host_worker_.wait_idle(left());
    if (idle && dispenser_worker_) idle = dispenser_worker_->wait_idle(left());
    if (idle && sensors_worker_) idle = sensors_worker_->wait_idle(left());
    if (idle && profile_worker_) idle = profile_worker_->wait_idle(left());
    return idle;
}

void Runtime::poll_devices() {
    card_->poll();
    keys_->poll();
    // The dispenser reports notes taken; the sensors are read in the fitness monitor's rounds.
    if (dispenser_worker_) {
        if (dispenser_poll_ && dispenser_worker_->outstanding(*dispenser_poll_)) return;
        dispenser_poll_ = dispenser_worker_->submit<std::vector<drivers::CashDispenserEvent>>(
            "poll", parts_.timeouts.poll, [](drivers::CashDispenser& dispenser) { return dispenser.poll(); },
            [this](const Completion<std::vector<drivers::CashDispenserEvent>>& done) {
                if (!done.ok()) {
                    note("dispenser poll failed: " + done.describe());
                    return;
                }
                for (const drivers::CashDispenserEvent event : *done.payload) {
                    if (event == drivers::CashDispenserEvent::itemsTaken) post(flow::events::CashTaken{});
                }
            });
    }
}

void Runtime::dispatch(const flow::Event& event) {
    context_.receipts_available = fitness_->fitness().receipts;
    context_.speech_headset = speech_ != nullptr && speech_->headset_plugged();
    // Once the survey is on screen its offer (the NPS sample) stays as it was when it began.
    if (!context_.survey) context_.survey_offer = survey_ ? survey_->offer(session_, context_) : std::nullopt;
    // A technician card is not a visit: read, it asks for the service mode (the card comes back first).
    if (flow::kind_of(event) == EventKind::CardReadOk && maintenance_->is_technician_card(session_.pan.view())) {
        maintenance_->requested("technician card");
        dispatch(events::ServiceRequested{});
        return;
    }
    const flow::Transition transition = flow_.step(context_, event);
    if (!transition.row) {
        // The service mode asked for during a visit is noted without a row (flow.cpp): keep the note.
        if (transition.context.service_requested != context_.service_requested) {
            context_.service_requested = transition.context.service_requested;
        }
        return;  // the current state has no use for this event
    }
    observe(event);  // on the screen it was made on, before the next one is shown
    const StateId was = context_.state;
    context_ = transition.context;
    if (context_.pending_transaction && session_.number != 0) session_.journey.task_chosen(*context_.pending_transaction);
    if (was == StateId::Authorizing && context_.state != StateId::Authorizing) {
        // Left before the answer (cancel, timeout): the answer, if it comes, belongs to a gone screen.
        const EventKind kind = flow::kind_of(event);
        if (kind != EventKind::HostApproved && kind != EventKind::HostDeclined && kind != EventKind::HostUnavailable) {
            host_->abandon_authorization(kind == EventKind::Timeout ? "timed out" : "left Authorizing");
        }
    }
    // Screen first, then work: the state's screen and timer go out before the requests it asks for.
    auto presents = [](const flow::Effect& effect) {
        const EffectKind kind = flow::kind_of(effect);
        return kind == EffectKind::ShowScreen || kind == EffectKind::StartStateTimer || kind == EffectKind::CancelStateTimer;
    };
    for (const flow::Effect& effect : transition.effects) {
        if (presents(effect)) execute(effect);
    }
    for (const flow::Effect& effect : transition.effects) {
        if (!presents(effect)) execute(effect);
    }
    if (context_.state == StateId::Survey && was != StateId::Survey && survey_) survey_->shown(session_);
    if (context_.state == StateId::ComplaintCategory && (was == StateId::Attract || was == StateId::CardRetained)) {
        begin_complaint_visit(was);
    }
    if (was == StateId::CardRetained) retained_visit_.reset();
}

void Runtime::begin_complaint_visit(StateId from) {
    // Like a cardless visit, it starts on the screen just shown (its journey's first step).
    card_->begin_session(true);
    session_.problem_reported = true;
    if (from == StateId::CardRetained && retained_visit_) {
        session_.pan_token = retained_visit_->pan_token;
        session_.last_retrieval_reference = retained_visit_->retrieval_reference;
        session_.last_stan = retained_visit_->stan;
        session_.last_amount = retained_visit_->amount;
    }
    recorder_.journal("customer", "complaint_started", "success", "screen",
                      from == StateId::CardRetained ? "after the card was kept" : "from the welcome screen");
}

void Runtime::poll_display() {
    for (const ui::InputEvent& input : parts_.display.poll_input()) {
        switch (input.kind) {
            case ui::InputEvent::Kind::Action: touch(input.action, input.generation); break;
            case ui::InputEvent::Kind::Key:
                if (on_key) on_key(input.key);
                break;
            case ui::InputEvent::Kind::Quit: quit_requested = true; break;
        }
    }
}

void Runtime::execute(const flow::Effect& effect) {
    switch (flow::kind_of(effect)) {
        case EffectKind::ShowScreen: show(std::get<effects::ShowScreen>(effect).screen); break;
        case EffectKind::StartStateTimer:
            timer_deadline_ = parts_.clock.now() + std::get<effects::StartStateTimer>(effect).duration;
            break;
        case EffectKind::CancelStateTimer: timer_deadline_.reset(); break;
        case EffectKind::AcceptCard:
            // With the card reader down the kiosk still serves cardless withdrawals: the slot
            // stays shut and Attract says so.
            card_->set_slot(fitness_->fitness().cards);
            fitness_->read_all_soon();  // back in Attract: is the kiosk still fit to serve?
            break;
        case EffectKind::RefuseCards: card_->set_slot(false); break;
        case EffectKind::ReadCard: card_->read_card(); break;
        case EffectKind::BeginKeyEntry: {
            const flow::KeyEntry entry = std::get<effects::BeginKeyEntry>(effect).entry;
            if (entry == flow::KeyEntry::CassetteCount && context_.service_count_cassette == 0) {
                maintenance_->begin_counts(fitness_->health());
            }
            keys_->begin(entry);
            break;
        }
        case EffectKind::TakePinBlock: keys_->take_pin_block(false); break;
        case EffectKind::TakeNewPinBlock: keys_->take_pin_block(true); break;
        case EffectKind::RequestAuthorization: {
            const auto& request = std::get<effects::RequestAuthorization>(effect);
            host_->authorize(request.transaction, request.amount, context_);
            break;
        }
        case EffectKind::PrintReceipt: {
            std::vector<std::string> printed = receipts_->print(context_);
            if (speech_) speech_->receipt_printed(std::move(printed), context_.language);
            break;
        }
        case EffectKind::EjectCard: card_->eject(); break;
        case EffectKind::RetainCard: card_->retain(context_.reason ? flow::i18n_key(*context_.reason) : std::string()); break;
        case EffectKind::RecordTransaction: {
            const auto& answered = std::get<effects::RecordTransaction>(effect);
            recorder_.transaction(session_, TransactionRecord{answered.transaction, answered.response, session_.last_stan,
                                                              session_.last_balance, context_.amount,
                                                              // an earlier approval's reference is not this answer's
                                                              answered.response == host::ResponseCode::Approved
                                                                  ? session_.last_retrieval_reference
                                                                  : std::string()});
            if (survey_) survey_->transaction_answered(answered.response == host::ResponseCode::Approved);
            break;
        }
        case EffectKind::EndSession: end_session(); break;
        case EffectKind::RecordSurvey:
            if (survey_) survey_->record(session_, std::get<effects::RecordSurvey>(effect).answers, context_.language);
            break;
        case EffectKind::DispenseCash:
            if (!cash_) {
                note("dispense asked but no dispenser is attached");
                post(events::DispenseFailed{});
            } else {
                cash_->dispense(std::get<effects::DispenseCash>(effect).amount);
            }
            break;
        case EffectKind::RetractCash:
            if (cash_) cash_->retract();
            break;
        case EffectKind::SettleWithdrawal:
            if (cash_) cash_->settle();
            break;
        case EffectKind::ReverseTransaction: {
            const auto& reversal = std::get<effects::ReverseTransaction>(effect);
            host_->reverse(reversal.transaction, reversal.amount, reversal.dispensed, reversal.reason, context_);
            break;
        }
        case EffectKind::IssueEReceipt:
            receipts_->issue_e_receipt(std::get<effects::IssueEReceipt>(effect).transaction);
            if (current_screen_) show(*current_screen_);  // the QR screen went out first; now with its reference
            break;
        case EffectKind::FileComplaint:
            complaints_->file(std::get<effects::FileComplaint>(effect), context_, fitness_->fitness().receipts);
            if (current_screen_) show(*current_screen_);  // acknowledged at once: now with its reference
            break;
        case EffectKind::CheckTechnician: maintenance_->check_technician(); break;
        case EffectKind::RunServiceAction:
            maintenance_->run(std::get<effects::RunServiceAction>(effect).action, context_, fitness_->health());
            break;
        case EffectKind::CheckServiceFitness:
            maintenance_->check_fitness();
            fitness_->read_all_soon();  // every device, now
            break;
        case EffectKind::EndServiceMode: maintenance_->end(); break;
    }
}

void Runtime::show(ui::ScreenId screen) {
    const TimePoint now = parts_.clock.now();
    if (current_screen_ != screen || screen_state_ != context_.state) {
        // A new screen: touches made on the old one no longer count.
        ++generation_;
        if (current_screen_ != screen) {
            if (session_.has_card() || screen != ui::ScreenId::Attract) {
                session_.journey.enter(screen, now);
            } else {
                session_.journey.close(now);
            }
        }
        if (screen == ui::ScreenId::MainMenu) choices_.menu_shown = true;
        current_screen_ = screen;
        screen_state_ = context_.state;
        next_activity_frame_ = is_waiting_screen(screen) ? std::optional(now + activity_interval) : std::nullopt;
    }
    ui::ViewModel vm = build_view_model(screen, context_, session_, screen_extras());
    if (flow::is_service_state(context_.state)) {
        maintenance_->fill(vm, context_, fitness_->health(), fitness_->fitness(), host_->reachable(),
                           keys_->typed_digits());
    }
    vm.generation = generation_;
    vm.focused = ui::default_focus(vm);  // Enter's button (docs/ui.md § Operation from the PIN pad)
    if (shown_ && shown_->generation == vm.generation) vm.activity_frame = shown_->activity_frame;
    if (auto status = parts_.display.show(vm); !status.ok()) note("display: " + status.error().to_string());
    ++frames_;
    shown_ = vm;
    if (speech_) speech_->screen_shown(vm, parts_.display.viewport());
    if (context_.state == StateId::WithdrawalAmount || context_.state == StateId::MainMenu) {
        offered_amounts_ = vm.fast_cash;
    }
    if (on_screen) on_screen(vm);
}

void Runtime::animate() {
    // The loop keeps drawing while the machine works: the customer sees it is alive.
    if (!shown_ || !next_activity_frame_ || parts_.clock.now() < *next_activity_frame_) return;
    next_activity_frame_ = parts_.clock.now() + activity_interval;
    ++shown_->activity_frame;
    if (auto status = parts_.display.show(*shown_); !status.ok()) note("display: " + status.error().to_string());
    ++frames_;
}

bool Runtime::withdrawals_fit() const { return cash_ && fitness_->fitness().withdrawals; }

std::vector<Money> Runtime::payable_fast_cash() const {
    return cash_ ? cash_->payable_fast_cash(withdrawals_fit()) : std::vector<Money>{};
}

const ServiceFitness& Runtime::fitness() const {
    static const ServiceFitness before_start;
    return fitness_ ? fitness_->fitness() : before_start;
}

const std::optional<DeviceHealth>& Runtime::device_health() const {
    static const std::optional<DeviceHealth> none;
    return fitness_ ? fitness_->health() : none;
}

void Runtime::read_devices_soon() {
    if (fitness_) fitness_->read_all_soon();
}

Result<std::uint64_t> Runtime::start_self_test(const std::optional<std::string>& device, const std::string& actor) {
    if (!self_test_) return make_error("selftest", "the kiosk has not started yet");
    if (context_.state != StateId::Attract && context_.state != StateId::OutOfService) {
        return make_error("selftest", "the kiosk is not idle (flow state " + std::string(flow::to_string(context_.state)) + ")");
    }
    auto devices = self_test_->plan(device, fitness_->health());
    if (!devices) return devices.error();
    // At once, in this turn, before the tests: the slot is shut and the screen says so first.
    dispatch(events::SelfTestStarted{});
    return self_test_->start(*devices, actor, fitness_->health());
}

std::optional<SelfTestReport> Runtime::self_test_report() const {
    return self_test_ ? self_test_->report() : std::nullopt;
}

std::uint64_t Runtime::full_rounds_started() const { return fitness_ ? fitness_->full_rounds_started() : 0; }
std::uint64_t Runtime::full_rounds_assessed() const { return fitness_ ? fitness_->full_rounds_assessed() : 0; }

void Runtime::replenish_cash(const std::vector<std::uint32_t>& counts, std::uint32_t capacity, const std::string& actor,
                             std::function<void(const Result<std::string>&)> finished) {
    if (!maintenance_) {
        finished(make_error("cash", "the kiosk has not started yet"));
        return;
    }
    maintenance_->replenish_from_control(counts, capacity, actor, device_health(), std::move(finished));
}

ScreenExtras Runtime::screen_extras() const {
    ScreenExtras extras;
    const StateId state = context_.state;
    if (state == StateId::MoreTime) {
        if (const auto timeout = flow_.config().timeout_for(StateId::MoreTime, context_.speaking())) {
            extras.seconds_left = static_cast<int>(timeout->count() / 1000);
        }
    }
    // From the last status reading: drawing a screen never asks a device anything.
    const bool fit = withdrawals_fit();
    extras.fast_cash = (state == StateId::WithdrawalAmount || state == StateId::MainMenu) ? payable_fast_cash()
                                                                                          : offered_amounts_;
    if (state == StateId::WithdrawalAmount && cash_) extras.usual_amount = cash_->payable_usual_amount(fit);
    // Degraded modes (docs/ui.md): no dispenser hides withdrawals; cassettes that cannot pay any
    // fast-cash amount grey them; no printer shows the statement on screen only.
    const ServiceFitness& fitness = this->fitness();
    extras.menu.withdrawal = !fitness.withdrawals || !cash_ ? ui::Offer::Hidden
                             : extras.fast_cash.empty()    ? ui::Offer::Unavailable
                                                           : ui::Offer::Available;
    extras.menu.mini_statement_on_screen_only = !fitness.receipts;
    extras.cards_accepted = fitness.cards;
    extras.cardless_offered = fitness.cardless && cash_ != nullptr;
    if (state == StateId::EnterAmount) {
        extras.typed_amount = keys_->typed_amount();
        if (context_.pending_transaction != host::TransactionType::Transfer && cash_) extras.amount_step = cash_->amount_step();
    }
    if (state == StateId::ShowReceiptQr) extras.e_receipt_text = receipts_->e_receipt_text(context_.language);
    if (state == StateId::ComplaintDone) {
        extras.complaint.reference = complaints_->reference();
        extras.complaint.qr_text = complaints_->qr_text();
        switch (complaints_->slip()) {
            case ComplaintService::Slip::None:
            case ComplaintService::Slip::Printing: extras.complaint.message_key = "complaint.slip_printing"; break;
            case ComplaintService::Slip::Printed: extras.complaint.message_key = "complaint.slip_printed"; break;
            case ComplaintService::Slip::ShownAsQr: extras.complaint.message_key = "complaint.scan_qr"; break;
            case ComplaintService::Slip::NotRecorded: extras.complaint.message_key = "complaint.not_recorded"; break;
        }
    }
    return extras;
}

void Runtime::end_session() {
    session_.journey.close(parts_.clock.now());
    session_.accessibility = context_.accessibility;
    if (on_session_end) on_session_end(session_);
    recorder_.journey(session_, context_.language, flow::outcome_of(context_));
    if (profile_channel_) profile_channel_->abandon();  // a profile still on its way is for nobody now
    if (context_.state == StateId::CardRetained) {
        retained_visit_ = RetainedVisit{session_.pan_token, session_.last_retrieval_reference, session_.last_stan,
                                        context_.amount ? context_.amount : session_.last_amount};
    }
    complaints_->reset();
    session_ = Session{};  // SecureString wipes the PAN
    choices_ = CustomerChoices{};
    if (survey_) survey_->end_visit();
    current_screen_.reset();
}

std::optional<TimePoint> Runtime::service_mode_since() const {
    return maintenance_ ? maintenance_->open_since() : std::nullopt;
}

const std::string& Runtime::service_technician() const {
    static const std::string none;
    return maintenance_ ? maintenance_->technician() : none;
}

void Runtime::note(const std::string& text) {
    if (on_note) on_note(text);
}

}  // namespace kiosk
