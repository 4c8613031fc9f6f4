package app.convene.notification.gate.service;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.revalidation.ChangeLocks;
import app.convene.backbone.security.Caller;
import app.convene.notification.delivery.domain.Audience;
import app.convene.notification.gate.domain.GateCheck;
import app.convene.notification.gate.domain.GatePolicy;
import app.convene.notification.gate.persistence.GateRepository;

/** Each organisation's go/no-go policy (the defaults until it sets one); set by its organizers. */
@ApplicationScoped
public class GatePolicies {
    /** The longest a decision may be due before the start. */
    private static final Duration LONGEST_DUE_BEFORE = Duration.ofDays(365);

    @Inject
    GateRepository repository;
    @Inject
    Gate gate;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    EntityManager entityManager;

    /** The organisation's policy, or the defaults. */
    public GatePolicy of(String organisation) {
        return repository.policy(organisation).orElse(GatePolicy.DEFAULT);
    }

    /** The caller's organisation's policy. */
    public GatePolicy current() {
        return of(caller.organisation());
    }

    /**
     * Replaces the caller's organisation's policy (the same policy twice changes nothing more) and evaluates the gate
     * of every event of the organisation again, in the same transaction; once {@code precondition} accepts the policy
     * as it stands (the defaults while the organisation has none), read under the organisation's policy lock: it
     * throws to refuse, say for an {@code If-Match} naming an earlier state. The lock is held whether or not a policy
     * row exists yet, so two first settings from the defaults take turns and the second is judged against the first.
     */
    @Transactional
    public GatePolicy change(List<String> requiredChecks, Duration decisionDueBefore,
            List<String> acknowledgingAudiences, Consumer<GatePolicy> precondition) {
        Set<GateCheck> checks = EnumSet.noneOf(GateCheck.class);
        for (int i = 0; i < requiredChecks.size(); i++) {
            String name = requiredChecks.get(i);
            int index = i;
            checks.add(GateCheck.named(name).orElseThrow(() -> ProblemException.invalidField(
                    "requiredChecks[" + index + "]", "unknown check '" + name
                            + "'; known checks: " + String.join(", ", GateCheck.namesOf()))));
        }
        if (decisionDueBefore.isNegative() || decisionDueBefore.compareTo(LONGEST_DUE_BEFORE) > 0) {
            throw ProblemException.invalidField("decisionDueBefore", "must be between PT0S and P365D");
        }
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        for (int i = 0; i < acknowledgingAudiences.size(); i++) {
            String name = acknowledgingAudiences.get(i);
            int index = i;
            audiences.add(java.util.Arrays.stream(Audience.values()).filter(a -> a.name().equals(name)).findFirst()
                    .orElseThrow(() -> ProblemException.invalidField("acknowledgingAudiences[" + index + "]",
                            "unknown audience '" + name + "'; known audiences: ORGANIZERS, FACILITY, FINANCE, LEADS")));
        }
        GatePolicy policy = new GatePolicy(checks, decisionDueBefore, audiences, false);
        String organisation = caller.organisation();
        ChangeLocks.hold(entityManager, "go-no-go-policy", organisation);
        precondition.accept(of(organisation));
        repository.savePolicy(organisation, policy, clock.instant());
        for (var eventId : repository.eventsOf(organisation)) {
            gate.reassess(eventId);
        }
        return policy;
    }
}
