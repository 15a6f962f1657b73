package dev.dialtone.domain.tenancy;

import dev.dialtone.domain.Slugs;

/** The business that owns agents, policies and signals; API keys are issued per tenant. */
public record TenantId(String value) {

    public TenantId {
        Slugs.require(value, "tenant");
    }

    @Override
    public String toString() {
        return value;
    }
}
