using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>
/// A caller or a vendor built on our own stack, over UDP on loopback and on the test's clock. It records what it
/// receives, answers an INVITE as <see cref="InviteAnswer"/> says, and answers requests inside a dialog with
/// <see cref="Answers"/> (200 by default; a 2xx to a re-INVITE carries an SDP answer).
/// </summary>
internal sealed class LoopbackPeer : ISipTransactionUser, IAsyncDisposable
{
    private readonly SipTransport _transport;
    private readonly SipTransactionLayer _layer;
    private readonly string _user;
    private SipClientTransaction? _lastInvite;

    public LoopbackPeer(string user, TimeProvider clock, IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        _transport = new SipTransport(new SipTransportOptions { ListenEndPoint = new IPEndPoint(address, 0), EnableTcp = false });
        _layer = new SipTransactionLayer(_transport, new SipTransactionOptions(), clock);
        _layer.Attach(this);
        _transport.Start(_layer);
        _user = user;
        Contact = $"<sip:{user}@{address}:{Port}>";
    }

    public string Contact { get; }

    public int Port => _transport.LocalEndPoint.Port;

    /// <summary>Every request but ACK, recorded once answered.</summary>
    public Inbox<SipRequest> Requests { get; } = new();

    public Inbox<SipRequest> Acks { get; } = new();

    /// <summary>Provisional responses (other than 100) to requests this peer sent.</summary>
    public Inbox<SipResponse> Provisionals { get; } = new();

    /// <summary>Responses no transaction wanted: retransmitted 2xx, or a 100 Trying to a retransmitted INVITE.</summary>
    public Inbox<SipResponse> StrayResponses { get; } = new();

    /// <summary>How a new INVITE is answered.</summary>
    public InviteAnswer InviteAnswer { get; set; } = new();

    /// <summary>The final status for each method inside a dialog; 200 when not listed.</summary>
    public Dictionary<string, int> Answers { get; } = [];

    /// <summary>The dialog of the last INVITE this peer answered with a 2xx.</summary>
    public PeerDialog? Dialog { get; private set; }

    /// <summary>Sends a request in a new client transaction and waits for its final response.</summary>
    public async Task<SipResponse> SendAsync(SipRequest request, SipEndPoint destination)
    {
        try
        {
            var transaction = _layer.SendRequest(request, destination, (_, provisional) =>
            {
                if (provisional.StatusCode > 100)
                {
                    Provisionals.Add(provisional);
                }
            });
            if (request.Method == SipMethods.Invite)
            {
                _lastInvite = transaction;
            }

            return await transaction.FinalResponse.WaitAsync(Inbox<SipResponse>.Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No final response to {request.CSeq} from {destination} within {Inbox<SipResponse>.Patience.TotalSeconds} s.");
        }
    }

    /// <summary>RFC 3261 §9.1: cancels the last INVITE this peer sent, while it has no final response.</summary>
    public void CancelLastInvite() => _layer.Cancel(_lastInvite ?? throw new InvalidOperationException("No INVITE was sent."));

    /// <summary>Sends a request inside <paramref name="dialog"/> and waits for its final response.</summary>
    public Task<SipResponse> SendAsync(PeerDialog dialog, SipRequest request) => SendAsync(request, dialog.Destination);

    public async Task AckAsync(PeerDialog dialog, uint sequence, byte[]? body = null)
    {
        var ack = dialog.Ack(sequence);
        if (body is not null)
        {
            ack.ContentType = Sdp.ContentType;
            ack.Body = body;
        }

        await _layer.SendAckAsync(ack, dialog.Destination);
    }

    /// <summary>Sends <paramref name="request"/> again, byte for byte, outside any transaction: a retransmission.</summary>
    public ValueTask RetransmitAsync(SipRequest request, SipEndPoint destination) => _transport.SendAsync(request, destination);

    public void OnRequest(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        if (request.Method == SipMethods.Invite && request.To.Tag is null)
        {
            AnswerInvite(transaction);
        }
        else
        {
            AnswerInDialog(transaction);
        }

        Requests.Add(request);
    }

    public void OnAck(SipRequest ack) => Acks.Add(ack);

    /// <summary>CANCELs of INVITEs this peer was still ringing on (the layer answers them 200 and the INVITE 487).</summary>
    public Inbox<SipRequest> Cancels { get; } = new();

    public void OnCancel(SipServerTransaction inviteTransaction, SipRequest cancel) => Cancels.Add(cancel);

    public void OnStrayResponse(SipResponse response) => StrayResponses.Add(response);

    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    private void AnswerInvite(SipServerTransaction transaction)
    {
        var answer = InviteAnswer;
        if (answer.RingOnly)
        {
            transaction.Respond(180, toTag: "tag-" + _user);
            return;
        }

        if (answer.Status >= 300)
        {
            transaction.Respond(answer.Status, toTag: "tag-" + _user);
            return;
        }

        if (answer.RingFirst)
        {
            transaction.Respond(180, toTag: "tag-" + _user);
        }

        var ok = transaction.CreateResponse(200, toTag: "tag-" + _user);
        ok.Headers.Add(SipHeaderKind.Contact, Contact);
        if (answer.SessionExpires is { } sessionExpires)
        {
            ok.Headers.Add(SipHeaderKind.SessionExpires, sessionExpires);
        }

        ok.ContentType = Sdp.ContentType;
        ok.Body = answer.Body;
        Dialog = PeerDialog.AsVendor(transaction.Request, ok, Contact);
        transaction.SendResponse(ok);
    }

    private void AnswerInDialog(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        var response = transaction.CreateResponse(Answers.GetValueOrDefault(request.Method, 200));
        if (response.IsSuccess && request.Method is SipMethods.Invite or SipMethods.Update)
        {
            response.Headers.Add(SipHeaderKind.Contact, Contact);
            if (request.Method == SipMethods.Invite)
            {
                response.ContentType = Sdp.ContentType;
                response.Body = Sdp.VendorAnswer;
            }
        }

        transaction.SendResponse(response);
    }
}
