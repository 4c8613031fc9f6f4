package app.convene.backbone.revalidation;

import jakarta.persistence.EntityManager;

/**
 * Locks for changes that have no row of their own to lock yet, such as an organisation's setting still at its
 * defaults: held until the transaction ends, so that the check of an {@code If-Match} and the change it guards are
 * made one change at a time, and two first settings cannot both pass the check.
 */
public final class ChangeLocks {
    private ChangeLocks() {
    }

    /**
     * Waits for, then holds until the end of the transaction, the lock named by what is changed ({@code subject}, e.g.
     * "go-no-go-policy") and whose it is ({@code owner}, e.g. the organisation). Other subjects and owners are not
     * held up. It is a PostgreSQL transaction-level advisory lock on the hash of both names.
     */
    public static void hold(EntityManager entityManager, String subject, String owner) {
        entityManager.createNativeQuery("select cast(pg_advisory_xact_lock(hashtext(:key)) as text)")
                .setParameter("key", subject + ":" + owner).getSingleResult();
    }
}
