package app.convene.budget.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.event.RegistrationEvents.ModeCount;
import app.convene.backbone.event.RegistrationEvents.TravelNeedsChanged;
import app.convene.backbone.money.Money;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.budget.config.TravelConfig;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.BudgetStatus;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.LedgerKind;
import app.convene.budget.domain.LineCategory;
import app.convene.budget.domain.LineItem;
import app.convene.budget.domain.LineKind;
import app.convene.budget.domain.TravelNeeds;
import app.convene.budget.domain.TravelRates;
import app.convene.budget.persistence.LineItemRepository;
import app.convene.budget.persistence.TravelRepository;

/**
 * The travel and accommodation lines of a budget, derived from registration-service's figures
 * ({@code registration.travel-needs-changed.v1}) and the rates the event's organizers or finance set: one
 * ACCOMMODATION line (room nights × nightly rate, {@code externalRef = travel-needs:accommodation}) and one TRAVEL
 * line (travellers per mode × that mode's rate, {@code travel-needs:travel}). Whichever of figures and rates comes
 * second makes the lines; every later change of either reprices them, recorded in the ledger and reforecast like
 * any estimate change. A line stays once made (at zero when nothing is left to pay). The figures are facts from
 * outside, so they apply even while the budget is under review; the rates are the budget's own and wait for
 * finance's decision like any line.
 */
@ApplicationScoped
public class TravelCosts {
    static final String ACTOR = "registration-service";
    static final String ACCOMMODATION_REF = "travel-needs:accommodation";
    static final String TRAVEL_REF = "travel-needs:travel";

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    EventAccessGuard guard;
    @Inject
    Budgets budgets;
    @Inject
    LineItems lineItems;
    @Inject
    ExchangeRates exchangeRates;
    @Inject
    Forecasts forecasts;
    @Inject
    Ledger ledger;
    @Inject
    TravelConfig config;
    @Inject
    LineItemRepository lines;
    @Inject
    TravelRepository repository;
    @Inject
    ObjectMapper json;

    /** Rates as given; null GL accounts take the configured ones, a null currency the budget's. */
    public record Rates(String currency, BigDecimal nightlyRate, BigDecimal airRate, BigDecimal railRate,
            BigDecimal carRate, BigDecimal coachRate, BigDecimal otherRate, String accommodationGlAccount,
            String travelGlAccount) {
    }

    /** The rates with the figures they price (null until registration-service announced any). */
    public record RatesView(TravelRates rates, TravelNeeds needs) {
    }

    /** What the rates' tag is taken from: the rates as set, and the figures they price. */
    private record Tagged(UUID eventId, String currency, BigDecimal nightlyRate, BigDecimal airRate,
            BigDecimal railRate, BigDecimal carRate, BigDecimal coachRate, BigDecimal otherRate,
            String accommodationGlAccount, String travelGlAccount,
            Instant updatedAt, String updatedBy, Long sequence, Integer roomNights,
            Map<String, Integer> travellersByMode, Instant receivedAt) {
    }

    /**
     * The strong tag of the rates as read: changes with any change of the rates, and of the figures they price
     * (registration-service's next announcement), as the answer does.
     */
    public String tag(RatesView view) {
        TravelRates r = view.rates();
        TravelNeeds n = view.needs();
        return EntityTags.of(json, new Tagged(r.eventId, r.currency, plain(r.nightlyRate), plain(r.airRate),
                plain(r.railRate), plain(r.carRate), plain(r.coachRate), plain(r.otherRate),
                r.accommodationGlAccount, r.travelGlAccount, r.updatedAt, r.updatedBy,
                n == null ? null : n.sequence, n == null ? null : n.roomNights,
                n == null ? null : new TreeMap<>(n.travellersByMode), n == null ? null : n.receivedAt));
    }

    private static BigDecimal plain(BigDecimal amount) {
        return amount == null ? null : BudgetFigures.plain(amount);
    }

