package io.chatroi.common.whatsapp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessScopedUserIdTest {

    @Test
    void metasExamplesAreBsuids() {
        assertTrue(BusinessScopedUserId.isValid("US.13491208655302741918"));
        assertTrue(BusinessScopedUserId.isValid("US.ENT.11815799212886844830"));
    }

    @Test
    void phonesUsernamesAndMalformedIdsAreNot() {
        for (String value : new String[]{null, "", "+4930123456", "@realsheenanelson", "us.1349", "US.", "US.12-34",
                "USA.1349", "US.1349 ", "US." + "1".repeat(129)}) {
            assertFalse(BusinessScopedUserId.isValid(value), String.valueOf(value));
        }
    }
}
