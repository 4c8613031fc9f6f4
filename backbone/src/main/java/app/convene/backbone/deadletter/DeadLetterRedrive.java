package app.convene.backbone.deadletter;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.jboss.logging.Logger;

import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.inbox.Inbox;
import app.convene.backbone.problem.DatabaseOutage;
import app.convene.backbone.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What an operator does with dead letters: apply one again through the consumer's own handlers and inbox (so an
 * event the inbox already applied has no second effect), apply every pending one, or settle one without applying it.
 * Each re-drive runs in a transaction of its own: the effect, its inbox receipt and the letter's new state commit
 * together, or, when it fails again, nothing of the effect is kept and the letter records the attempt and the reason.
 */
@ApplicationScoped
public class DeadLetterRedrive {
    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);

    @Inject
    DeadLetterStore store;
    @Inject
    Inbox inbox;

    /** The outcome of re-driving many letters. */
    public record Summary(String consumer, int attempted, int redriven, int failed,
            @Schema(required = true) List<Failure> failures,
            long stillPending) {
    }

    public record Failure(long id, @Schema(required = true) String reason) {
    }

    public DeadLetter find(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    public List<DeadLetter> page(String consumer, DeadLetter.State state, Long before, int limit) {
        return store.page(consumer, state, before, limit);
    }

    /**
     * Applies the letter again. A letter re-driven before is answered as it is (nothing changes); a discarded one is
     * refused. When it fails again the letter stays pending with one attempt more and the new reason, and the answer
     * is the problem {@code redrive-failed}.
     */
    public DeadLetter redrive(long id, String operator) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                DeadLetter letter = store.lock(id).orElseThrow(() -> notFound(id));
                if (letter.state() == DeadLetter.State.REDRIVEN) {
                    return letter;
                }
                if (letter.state() == DeadLetter.State.DISCARDED) {
                    throw ProblemException.conflict("dead-letter-discarded", "dead letter " + id
                            + " was discarded by " + letter.handledBy() + "; it is not applied");
                }
                Inbox.Outcome outcome;
                try {
                    outcome = inbox.redeliver(letter.consumer(), store.recordOf(letter));
                } catch (RuntimeException e) {
                    // Whatever the consumer's code threw, even a problem of its own, is a failed re-drive.
                    throw new HandlerFailed(e);
                }
                store.markRedriven(id, switch (outcome) {
                    case APPLIED -> "applied";
                    case ALREADY_APPLIED -> "already applied: the inbox holds event " + letter.eventId()
                            + "; nothing applied twice";
                    case IGNORED -> "ignored: " + letter.consumer() + " no longer reads " + letter.eventType();
                }, operator);
                LOG.infof("%s re-drove dead letter %d of %s: %s", operator, id, letter.consumer(), outcome);
                return store.find(id).orElseThrow();
            });
        } catch (ProblemException refused) {
            throw refused;
        } catch (RuntimeException failure) {
            if (DatabaseOutage.isCauseOf(failure)) {
                throw failure;
            }
            Throwable reason = reasonOf(failure);
            LOG.warnf("Re-drive of dead letter %d by %s failed again: %s", id, operator, reason.getMessage());
            QuarkusTransaction.requiringNew().run(() -> store.markFailed(id, reason, operator));
            throw new ProblemException(409, "redrive-failed", "Re-drive failed", "dead letter " + id
                    + " could not be applied and stays PENDING: " + DeadLetterStore.reasonOf(reason));
        }
    }

    /**
     * Re-drives the pending letters (of one consumer when given), oldest first, at most {@code limit}; one failing
     * does not stop the others. Letters set aside meanwhile wait for the next call.
     */
    public Summary redriveAll(String consumer, int limit, String operator) {
        long upTo = store.newestId();
        long after = 0;
        int attempted = 0;
        int redriven = 0;
        List<Failure> failures = new ArrayList<>();
        while (attempted < limit) {
            List<Long> ids = store.pendingIds(consumer, after, upTo, Math.min(100, limit - attempted));
            if (ids.isEmpty()) {
                break;
            }
            for (long id : ids) {
                after = id;
                attempted++;
                try {
                    if (redrive(id, operator).state() == DeadLetter.State.REDRIVEN) {
                        redriven++;
                    }
                } catch (ProblemException e) {
                    failures.add(new Failure(id, e.getMessage()));
                }
            }
        }
        return new Summary(consumer, attempted, redriven, failures.size(), failures, store.countPending(consumer));
    }

    /** Settles a pending letter without applying it; a letter discarded before is answered as it is. */
    public DeadLetter discard(long id, String operator) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DeadLetter letter = store.lock(id).orElseThrow(() -> notFound(id));
            if (letter.state() == DeadLetter.State.DISCARDED) {
                return letter;
            }
            if (letter.state() == DeadLetter.State.REDRIVEN) {
                throw ProblemException.conflict("dead-letter-redriven", "dead letter " + id
                        + " was re-driven already (" + letter.lastOutcome() + "); it cannot be discarded");
            }
            store.markDiscarded(id, operator);
            LOG.infof("%s discarded dead letter %d of %s", operator, id, letter.consumer());
            return store.find(id).orElseThrow();
        });
    }

    /** The consumer's handlers failed; unwrapped to its reason. */
    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(RuntimeException cause) {
            super(cause);
        }
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("dead letter", id);
    }

    private static Throwable reasonOf(Throwable failure) {
        Throwable handlerFailed = failure;
        while (handlerFailed != null && !(handlerFailed instanceof HandlerFailed)) {
            handlerFailed = handlerFailed.getCause();
        }
        if (handlerFailed != null && handlerFailed.getCause() instanceof ProblemException problem) {
            return problem;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PoisonEventException) {
                return t;
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