    /** Keeps newer figures and reprices the lines; a late or replayed announcement changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onTravelNeedsChanged(TravelNeedsChanged changed) {
        EventBudget budget = budgets.lockOrDraft(changed.eventId());
        Map<String, Integer> modes = changed.travellersByMode() == null ? Map.of()
                : changed.travellersByMode().stream()
                        .collect(Collectors.toMap(ModeCount::mode, ModeCount::travellers, Integer::sum,
                                LinkedHashMap::new));
        if (!repository.keepIfNewer(changed.eventId(), changed.sequence(), changed.roomNights(), modes,
                clock.instant())) {
            return;
        }
        TravelRates rates = repository.rates(changed.eventId());
        if (rates != null && !rates.currency.equals(budget.currency)
                && exchangeRates.into(budget.organisation, budget.currency).get(rates.currency) == null) {
            // The budget's currency changed after the rates were set: finance sets the rate, then it is redriven.
            throw new PoisonEventException("no exchange rate from " + rates.currency + " to " + budget.currency
                    + " for the travel rates of event " + changed.eventId());
        }
        reprice(budget, ACTOR);
    }

    /**
     * Sets the event's rates (the event's owner, co-organizers and delegates, or finance) and reprices its lines.
     * The rates' currency is fixed once they priced a line; another currency than the budget's needs an exchange
     * rate of the organisation. With {@code ifMatch}, set only while the rates and the figures they price are what
     * was read (412 otherwise, and when none were set yet), checked with the budget locked.
     */
    @Transactional
    public RatesView set(UUID eventId, Rates given, String ifMatch) {
        guard.changeBudget(eventId, Roles.FINANCE);
        EventBudget budget = budgets.lock(eventId);
        TravelRates current = repository.rates(eventId);
        EntityTags.requireCurrent(ifMatch,
                () -> current == null ? null : tag(new RatesView(current, repository.needs(eventId))));
        TravelRates rates = current;
        if (budget.status == BudgetStatus.SUBMITTED) {
            throw ProblemException.conflict("budget-under-review", "the budget of event " + eventId
                    + " is submitted for approval; its travel rates can change once finance approved or rejected it");
        }
        String currency = given.currency() == null ? budget.currency : given.currency();
        Currency unit = Money.currency("currency", currency);
        if (rates != null && !rates.currency.equals(currency) && hasLines(eventId)) {
            throw ProblemException.conflict("line-currency-fixed", "the travel and accommodation lines of event "
                    + eventId + " are in " + rates.currency + "; their rates stay in it");
        }
        if (!currency.equals(budget.currency)
                && exchangeRates.into(budget.organisation, budget.currency).get(currency) == null) {
            throw ProblemException.conflict("exchange-rate-missing", "no exchange rate from " + currency + " to "
                    + budget.currency + "; finance sets one first (PUT /api/exchange-rates/" + currency + "/"
                    + budget.currency + ")");
        }
        if (rates == null) {
            rates = new TravelRates();
            rates.eventId = eventId;
        }
        rates.currency = currency;
        rates.nightlyRate = amount("nightlyRate", given.nightlyRate(), unit);
        rates.airRate = amount("airRate", given.airRate(), unit);
        rates.railRate = amount("railRate", given.railRate(), unit);
        rates.carRate = amount("carRate", given.carRate(), unit);
        rates.coachRate = amount("coachRate", given.coachRate(), unit);
        rates.otherRate = amount("otherRate", given.otherRate(), unit);
        rates.accommodationGlAccount = given.accommodationGlAccount() == null ? config.accommodationGlAccount()
                : given.accommodationGlAccount();
        rates.travelGlAccount = given.travelGlAccount() == null ? config.travelGlAccount() : given.travelGlAccount();
        rates.updatedAt = clock.instant();
        rates.updatedBy = caller.subject();
        rates.persist();
        reprice(budget, caller.subject());
        return new RatesView(rates, repository.needs(eventId));
    }

    /** The event's rates and the figures they price, for those who may read its budget; 404 until rates are set. */
    @Transactional
    public RatesView get(UUID eventId) {
        guard.readBudget(eventId);
        TravelRates rates = repository.rates(eventId);
        if (rates == null) {
            throw ProblemException.notFound("travel rates of event", eventId);
        }
        return new RatesView(rates, repository.needs(eventId));
    }

