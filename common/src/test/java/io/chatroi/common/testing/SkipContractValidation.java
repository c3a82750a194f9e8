package io.chatroi.common.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns {@link ContractValidation} off for one test method or a whole test class. The value says why, so a reader
 * sees what the contract does not cover (for example a test that talks to a stand-in of another service).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SkipContractValidation {

    /** Why the calls of this test are not held to the contract. */
    String value();
}
