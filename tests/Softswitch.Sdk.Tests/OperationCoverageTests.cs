using System.Reflection;
using System.Runtime.CompilerServices;
using Softswitch.Sdk.Services;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary>
/// Every <c>/v1</c> operation of the committed OpenAPI document has an SDK method that sends it, with every query
/// parameter it takes, and no SDK method sends anything the document does not have. Every public <c>…Async</c> method
/// of every service of <see cref="SoftswitchClient"/> is called once by reflection, with placeholder arguments and
/// every optional argument and query option given a value, against a handler that records each request and refuses it.
/// </summary>
public sealed class OperationCoverageTests
{
    // Run off the test's synchronization context, once for all the tests here.
    private static readonly Lazy<Task<List<SdkCall>>> Calls = new(() => Task.Run(CallEverythingAsync));

    [Fact]
    public async Task Every_sdk_method_sends_one_request_and_ends_with_the_api_refusal()
    {
        var problems = (await Calls.Value).Where(c => c.Sent.Count != 1 || c.Failure is not null)
            .Select(c => $"{c.Method} sent {c.Sent.Count} requests" + (c.Failure is null ? "" : $" and threw {c.Failure.GetType().Name}: {c.Failure.Message}"));

        AssertNone(problems, "SDK methods that did not send one request");
    }

    [Fact]
    public async Task Every_operation_of_the_document_has_an_sdk_method()
    {
        var reached = (await Calls.Value).Select(c => c.Operation).OfType<ApiOperation>().ToHashSet();
        var missing = ApiDocument.Operations.Where(o => !reached.Contains(o)).Select(o => o.ToString());

        AssertNone(missing, "operations of the document no SDK method sends");
    }

    [Fact]
    public async Task No_sdk_method_sends_what_the_document_does_not_have()
    {
        var unknown = (await Calls.Value).Where(c => c.Sent.Count > 0 && c.Operation is null).Select(c => $"{c.Method}: {c.Sent[0]}");

        AssertNone(unknown, "SDK methods that send to no operation of the document");
    }

    [Fact]
    public async Task Every_query_parameter_of_the_document_is_sent_by_some_sdk_method()
    {
        var sent = (await Calls.Value).Where(c => c.Operation is not null)
            .GroupBy(c => c.Operation!, c => c.Sent[0].Query.Keys)
            .ToDictionary(g => g.Key, g => g.SelectMany(names => names).ToHashSet());
        var problems = new List<string>();
        foreach (var (operation, names) in sent)
        {
            problems.AddRange(operation.QueryParameters.Keys.Except(names).Select(name => $"{operation}: '{name}' is never sent"));
            problems.AddRange(names.Except(operation.QueryParameters.Keys).Select(name => $"{operation}: '{name}' is not a parameter of the operation"));
        }

        AssertNone(problems, "query parameters the SDK and the document disagree on");
    }

    private static void AssertNone(IEnumerable<string> problems, string what)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, $"{list.Count} {what}:\n" + string.Join("\n", list));
    }

    private static async Task<List<SdkCall>> CallEverythingAsync()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://softswitch.test/") };
        using var client = new SoftswitchClient(new SoftswitchClientOptions { ApiKey = "ssk_test_placeholder", MaxRetries = 0 }, http);
        var calls = new List<SdkCall>();
        foreach (var property in typeof(SoftswitchClient).GetProperties().Where(p => p.PropertyType.IsSubclassOf(typeof(Service))))
        {
            var service = property.GetValue(client)!;
            foreach (var method in service.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)))
            {
                var before = handler.Requests.Count;
                var failure = await CallAsync(service, method);
                var sent = handler.Requests.Skip(before).ToList();
                var name = $"{property.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
                calls.Add(new SdkCall(name, sent.Count == 1 ? Find(sent[0]) : null, sent, failure));
            }
        }

        return calls;
    }

    /// <summary>
    /// Calls <paramref name="method"/> to its end: the refusal the handler answers with is expected, and any other
    /// exception is what went wrong.
    /// </summary>
    private static async Task<Exception?> CallAsync(object service, MethodInfo method)
    {
        try
        {
            var result = method.Invoke(service, [.. method.GetParameters().Select(Argument)]);
            await (result switch
            {
                Task task => task,
                _ when method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>) =>
                    (Task)typeof(OperationCoverageTests).GetMethod(nameof(ReadFirstAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                        .MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]).Invoke(null, [result])!,
                _ => throw new NotSupportedException($"{method.Name} answers {method.ReturnType.Name}."),
            });
            return null;
        }
        catch (SoftswitchApiException)
        {
            return null;
        }
        catch (TargetInvocationException e)
        {
            return e.InnerException;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static async Task ReadFirstAsync<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var _ in items)
        {
            return;
        }
    }

    /// <summary>
    /// An argument for <paramref name="parameter"/>: ids and other strings are <c>x</c>, optional values are given
    /// (so their query parameters are sent), query options have every member set, and a request body is an empty
    /// object, since only where it goes matters here.
    /// </summary>
    private static object? Argument(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(CancellationToken) ? CancellationToken.None
            : type == typeof(RequestOptions) ? null
            : type == typeof(Stream) ? new MemoryStream([0x30])
            : type == typeof(IEnumerable<string>) ? new[] { "x" }
            : typeof(ListOptions).IsAssignableFrom(type) || QueryOptionDriftTests.Registry.ContainsKey(type) ? Placeholders.FullySet(type)
            : underlying == typeof(string) || underlying.IsValueType ? Placeholders.Value(underlying)
            : RuntimeHelpers.GetUninitializedObject(type);
    }

    /// <summary>The operation whose path template matches the request, the most specific one where several do.</summary>
    private static ApiOperation? Find(SentRequest request) =>
        ApiDocument.Operations.Where(o => o.Matches(request.Method, request.Path)).MaxBy(o => o.LiteralSegments);

    private sealed record SdkCall(string Method, ApiOperation? Operation, IReadOnlyList<SentRequest> Sent, Exception? Failure);
}