    private boolean hasLines(UUID eventId) {
        return lines.byExternalRef(eventId, ACCOMMODATION_REF) != null
                || lines.byExternalRef(eventId, TRAVEL_REF) != null;
    }

    private static BigDecimal amount(String field, BigDecimal amount, Currency currency) {
        if (amount == null) {
            return BigDecimal.ZERO;
        }
        Money.requireMinorUnit(field, amount, currency);
        return Money.round(amount, currency);
    }

    /** Prices both lines from the figures and rates held, once both are there. Call with the budget locked. */
    private void reprice(EventBudget budget, String actor) {
        TravelRates rates = repository.rates(budget.eventId);
        TravelNeeds needs = repository.needs(budget.eventId);
        if (rates == null || needs == null) {
            return;
        }
        Currency currency = Currency.getInstance(rates.currency);
        BigDecimal accommodation = Money.times(rates.nightlyRate, BigDecimal.valueOf(needs.roomNights), currency);
        String accommodationText = "Hotel: " + needs.roomNights + " room nights at "
                + Money.round(rates.nightlyRate, currency).toPlainString() + " " + rates.currency;
        BigDecimal travel = Money.zero(currency);
        StringBuilder travelText = new StringBuilder("Travel:");
        for (Map.Entry<String, Integer> mode : new java.util.TreeMap<>(needs.travellersByMode).entrySet()) {
            BigDecimal rate = rates.perTraveller(mode.getKey());
            if (rate.signum() > 0 && mode.getValue() > 0) {
                travel = travel.add(Money.times(rate, BigDecimal.valueOf(mode.getValue()), currency));
                travelText.append(travelText.length() > 7 ? ", " : " ").append(mode.getValue()).append(" by ")
                        .append(mode.getKey()).append(" at ").append(Money.round(rate, currency).toPlainString());
            }
        }
        travelText.append(travelText.length() > 7 ? " " + rates.currency + " each" : " nobody priced");
        boolean changed = price(budget, LineCategory.ACCOMMODATION, ACCOMMODATION_REF, rates.currency,
                rates.accommodationGlAccount, accommodationText, accommodation, actor);
        changed |= price(budget, LineCategory.TRAVEL, TRAVEL_REF, rates.currency, rates.travelGlAccount,
                travelText.toString(), travel, actor);
        if (changed) {
            forecasts.recompute(budget);
        }
    }

    /** Makes or reprices one derived line; true when its estimate changed. */
    private boolean price(EventBudget budget, LineCategory category, String ref, String currency, String glAccount,
            String description, BigDecimal amount, String actor) {
        LineItem line = lines.byExternalRef(budget.eventId, ref);
        Instant now = clock.instant();
        if (line == null) {
            if (amount.signum() == 0) {
                return false;
            }
            line = new LineItem();
            line.id = UUID.randomUUID();
            line.eventId = budget.eventId;
            line.externalRef = ref;
            line.category = category;
            line.kind = LineKind.FIXED;
            line.currency = currency;
            line.unitAmount = BigDecimal.ZERO;
            line.actualAmount = BigDecimal.ZERO;
            line.createdAt = now;
            line.glAccount = glAccount;
            line.description = description;
            line.updatedAt = now;
            line.persist();
        }
        line.glAccount = glAccount;
        line.description = description.length() > 500 ? description.substring(0, 500) : description;
        if (line.unitAmount.compareTo(amount) == 0) {
            return false;
        }
        BudgetFigures.LineFigures before = lineItems.figures(budget, line);
        line.unitAmount = amount;
        line.updatedAt = now;
        budget.changed(now);
        BudgetFigures.LineFigures after = lineItems.figures(budget, line);
        ledger.record(LedgerKind.ESTIMATE, budget, line,
                after.estimateInLineCurrency().subtract(before.estimateInLineCurrency()), after.rate(),
                after.estimate().subtract(before.estimate()), null, "repriced: " + line.description, actor, now);
        return true;
    }
}
