package io.chatroi.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Names a reactive step of our own as a span (a recompute's sync and SQL steps): the span starts when the step is
 * subscribed to, as a child of whatever span is current then (the request, the scheduled job), and ends when the
 * step's Uni completes, failed steps marked as errors. Calls the step makes while building its Uni (SQL, HTTP) see it
 * as their parent.
 */
@ApplicationScoped
public class Spans {

    private final Tracer tracer;

    public Spans(Tracer tracer) {
        this.tracer = tracer;
    }

    public <T> Uni<T> around(String name, Supplier<Uni<T>> step) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(name).setParent(Context.current()).startSpan();
            Uni<T> work;
            try (Scope ignored = span.makeCurrent()) {
                work = step.get();
            } catch (RuntimeException e) {
                span.recordException(e).setStatus(StatusCode.ERROR).end();
                throw e;
            }
            return work.onItemOrFailure().invoke((item, failure) -> {
                if (failure != null) {
                    span.recordException(failure).setStatus(StatusCode.ERROR);
                }
                span.end();
            }).onCancellation().invoke(span::end);
        });
    }
}
