package io.chatroi.common.testing;

import io.quarkus.test.junit.callback.QuarkusTestAfterAllCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestContext;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts {@link ContractValidation} over the module's committed {@code openapi.yaml} in front of every rest-assured
 * call of every {@code @QuarkusTest} (registered through {@code META-INF/services} of common's test jar, so each
 * service gets it by depending on that jar). {@link SkipContractValidation} on a test class or method takes it out.
 * After each test class the running count is printed and written to {@code target/contract-validation.txt}.
 * Off when the module has no {@code openapi.yaml} yet or while the contract is being rewritten
 * ({@code -Dchatroi.openapi.update=true}).
 */
public class ContractValidationCallback
        implements QuarkusTestBeforeClassCallback, QuarkusTestBeforeEachCallback, QuarkusTestAfterAllCallback {

    /**
     * A module whose contract is not yet complete enough to hold its tests to can name why in this file (for
     * example while its operations are being documented on another branch); the reason is printed loudly.
     */
    static final Path SKIP_FILE = Path.of("contract-validation-off.txt");

    private static ContractValidation validation;
    private static boolean loaded;

    private static synchronized ContractValidation validation() {
        if (!loaded) {
            Path contract = Path.of(ServiceConventionsTest.CONTRACT_FILE);
            if (Files.exists(SKIP_FILE)) {
                System.out.println("[contract] !!! contract validation is OFF in this module: " + readSkipReason());
            } else if (Files.exists(contract) && !Boolean.getBoolean(ServiceConventionsTest.UPDATE_PROPERTY)) {
                // violations are collected and reported after each test class, so one run shows them all
                validation = ContractValidation.ofFile(contract, false); // a contract that does not load fails every test
            }
            loaded = true;
        }
        return validation;
    }

    /** Covers the calls of {@code @BeforeAll} methods. */
    @Override
    public void beforeClass(Class<?> testClass) {
        if (validation() != null) {
            validation().currentTest(testClass.getSimpleName() + " (before all)");
        }
        install(!skipped(testClass));
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (validation() != null) {
            validation().currentTest(context.getTestInstance().getClass().getSimpleName()
                    + (context.getTestMethod() == null ? "" : "." + context.getTestMethod().getName()));
        }
        install(!skipped(context.getTestInstance().getClass()) && (context.getTestMethod() == null
                || !context.getTestMethod().isAnnotationPresent(SkipContractValidation.class)));
    }

    private static void install(boolean on) {
        ContractValidation contract = validation();
        if (contract == null) {
            return;
        }
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.removeIf(f -> f instanceof ContractValidation);
        if (on) {
            filters.add(contract);
        }
        RestAssured.replaceFiltersWith(filters);
    }

    private static boolean skipped(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(SkipContractValidation.class)) {
                return true;
            }
        }
        return false;
    }

    private static String readSkipReason() {
        try {
            return Files.readString(SKIP_FILE, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(QuarkusTestContext context) {
        ContractValidation contract = validation();
        if (contract == null) {
            return;
        }
        String summary = contract.summary() + " (after " + context.getTestInstance().getClass().getSimpleName() + ")";
        System.out.println(summary);
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("contract-validation.txt"), summary + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> violations = contract.takeViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " calls broke the contract " + contract.name() + ":\n"
                    + String.join("\n", violations) + "\n" + ContractValidation.HOW_TO_FIX);
        }
    }
}
