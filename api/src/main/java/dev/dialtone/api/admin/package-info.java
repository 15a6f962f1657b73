/** {@code /api/v1/admin/**}: operator maintenance of the read models. */
package dev.dialtone.api.admin;
