package app.convene.budget.privacy.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.security.Caller;
import app.convene.budget.privacy.persistence.PersonalDataRepository;
import app.convene.budget.privacy.persistence.PersonalDataRepository.Mention;

/** Everything budget-service holds about one e-mail address in the caller's organisation. */
@ApplicationScoped
public class PersonalData {
    private static final String LEDGER = "ledger_entry";

    @Inject
    Caller caller;
    @Inject
    PersonalDataRepository personalData;

    /**
     * Where the address is kept: {@code mentions} are erased with the person; {@code keptForAccountability} are the
     * ledger entries it recorded, which stay (the ledger is append-only).
     */
    public record Export(String email, List<Mention> mentions, List<Mention> keptForAccountability) {
    }

    @Transactional
    public Export of(String email) {
        List<Mention> all = personalData.mentions(caller.organisation(), email);
        return new Export(email, all.stream().filter(m -> !LEDGER.equals(m.table())).toList(),
                all.stream().filter(m -> LEDGER.equals(m.table())).toList());
    }
}
