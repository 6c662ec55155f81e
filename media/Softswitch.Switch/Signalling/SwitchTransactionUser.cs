using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Probing;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transactions;
using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Signalling;

/// <summary>
/// The switch's transaction user: REGISTER to the registrar, OPTIONS outside a dialog to the responder, new INVITEs
/// and everything inside a dialog to the B2BUA. Other methods outside a dialog get 405 when we know them and 501 when
/// we do not (RFC 3261 §8.2.1, §21.5.2), either with Allow.
/// </summary>
public sealed partial class SwitchTransactionUser(
    B2buaCore b2bua, SipRegistrar registrar, SipOptionsResponder options, ILogger<SwitchTransactionUser> logger) : ISipTransactionUser
{
    private static readonly string Allowed = string.Join(", ", SipMethods.Invite, SipMethods.Ack, SipMethods.Cancel, SipMethods.Bye,
        SipMethods.Options, SipMethods.Register, SipMethods.Update, SipMethods.Info);

    public void OnRequest(SipServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        if (request.To.Tag is not null)
        {
            b2bua.OnDialogRequest(transaction);
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Invite:
                b2bua.OnInvite(transaction);
                break;
            case SipMethods.Register:
                Observe(registrar.HandleAsync(transaction), transaction);
                break;
            case SipMethods.Options:
                options.Respond(transaction);
                break;
            case SipMethods.Bye or SipMethods.Update or SipMethods.Info:
                transaction.Respond(481);
                break;
            default:
                var refused = transaction.CreateResponse(SipMethods.IsKnown(request.Method) ? 405 : 501);
                refused.Headers.Add(SipHeaderKind.Allow, Allowed);
                transaction.SendResponse(refused);
                break;
        }
    }

    public void OnCancel(SipServerTransaction inviteTransaction, SipRequest cancel) => b2bua.OnCancel(inviteTransaction);

    public void OnAck(SipRequest ack) => b2bua.OnAck(ack);

    public void OnStrayResponse(SipResponse response) => b2bua.OnStrayResponse(response);

    private void Observe(Task handling, SipServerTransaction transaction)
    {
        if (handling.IsCompletedSuccessfully)
        {
            return;
        }

        handling.ContinueWith(
            t =>
            {
                LogHandlerFailed(logger, t.Exception, transaction.Request.Method, transaction.Request.CallId);
                // Never leave the peer retransmitting into a failed handler; ignored when a final response went out.
                transaction.Respond(500);
            },
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {Method} {CallId} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception? exception, string method, string callId);
}
