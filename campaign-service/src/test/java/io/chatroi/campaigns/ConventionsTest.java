package io.chatroi.campaigns;

import io.chatroi.common.testing.ServiceConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConventionsTest extends ServiceConventionsTest {
}
