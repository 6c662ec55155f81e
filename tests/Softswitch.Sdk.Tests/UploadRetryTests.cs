using System.Net;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary>
/// Uploads (a MaxMind file from the caller's stream) and retries: a seekable stream is sent whole again under the same
/// Idempotency-Key (the API would refuse a different body with that key as 422), a forward-only one is sent once.
/// </summary>
public sealed class UploadRetryTests
{
    [Fact]
    public async Task A_seekable_upload_whose_response_was_lost_is_resent_whole_and_imported_once()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Upload");
        using var setup = app.Sdk(key);
        var set = await setup.IpRangeSets.CreateAsync(new IpRangeSetOptions { Name = "DE" });
        var faults = new FaultInjectingHandler(1, FaultInjectingHandler.Fault.ResponseLostAs503);
        using var client = app.Sdk(key, maxRetries: 2, faults);
        using var database = new MemoryStream(Database());

        var imported = await client.IpRanges.ImportMaxMindAsync(set.Id, database, ["DE"]);

        Assert.Equal(1, imported.Imported);
        Assert.Equal(2, faults.Sends);
        Assert.Equal(faults.IdempotencyKeys[0], faults.IdempotencyKeys[1]);
        Assert.Equal(1, (await client.IpRangeSets.GetAsync(set.Id)).RangeCount);
        Assert.True(database.CanRead);
    }

    [Fact]
    public async Task A_forward_only_upload_is_sent_once_and_its_failure_thrown()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Once");
        using var setup = app.Sdk(key);
        var set = await setup.IpRangeSets.CreateAsync(new IpRangeSetOptions { Name = "DE" });
        var faults = new FaultInjectingHandler(1, FaultInjectingHandler.Fault.ResponseLostAs503);
        using var client = app.Sdk(key, maxRetries: 2, faults);
        using var database = new ForwardOnlyStream(new MemoryStream(Database()));

        var lost = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.IpRanges.ImportMaxMindAsync(set.Id, database, ["DE"]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        Assert.Equal(1, faults.Sends);
    }

    private static byte[] Database() => new MaxMindTestDatabase().Network("198.51.100.0/24", "DE").Network("192.0.2.0/24", "US").ToArray();

    /// <summary>A stream that can only be read forwards, like a network download.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
