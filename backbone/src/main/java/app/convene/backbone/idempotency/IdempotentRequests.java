package app.convene.backbone.idempotency;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.audit.ChangeAudit;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Digests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Safe retries of POST requests. The first request with a key runs, and its answer is stored in the same
 * transaction as the change it made and the change's audit entry (see {@link ChangeAudit}); a retry with the same
 * key and the same request replays that answer without running again; the same key with a different request is
 * refused with 422. A concurrent duplicate waits for the first to commit (primary-key lock) and then replays it.
 * Keys are scoped to the caller and kept for
 * {@code backbone.idempotency.retention} (48 hours by default).
 */
@ApplicationScoped
public class IdempotentRequests {
    public static final String HEADER = "Idempotency-Key";

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    ChangeAudit audit;
    @ConfigProperty(name = "backbone.idempotency.retention", defaultValue = "PT48H")
    Duration retention;

    /**
     * Runs {@code action} once per (caller, key). Without a key it simply runs. {@code request} is what identifies
     * the request's content (e.g. path and body), compared on retries.
     */
    public Response execute(String caller, String key, Object request, Supplier<Response> action) {
        if (key == null) {
            // No key: no stored answer; the action runs in its resource's transaction (AuditedChanges), if any.
            return action.get();
        }
        return QuarkusTransaction.joiningExisting().call(() -> executeOnce(caller, key, request, action));
    }

    private Response executeOnce(String caller, String key, Object request, Supplier<Response> action) {
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalidField(HEADER, "must be 1 to 200 characters");
        }
        String fingerprint = fingerprint(request);
        int claimed = entityManager.createNativeQuery("""
                insert into idempotent_request (caller, key, fingerprint, status) values (:caller, :key, :fp, 0)
                on conflict do nothing
                """).setParameter("caller", caller).setParameter("key", key).setParameter("fp", fingerprint)
                .executeUpdate();
        if (claimed == 0) {
            return replay(caller, key, fingerprint);
        }
        Response response = action.get();
        // the change's audit entry commits with it and with the stored answer
        audit.recordWithChange(response.getStatus(), response.getLocation(), false);
        entityManager.createNativeQuery("""
                update idempotent_request set status = :status, location = :location, body = :body
                where caller = :caller and key = :key
                """)
                .setParameter("status", response.getStatus())
                .setParameter("location", response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter("body", write(response.getEntity()))
                .setParameter("caller", caller).setParameter("key", key)
                .executeUpdate();
        return response;
    }

    private Response replay(String caller, String key, String fingerprint) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select fingerprint, status, location, body from idempotent_request where caller = :caller and key = :key
                """).setParameter("caller", caller).setParameter("key", key).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.conflict("idempotency-key-in-use",
                    "a request with this Idempotency-Key is still being processed; retry shortly");
        }
        Object[] row = rows.get(0);
        if (!fingerprint.equals(row[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                    "Idempotency-Key " + key + " was first used with a different request");
        }
        Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue())
                .header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            replay.location(URI.create((String) row[2]));
        }
        if (row[3] != null) {
            replay.entity(row[3]).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE);
        }
        return replay.build();
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void prune() {
        entityManager.createNativeQuery("delete from idempotent_request where created_at < :before")
                .setParameter("before", Instant.now().minus(retention)).executeUpdate();
    }

    private String write(Object entity) {
        if (entity == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be stored for replay", e);
        }
    }

    private String fingerprint(Object request) {
        try {
            return Digests.sha256Hex(objectMapper.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request cannot be fingerprinted", e);
        }
    }
}
