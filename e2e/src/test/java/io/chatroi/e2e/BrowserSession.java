package io.chatroi.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Chromium of one browser test class, set up the way each of them needs it: skipped without chromium (failed
 * under CI=true), opened on the e2e stack's gateway before the class's own set-up, a test failed on any console
 * error it caused, and closed after the class. Registered after {@code @ExtendWith(Stack.class)} so the stack is up
 * first: {@code @RegisterExtension static final BrowserSession SESSION = new BrowserSession();}
 */
final class BrowserSession implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private Browser browser;

    /** The open browser, from the class's {@code @BeforeAll} on. */
    Browser browser() {
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Browser.requireInstalled();
        browser = Browser.onGateway();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            assertThat(browser.newConsoleErrors()).as("console errors").isEmpty();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
