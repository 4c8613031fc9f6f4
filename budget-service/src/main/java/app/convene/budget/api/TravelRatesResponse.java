package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.money.Money;
import app.convene.budget.domain.TravelNeeds;
import app.convene.budget.domain.TravelRates;
import app.convene.budget.service.TravelCosts;

/** The event's travel rates and the figures registration-service announced last, which they price. */
public record TravelRatesResponse(@Schema(required = true) UUID eventId, @Schema(required = true) String currency,
        @Schema(required = true) BigDecimal nightlyRate, @Schema(required = true) BigDecimal airRate,
        @Schema(required = true) BigDecimal railRate, @Schema(required = true) BigDecimal carRate,
        @Schema(required = true) BigDecimal coachRate, @Schema(required = true) BigDecimal otherRate,
        @Schema(required = true) String accommodationGlAccount, @Schema(required = true) String travelGlAccount,
        @Schema(required = true) Instant updatedAt, @Schema(required = true) String updatedBy,
        @Schema(description = "The figures priced; null until registration-service announced any") Figures figures) {

    /** Room nights and travellers per mode of the event's confirmed attendees, as last announced. */
    public record Figures(@Schema(required = true) long sequence, @Schema(required = true) int roomNights,
            @Schema(required = true) Map<String, Integer> travellersByMode,
            @Schema(required = true) Instant receivedAt) {
    }

    static TravelRatesResponse of(TravelCosts.RatesView view) {
        TravelRates r = view.rates();
        TravelNeeds n = view.needs();
        return new TravelRatesResponse(r.eventId, r.currency, Money.atScale(r.nightlyRate, r.currency),
                Money.atScale(r.airRate, r.currency), Money.atScale(r.railRate, r.currency),
                Money.atScale(r.carRate, r.currency), Money.atScale(r.coachRate, r.currency),
                Money.atScale(r.otherRate, r.currency), r.accommodationGlAccount, r.travelGlAccount, r.updatedAt, r.updatedBy,
                n == null ? null : new Figures(n.sequence, n.roomNights, n.travellersByMode, n.receivedAt));
    }
}
