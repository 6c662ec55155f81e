using System.Net;
using Microsoft.Extensions.Logging;
using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Events;
using Softswitch.Switch.Fraud;
using SecurityEvent = Softswitch.Switch.Fraud.SecurityEvent;

namespace Softswitch.Switch.Admission;

/// <summary>
/// Explains every refusal of a call whose tenant is known (issue 8 §6): the caller gets the answer the tenant chose
/// for the rule (or the rule's own), the call gets a CDR naming the rule, published on the call-event stream as
/// <see cref="CallEventKind.Refused"/> so it is durable before the answer leaves, and a security event carries the
/// rule's counters. Refusals before ingress (protocol checks, unknown sources) belong to no tenant and are only counted.
/// </summary>
internal sealed class RefusalRecorder(
    CallEventStream events, ISecurityEventSink? securityEvents, ICallMetadataHeaders metadataHeaders, TimeProvider time, ILogger logger)
{
    public async ValueTask RefuseAsync(AdmissionContext context, AdmissionDecision decision)
    {
        var origin = context.Origin!;
        var transaction = context.Transaction;
        var rule = decision.RuleId!;
        var response = Answer(context, decision.Response!, rule, origin.Tenant.RefusalPolicies.GetValueOrDefault(rule));
        var now = time.GetUtcNow();
        var record = new CallDetailRecord
        {
            Id = CallDetailRecord.NewId(now),
            TenantId = origin.Tenant.TenantId,
            CallId = transaction.Request.CallId,
            AccountId = origin.Account.Id,
            MappingGatewayId = origin.Gateway?.Id,
            PhoneId = origin.Phone?.Id,
            CallerReceived = origin.Caller,
            CalleeReceived = origin.Callee,
            SetupAt = now,
            EndAt = now,
            FinalCode = response.StatusCode,
            HangupSide = HangupSide.Switch,
            RefusedBy = rule,
            Metadata = CallMetadata.Capture(transaction.Request, metadataHeaders.For(origin.Tenant.TenantId)),
        };
        try
        {
            await events.PublishAsync(new CallEvent(CallEventKind.Refused, 1, record)).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Recording the refusal of call {CallId} by {Rule} failed", record.CallId, rule);
        }

        var source = transaction.Remote.EndPoint.Address;
        if (context.Monitored is not null)
        {
            RecordMonitored(context, source, record.Id);
        }

        Raise(SecurityAction.Refuse, origin, source, decision, record.Id, now);
        transaction.SendResponse(response);
    }

    /// <summary>The "would refuse" events of a call that went on past the tenant's monitor-only rules (read before the call takes the INVITE over).</summary>
    public void RecordMonitored(AdmissionContext context, IPAddress source, string cdrId)
    {
        var now = time.GetUtcNow();
        foreach (var decision in context.Monitored!)
        {
            Raise(SecurityAction.Monitor, context.Origin!, source, decision, cdrId, now);
        }
    }

    private void Raise(SecurityAction action, CallOrigin origin, IPAddress source, AdmissionDecision decision, string cdrId, DateTimeOffset now)
    {
        var evidence = decision.Evidence;
        securityEvents?.Raise(new SecurityEvent(
            now, decision.RuleId!, action, source, Saturate(evidence?.Count), Saturate(evidence?.Threshold), evidence?.Window ?? TimeSpan.Zero, evidence?.Detail)
        {
            TenantId = origin.Tenant.TenantId,
            PhoneId = origin.Phone?.Id,
            Caller = origin.Caller,
            Callee = origin.Callee,
            MappingGatewayId = origin.Gateway?.Id,
            CdrId = cdrId,
        });
    }

    private static int Saturate(long? value) => (int)Math.Clamp(value ?? 0, 0, int.MaxValue);

    private static SipResponse Answer(AdmissionContext context, SipResponse stageAnswer, string rule, RefusalPolicy? policy)
    {
        if (policy is null || (policy.StatusCode is null && policy.ReasonText is null))
        {
            return stageAnswer;
        }

        var code = policy.StatusCode ?? stageAnswer.StatusCode;
        var answer = context.Transaction.CreateResponse(code);
        stageAnswer.Headers.CopyTo(answer.Headers, SipHeaderKind.RetryAfter);
        answer.Headers.Add(ReasonHeader.Name, ReasonHeader.Q850(Q850Cause.FromSipStatus(code), policy.ReasonText ?? $"Refused by {rule}"));
        return answer;
    }
}
