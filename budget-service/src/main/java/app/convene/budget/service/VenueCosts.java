package app.convene.budget.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.event.VenueEvents.BookingCancelled;
import app.convene.backbone.event.VenueEvents.BookingConfirmed;
import app.convene.budget.config.BudgetConfig;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.LedgerKind;
import app.convene.budget.domain.LineCategory;
import app.convene.budget.domain.LineItem;
import app.convene.budget.domain.LineKind;
import app.convene.backbone.money.Money;
import app.convene.budget.persistence.LineItemRepository;

/**
 * Venue lines owned by venue-service: one per booking ({@code externalRef = venue-booking:<bookingId>}), its estimate
 * the booking's price. A booking announced again (e.g. re-priced) updates the line; a cancelled booking sets its
 * estimate to zero (the line and its ledger stay: nothing is deleted). These are facts from outside, so they apply
 * even while the budget is under review.
 */
@ApplicationScoped
public class VenueCosts {
    @Inject
    Clock clock;
    static final String ACTOR = "venue-service";

    @Inject
    Budgets budgets;
    @Inject
    LineItems lineItems;
    @Inject
    ExchangeRates rates;
    @Inject
    Forecasts forecasts;
    @Inject
    Ledger ledger;
    @Inject
    BudgetConfig config;
    @Inject
    LineItemRepository lines;

    static String externalRef(java.util.UUID bookingId) {
        return "venue-booking:" + bookingId;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBookingConfirmed(BookingConfirmed booking) {
        EventBudget budget = budgets.lockOrDraft(booking.eventId());
        LineItem line = lines.byExternalRef(booking.eventId(), externalRef(booking.bookingId()));
        if (booking.price() == null || booking.price().amount() == null) {
            if (line != null) {
                setEstimate(budget, line, BigDecimal.ZERO, "booking free of charge: " + line.description);
            }
            return;
        }
        Currency currency = Money.currencyOrNull(booking.price().currency());
        if (currency == null || booking.price().amount().signum() < 0
                || !Money.fitsMinorUnit(booking.price().amount(), currency)) {
            throw new PoisonEventException("booking " + booking.bookingId() + " has an unusable price "
                    + booking.price());
        }
        if (!currency.getCurrencyCode().equals(budget.currency)
                && rates.into(budget.organisation, budget.currency).get(currency.getCurrencyCode()) == null) {
            throw new PoisonEventException("no exchange rate from " + currency.getCurrencyCode() + " to "
                    + budget.currency + " for the price of booking " + booking.bookingId());
        }
        String description = "Room " + booking.roomName() + " at " + booking.venueName();
        String lineDescription = description.length() > 500 ? description.substring(0, 500) : description;
        if (line == null) {
            Instant now = clock.instant();
            line = new LineItem();
            line.id = java.util.UUID.randomUUID();
            line.eventId = booking.eventId();
            line.externalRef = externalRef(booking.bookingId());
            line.category = LineCategory.VENUE;
            line.kind = LineKind.FIXED;
            line.currency = currency.getCurrencyCode();
            line.unitAmount = BigDecimal.ZERO;
            line.actualAmount = BigDecimal.ZERO;
            line.glAccount = config.venueGlAccount();
            line.vendor = booking.venueName();
            line.description = lineDescription;
            line.createdAt = now;
            line.updatedAt = now;
            line.persist();
        } else if (!line.currency.equals(currency.getCurrencyCode())) {
            throw new PoisonEventException("booking " + booking.bookingId() + " was priced in " + line.currency
                    + " and is now priced in " + currency.getCurrencyCode());
        } else {
            // The booking moved to another room or venue: the line names where it is now.
            if (!lineDescription.equals(line.description) || !booking.venueName().equals(line.vendor)) {
                line.description = lineDescription;
                line.vendor = booking.venueName();
                line.updatedAt = clock.instant();
                budget.changed(line.updatedAt);
            }
        }
        setEstimate(budget, line, booking.price().amount(), "venue booking priced: " + description);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBookingCancelled(BookingCancelled cancelled) {
        EventBudget budget = EventBudget.findById(cancelled.eventId());
        if (budget == null) {
            return;
        }
        budget = budgets.lock(cancelled.eventId());
        LineItem line = lines.byExternalRef(cancelled.eventId(), externalRef(cancelled.bookingId()));
        if (line != null) {
            setEstimate(budget, line, BigDecimal.ZERO, "venue booking cancelled: " + line.description);
        }
    }

    private void setEstimate(EventBudget budget, LineItem line, BigDecimal amount, String why) {
        if (line.unitAmount.compareTo(amount) == 0) {
            return;
        }
        BudgetFigures.LineFigures before = lineItems.figures(budget, line);
        Instant now = clock.instant();
        line.unitAmount = amount;
        line.updatedAt = now;
        budget.changed(now);
        BudgetFigures.LineFigures after = lineItems.figures(budget, line);
        ledger.record(LedgerKind.ESTIMATE, budget, line,
                after.estimateInLineCurrency().subtract(before.estimateInLineCurrency()), after.rate(),
                after.estimate().subtract(before.estimate()), null, why, ACTOR, now);
        forecasts.recompute(budget);
    }
}
