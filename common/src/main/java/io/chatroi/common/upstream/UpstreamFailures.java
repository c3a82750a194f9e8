package io.chatroi.common.upstream;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.util.concurrent.TimeoutException;

/**
 * The one place a failed call to a sibling becomes the caller's answer: no answer in time is a 504, anything else
 * that kept the sibling from answering (refused connection, 5xx, an open circuit) a 503. A {@link ProblemException}
 * a client bean raised from the sibling's answer (a 404 it expects, a 400 on the caller's field) passes unchanged.
 */
public final class UpstreamFailures {

    private UpstreamFailures() {
    }

    /** The sibling answered with a status the call does not expect. */
    public static final class UnexpectedAnswer extends RuntimeException {
        private final int status;

        UnexpectedAnswer(String message, int status) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Whether another attempt may succeed: not after an answer (a problem, a 4xx) nor while the circuit is open. */
    static boolean retryable(Throwable failure) {
        if (failure instanceof ProblemException || failure instanceof CircuitBreakerOpenException) {
            return false;
        }
        return !(failure instanceof UnexpectedAnswer answer) || answer.status() >= 500;
    }

    static ProblemException problem(String upstream, String operation, Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        if (failure instanceof TimeoutException
                || failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return new ProblemException(ProblemType.GATEWAY_TIMEOUT, upstream + " did not answer " + operation
                    + " in time", null, null);
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, upstream + " is failing " + operation
                    + "; calls paused for a moment", null, null);
        }
        String detail = failure instanceof UnexpectedAnswer ? failure.getMessage()
                : upstream + " did not answer " + operation + ": " + failure.getMessage();
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, detail, null, null);
    }
}
