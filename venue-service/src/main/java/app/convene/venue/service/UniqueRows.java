package app.convene.venue.service;

import java.util.function.Predicate;

import jakarta.persistence.PersistenceException;

import app.convene.backbone.problem.Constraints;
import app.convene.backbone.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Inserting a row whose uniqueness the service checked first: the database constraint settles a race that check could
 * not see, and answers as the same conflict.
 */
final class UniqueRows {
    private UniqueRows() {
    }

    /** Inserts the row now; any constraint it breaks answers 409 {@code type} with {@code detail}. */
    static void insert(PanacheEntityBase row, String type, String detail) {
        insert(row, constraint -> true, type, detail);
    }

    /** Inserts the row now; breaking {@code constraint} answers 409 {@code type} with {@code detail}. */
    static void insert(PanacheEntityBase row, String constraint, String type, String detail) {
        insert(row, constraint::equals, type, detail);
    }

    /** Writes the changes made so far now; breaking {@code constraint} answers 409 {@code type} with {@code detail}. */
    static void flush(String constraint, String type, String detail) {
        try {
            Panache.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e).filter(constraint::equals).isPresent()) {
                throw ProblemException.conflict(type, detail);
            }
            throw e;
        }
    }

    private static void insert(PanacheEntityBase row, Predicate<String> conflicting, String type, String detail) {
        try {
            row.persistAndFlush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e).filter(conflicting).isPresent()) {
                throw ProblemException.conflict(type, detail);
            }
            throw e;
        }
    }
}
