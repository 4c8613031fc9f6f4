package app.convene.budget.privacy.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.budget.privacy.persistence.PersonalDataRepository;

/**
 * budget-service's part of erasing a person ({@code privacy.person-erased.v1}): the address is replaced wherever it is
 * kept as the subject of a submission, decision, invoice receipt, rate, allowance or export, in the erased
 * organisation, and {@code budget.erasure-completed.v1} says so (with 0 rows when budget-service held nothing about
 * the person, as for an attendee), in the inbox's transaction.
 */
@ApplicationScoped
public class Erasures {
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    PersonalDataRepository personalData;

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(PrivacyEvents.PersonErased erased) {
        int rows = personalData.anonymise(erased.organisation(), erased.emailSha256());
        outbox.append(BudgetEvents.ERASURE_COMPLETED, PrivacyEvents.AGGREGATE, erased.erasureId(),
                new PrivacyEvents.ErasureCompleted(erased.erasureId(), erased.organisation(), rows,
                        clock.instant()));
    }
}
