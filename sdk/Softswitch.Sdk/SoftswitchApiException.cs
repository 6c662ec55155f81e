using System.Net;

namespace Softswitch.Sdk;

/// <summary>The API refused a call: its RFC 9457 problem, and field errors when the request failed validation.</summary>
public sealed class SoftswitchApiException : Exception
{
    public SoftswitchApiException(HttpStatusCode statusCode, ApiProblem problem)
        : base($"{(int)statusCode} {problem.Title}{(problem.Detail is null ? "" : ": " + problem.Detail)}")
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    public HttpStatusCode StatusCode { get; }

    public ApiProblem Problem { get; }

    /// <summary>Messages per JSON field name (e.g. <c>name</c>, <c>access_ips[2]</c>); empty unless validation failed.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => Problem.Errors ?? new Dictionary<string, string[]>();
}
