package io.chatroi.gateway;

import io.chatroi.common.testing.ServiceConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConventionsTest extends ServiceConventionsTest {
}
