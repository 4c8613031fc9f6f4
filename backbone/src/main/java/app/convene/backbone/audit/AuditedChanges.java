package app.convene.backbone.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a resource class: every change it serves through the API (POST, PUT, PATCH or DELETE) runs in one transaction
 * together with its audit entry, so the change and the record of who made it commit together or not at all
 * ({@link AuditedChangeInterceptor}). Every resource class with such a method carries it.
 */
@InterceptorBinding
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditedChanges {
}
