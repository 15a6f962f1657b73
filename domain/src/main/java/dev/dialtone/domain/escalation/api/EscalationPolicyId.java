package dev.dialtone.domain.escalation.api;

import dev.dialtone.domain.Slugs;
import dev.dialtone.domain.tenancy.TenantId;

import java.util.Objects;

/** A policy is named per tenant, so two businesses may both call theirs "front-desk". */
public record EscalationPolicyId(TenantId tenant, String policyId) {

    public EscalationPolicyId {
        Objects.requireNonNull(tenant, "tenant");
        Slugs.require(policyId, "policyId");
    }

    /** The aggregate identifier: tenant and policy id, which are slugs and so cannot contain '/'. */
    @Override
    public String toString() {
        return tenant + "/" + policyId;
    }
}
