package dev.dialtone.api.security;

import dev.dialtone.api.config.DialtoneProperties.Role;
import dev.dialtone.domain.tenancy.TenantId;

/** Who is calling: the tenant and role of the API key presented. The principal of every authenticated request. */
public record Caller(TenantId tenant, Role role) {
}
