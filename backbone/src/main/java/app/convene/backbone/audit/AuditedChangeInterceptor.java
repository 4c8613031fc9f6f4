package app.convene.backbone.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

import app.convene.backbone.outbox.GatheredWrites;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a change made through the API in one transaction, which the services' own transactional methods join, and
 * writes the change's audit entry in it once the answer is known: the two commit together, or neither does. The
 * change's events and its entry are gathered and written in one statement just before the commit ({@link
 * GatheredWrites}), so a change holding a row lock (a registration holds its event's) holds it a few round trips
 * less. A request that is not a change (a read, or no HTTP request at all) runs as it is. Runs after the caller's
 * roles are checked and before the services' transactional methods ({@code @Transactional} is at PLATFORM_BEFORE +
 * 200 and joins).
 */
@AuditedChanges
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 150)
public class AuditedChangeInterceptor {
    @Inject
    ChangeAudit audit;
    @Inject
    GatheredWrites writes;

    @AroundInvoke
    Object runWithEntry(InvocationContext invocation) throws Exception {
        if (!audit.isChangeRequest()) {
            return invocation.proceed();
        }
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                boolean gathering = writes.gather();
                Object answer = proceed(invocation);
                if (answer instanceof Response response) {
                    audit.recordWithChange(response.getStatus(), response.getLocation(),
                            response.getHeaderString("Idempotent-Replayed") != null);
                } else {
                    // an entity is answered with 200, nothing (void or null) with 204
                    audit.recordWithChange(answer == null ? 204 : 200, null, false);
                }
                if (gathering) {
                    writes.write();
                }
                return answer;
            });
        } catch (CheckedFailure failure) {
            throw failure.cause;
        }
    }

    private static Object proceed(InvocationContext invocation) {
        try {
            return invocation.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CheckedFailure(e);
        }
    }

    /** Carries a checked exception of the resource method through the transaction (which rolls back) unchanged. */
    private static final class CheckedFailure extends RuntimeException {
        private final Exception cause;

        CheckedFailure(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
