/**
 * The tamper-evident audit log: {@link io.jenkins.plugins.securedeploy.engine.audit.AuditLog} appends
 * {@link io.jenkins.plugins.securedeploy.engine.audit.AuditEvent}s as hash-chained JSON Lines (durable, O(1) per
 * append, secrets masked, references typed) and signs the chain head every N entries through the
 * {@link io.jenkins.plugins.securedeploy.engine.sign.Signer} port;
 * {@link io.jenkins.plugins.securedeploy.engine.audit.AuditVerifier} streams it and names the first bad entry of any
 * edit, deletion, insertion, reordering or truncation. Jackson only in the {@code *Reader}/{@code *Writer} classes.
 */
package io.jenkins.plugins.securedeploy.engine.audit;
