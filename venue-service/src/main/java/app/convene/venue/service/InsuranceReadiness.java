package app.convene.venue.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.money.Money;
import app.convene.venue.config.InsuranceConfig;
import app.convene.venue.domain.Booking;
import app.convene.venue.domain.CheckStatus;
import app.convene.venue.domain.Coverage;
import app.convene.venue.domain.EventReadiness;
import app.convene.venue.domain.InsuranceCertificate;
import app.convene.venue.persistence.InsuranceCertificateRepository;
import app.convene.venue.service.Readiness.Check;

/**
 * "insurance covered": for each coverage the rules ask of this headcount, one certificate of at least the minimum,
 * in the rules' currency, valid from the event's start to its end. A withdrawn certificate does not count.
 */
@ApplicationScoped
public class InsuranceReadiness implements Readiness.ReadinessCheck {
    public static final String INSURANCE_COVERED = "insurance covered";

    @Inject
    InsuranceConfig config;
    @Inject
    InsuranceCertificateRepository repository;

    @Override
    public int order() {
        return 20;
    }

    /** Each coverage the event needs with the highest minimum among the rules its headcount reaches. */
    public Map<Coverage, BigDecimal> required(int expectedHeadcount) {
        Map<Coverage, BigDecimal> required = new EnumMap<>(Coverage.class);
        for (InsuranceConfig.Requirement rule : config.requirements()) {
            if (expectedHeadcount >= rule.fromHeadcount()) {
                required.merge(rule.coverage(), rule.minimum(), BigDecimal::max);
            }
        }
        return required;
    }

    @Override
    public List<Check> assess(EventReadiness event, Optional<Booking> booking) {
        Instant from = event.startsAt != null ? event.startsAt : booking.map(b -> b.startsAt).orElse(null);
        Instant until = event.endsAt != null ? event.endsAt : booking.map(b -> b.endsAt).orElse(null);
        if (from == null) {
            return List.of(new Check(INSURANCE_COVERED, CheckStatus.UNKNOWN,
                    "the event's dates are not known yet, so neither is the period to cover"));
        }
        List<InsuranceCertificate> certificates = repository.inForce(event.eventId);
        List<String> missing = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        String currency = config.currency();
        for (Map.Entry<Coverage, BigDecimal> need : required(event.expectedHeadcount()).entrySet()) {
            String wanted = need.getKey() + " of at least " + need.getValue().toPlainString() + " " + currency;
            List<InsuranceCertificate> ofCoverage = certificates.stream().filter(c -> c.coverage == need.getKey())
                    .toList();
            Optional<InsuranceCertificate> counting = ofCoverage.stream()
                    .filter(c -> c.currency.equals(currency) && c.amount.compareTo(need.getValue()) >= 0
                            && c.covers(from, until))
                    .max(Comparator.comparing(c -> c.validTo));
            if (counting.isPresent()) {
                covered.add(wanted + " by policy " + counting.get().policyNumber + " of " + counting.get().insurer);
            } else if (ofCoverage.isEmpty()) {
                missing.add(wanted + ": no certificate");
            } else {
                missing.add(wanted + ": " + ofCoverage.stream().map(c -> whyNot(c, need.getValue(), from, until))
                        .reduce((a, b) -> a + "; " + b).orElse(""));
            }
        }
        if (!missing.isEmpty()) {
            return List.of(new Check(INSURANCE_COVERED, CheckStatus.NOT_MET, "insurance missing: "
                    + String.join("; ", missing)));
        }
        return List.of(new Check(INSURANCE_COVERED, CheckStatus.MET, covered.isEmpty() ? "no insurance is required"
                : String.join("; ", covered)));
    }

    private String whyNot(InsuranceCertificate c, BigDecimal minimum, Instant from, Instant until) {
        String policy = "policy " + c.policyNumber;
        if (!c.currency.equals(config.currency())) {
            return policy + " is in " + c.currency + ", the rules are in " + config.currency();
        }
        if (c.amount.compareTo(minimum) < 0) {
            return policy + " covers only " + Money.atScale(c.amount, c.currency).toPlainString() + " " + c.currency;
        }
        if (c.validTo.isBefore(until)) {
            return policy + " expires " + c.validTo + ", before the event ends at " + until;
        }
        return policy + " is valid only from " + c.validFrom + ", after the event starts at " + from;
    }
}
