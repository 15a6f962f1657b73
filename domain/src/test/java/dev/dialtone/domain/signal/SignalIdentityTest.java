package dev.dialtone.domain.signal;

import dev.dialtone.domain.signal.api.SignalIdentity;
import dev.dialtone.domain.signal.api.SignalKind;
import dev.dialtone.domain.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SignalIdentityTest {

    private static final TenantId SMITH = new TenantId("smith-law");

    @Test
    void theSameSignalAlwaysGetsTheSameEventIdentifier() {
        assertThat(SignalIdentity.eventIdentifier(SMITH, SignalKind.CALL, "vapi-7f3c"))
                .isEqualTo(SignalIdentity.eventIdentifier(new TenantId("smith-law"), SignalKind.CALL, "vapi-7f3c"));
    }

    @Test
    void tenantKindAndSourceIdEachDistinguishSignals() {
        Set<String> ids = new HashSet<>();
        ids.add(SignalIdentity.eventIdentifier(SMITH, SignalKind.CALL, "42"));
        ids.add(SignalIdentity.eventIdentifier(SMITH, SignalKind.HEALTH_CHECK, "42"));
        ids.add(SignalIdentity.eventIdentifier(SMITH, SignalKind.FAILOVER_ACTION, "42"));
        ids.add(SignalIdentity.eventIdentifier(new TenantId("jones-clinic"), SignalKind.CALL, "42"));
        ids.add(SignalIdentity.eventIdentifier(SMITH, SignalKind.CALL, "43"));
        assertThat(ids).hasSize(5);
    }
}
